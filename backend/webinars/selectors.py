"""Reads of webinars, shaped for the API (one query for the list, none per row)."""

from collections.abc import Callable

from django.db import router
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import User
from common.prepared import PreparedValues
from webinars.models import CoHostInvitation, Webinar

# Apps built on this one add what they know of each webinar to its API reads (registrations: seats
# taken and the caller's own registration), so that this app never imports them.
detail_annotators: list[Callable[[QuerySet[Webinar], object], QuerySet[Webinar]]] = []


def webinars_with_details(queryset: QuerySet[Webinar], user) -> QuerySet[Webinar]:
    """Prefetch hosts and tags, and let the apps built on webinars add theirs."""
    queryset = queryset.select_related("organizer").prefetch_related("co_hosts", "tags").order_by("starts_at", "id")
    if user.is_authenticated:  # pending co-host invitations, shown to the hosts only
        queryset = queryset.prefetch_related(Prefetch("co_host_invitations", queryset=CoHostInvitation.objects.select_related("user")))
    for annotate in detail_annotators:
        queryset = annotate(queryset, user)
    return queryset


_COLUMNS = [field.attname for field in Webinar._meta.concrete_fields]
# The signed-in, non-staff case of reachable_by (nearly every call), compiled once (common/prepared.py):
# building this query cost more than running it, on every `{id}` route, registration included.
_reachable_by_member = PreparedValues(
    lambda pk, user_id: Webinar.objects.reachable_by(User(pk=user_id)).filter(pk=pk).order_by().values(*_COLUMNS),
    arity=2,
)


def reachable_webinar(user, pk: int) -> Webinar:
    """A webinar the user may open by id, else 404 (host-only views then check IsWebinarHost).

    Every `{id}` route goes through here: an unlisted webinar answers by id only to its hosts and to
    people already registered, so that counting ids finds nothing (the slug is its secret).
    """
    if not user.is_authenticated or user.is_staff:
        return get_object_or_404(Webinar.objects.reachable_by(user), pk=pk)
    row = _reachable_by_member.first(pk, user.pk)
    if row is None:
        raise Http404
    return Webinar.from_db(router.db_for_read(Webinar), _COLUMNS, [row[name] for name in _COLUMNS])


def webinar_by_slug(user, slug: str) -> Webinar:
    """A webinar the user may open by its slug (any published one, unlisted included), else 404."""
    return get_object_or_404(Webinar.objects.by_slug_for(user), slug=slug)
