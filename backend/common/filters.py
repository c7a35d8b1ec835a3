"""Filters shared by the apps: a backend that refuses unknown query parameters, and date-time filters."""

import django_filters
from django import forms
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

from common.fields import OFFSET_MESSAGE, has_real_offset

# Parameters every list understands besides its filterset's own.
GENERIC_PARAMS = {"page", "page_size", "ordering", "format"}


class StrictFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        known = set(GENERIC_PARAMS)
        if filterset_class is not None:
            known |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise ValidationError({name: ["Unknown filter."] for name in unknown})
        return super().filter_queryset(request, queryset, view)


class _RealOffsetIsoDateTimeField(IsoDateTimeField):
    def to_python(self, value):
        result = super().to_python(value)
        if result is not None and not has_real_offset(result):
            raise forms.ValidationError(OFFSET_MESSAGE, code="offset")
        return result


class IsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 date-time whose UTC offset is a real one (a wider one reaches PostgreSQL, which refuses it)."""

    field_class = _RealOffsetIsoDateTimeField
