"""Reads of webinars, shaped for the API (one query for the list, none per row)."""
from django.db.models import Count, Prefetch, Q, QuerySet

from webinars.models import Webinar


def webinars_with_details(queryset: QuerySet[Webinar], user) -> QuerySet[Webinar]:
    """Annotate seats taken and prefetch hosts, tags and the caller's own registration."""
    queryset = queryset.select_related("organizer").prefetch_related("co_hosts", "tags").annotate(
        approved_count=Count("registrations", filter=Q(registrations__status="approved"), distinct=True)
    ).order_by("starts_at", "id")  # Meta.ordering does not apply to grouped queries
    if user.is_authenticated:
        # The registrations app builds on this one, so reach its model through the reverse relation.
        registration_model = Webinar._meta.get_field("registrations").related_model
        mine = registration_model.objects.filter(user=user)
        queryset = queryset.prefetch_related(Prefetch("registrations", queryset=mine, to_attr="my_registrations"))
    return queryset
