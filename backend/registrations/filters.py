"""Query parameters of the registrant lists."""

import django_filters
from django.db.models import Q

from registrations.models import Registration


class RegistrationFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Registration.Status.choices)
    search = django_filters.CharFilter(method="filter_search", max_length=100, help_text="Username, name or email.")

    class Meta:
        model = Registration
        fields: list[str] = []

    def filter_search(self, queryset, name, value):
        return queryset.filter(
            Q(user__username__icontains=value) | Q(user__display_name__icontains=value) | Q(user__email__icontains=value)
        )


class MyRegistrationFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Registration.Status.choices)

    class Meta:
        model = Registration
        fields: list[str] = []
