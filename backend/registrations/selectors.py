"""Reads of registrations."""

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from registrations.models import Registration
from webinars.models import Webinar


def has_seat(*, webinar_id: int, user_id: int) -> bool:
    """True if the user's registration for the webinar is approved: a seat. Hosts need none; callers check them apart."""
    return Registration.objects.filter(webinar_id=webinar_id, user_id=user_id, status=Registration.Status.APPROVED).exists()


def with_registration_details(queryset: QuerySet[Webinar], user) -> QuerySet[Webinar]:
    """Seats taken (a subquery per row: no join, no DISTINCT) and the caller's own registration."""
    seats = (
        Registration.objects.filter(webinar=OuterRef("pk"), status=Registration.Status.APPROVED)
        .order_by()
        .values("webinar")
        .annotate(taken=Count("pk"))
        .values("taken")
    )
    queryset = queryset.annotate(approved_count=Coalesce(Subquery(seats), 0))
    if user.is_authenticated:
        mine = Registration.objects.filter(user=user)
        queryset = queryset.prefetch_related(Prefetch("registrations", queryset=mine, to_attr="my_registrations"))
    return queryset
