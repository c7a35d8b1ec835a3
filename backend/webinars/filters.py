"""Query parameters of the webinar list."""

import django_filters

from accounts.models import User
from common.filters import IsoDateTimeFilter, WholeNumberFilter
from webinars.models import Webinar


class WebinarFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Webinar.Status.choices)
    tag = django_filters.CharFilter(field_name="tags__name", lookup_expr="iexact", max_length=30)
    host = WholeNumberFilter(method="filter_host", help_text="User id of the organizer or a co-host.")
    starts_after = IsoDateTimeFilter(field_name="starts_at", lookup_expr="gte")
    starts_before = IsoDateTimeFilter(field_name="starts_at", lookup_expr="lt")
    search = django_filters.CharFilter(field_name="title", lookup_expr="icontains", max_length=100)
    role = django_filters.ChoiceFilter(
        choices=[("host", "host")], method="filter_role", help_text="`host`: only webinars the caller hosts, drafts included."
    )
    ordering = django_filters.OrderingFilter(fields=["starts_at", "title", "created_at"])

    class Meta:
        model = Webinar
        fields: list[str] = []

    def filter_host(self, queryset, name, value):
        return queryset.hosted_by(User(pk=value))

    def filter_role(self, queryset, name, value):
        return queryset.hosted_by(self.request.user)
