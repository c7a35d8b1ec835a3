"""Reads of webinars, shaped for the API (one query for the list, none per row)."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from common.errors import Forbidden
from webinars.models import Webinar


def webinars_with_details(queryset: QuerySet[Webinar], user) -> QuerySet[Webinar]:
    """Annotate seats taken and prefetch hosts, tags and the caller's own registration."""
    queryset = (
        queryset.select_related("organizer")
        .prefetch_related("co_hosts", "tags")
        .annotate(approved_count=Count("registrations", filter=Q(registrations__status="approved"), distinct=True))
        .order_by("starts_at", "id")
    )  # Meta.ordering does not apply to grouped queries
    if user.is_authenticated:
        # The registrations app builds on this one, so reach its model through the reverse relation.
        registration_model = Webinar._meta.get_field("registrations").related_model
        mine = registration_model.objects.filter(user=user)
        queryset = queryset.prefetch_related(Prefetch("registrations", queryset=mine, to_attr="my_registrations"))
    return queryset


def published_webinar(request, pk: int) -> Webinar:
    """A webinar the caller can open an event page for (any published one), else 404."""
    return get_object_or_404(Webinar.objects.by_slug_for(request.user).prefetch_related("co_hosts"), pk=pk)


def hosted_webinar(request, pk: int) -> Webinar:
    """A webinar the caller hosts: 404 when they cannot see it at all, 403 when they can but do not host it."""
    webinar = get_object_or_404(Webinar.objects.reachable_by(request.user).prefetch_related("co_hosts"), pk=pk)
    if not webinar.is_host(request.user):
        raise Forbidden("Only the webinar's hosts may do this.")
    return webinar
