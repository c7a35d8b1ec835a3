"""Filters shared by the apps: a backend that refuses unknown query parameters, and date-time filters."""

import django_filters
from django import forms
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
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
        # django-filter ignores an empty value (`?starts_before=`): refuse it for every filter that is
        # not free text or an ordering, as the schema types them (a date-time, a number or a choice is never "").
        if filterset_class is not None:
            empty = sorted(
                name
                for name, filter_ in filterset_class.base_filters.items()
                if not isinstance(filter_, (django_filters.CharFilter, django_filters.OrderingFilter))
                and "" in request.query_params.getlist(name)
            )
            if empty:
                raise ValidationError({name: ["This value cannot be empty."] for name in empty})
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


MAX_ID = 2**63 - 1  # the largest id the database stores (a signed 64-bit integer)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class WholeNumberFilter(django_filters.NumberFilter):
    """An id filter: a whole number from 1 to MAX_ID (django-filter's NumberFilter takes decimals, typed `number`)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)
