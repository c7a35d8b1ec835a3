"""Webinar rules: create, edit, publish, cancel, delete."""

from django.db import transaction

from accounts.models import User
from common.errors import Forbidden, IllegalTransition, Invalid
from webinars import lifecycle
from webinars.cache import invalidate_public_status
from webinars.locking import lock_webinar
from webinars.models import Tag, Webinar
from webinars.signals import capacity_changed, webinar_cancelled, webinar_rescheduled

S = Webinar.Status
EDITABLE_STATUSES = lifecycle.EDITABLE
# What a registrant's calendar holds: changing one of these raises the calendar sequence.
CALENDAR_FIELDS = ("title", "starts_at", "ends_at")


def require_host(webinar: Webinar, user: User, message: str = "Only the webinar's hosts may do this.") -> None:
    """Raise Forbidden (403) unless `user` organizes or co-hosts the webinar."""
    if not webinar.is_host(user):
        raise Forbidden(message)


def _set_relations(webinar: Webinar, *, co_hosts: list[User] | None, tags: list[str] | None) -> None:
    if co_hosts is not None:
        # The organizer is a host already; listing them as co-host too would count them twice.
        webinar.co_hosts.set([user for user in co_hosts if user.pk != webinar.organizer_id])
    if tags is not None:
        webinar.tags.set([Tag.objects.get_or_create(name=name)[0] for name in tags])


def _check_times(starts_at, ends_at) -> None:
    if ends_at <= starts_at:
        raise Invalid("The end must be after the start.", field="ends_at")


@transaction.atomic
def webinar_create(*, organizer: User, co_hosts: list[User] | None = None, tags: list[str] | None = None, **fields) -> Webinar:
    """Create a draft; the caller becomes its organizer."""
    _check_times(fields["starts_at"], fields["ends_at"])
    webinar = Webinar.objects.create(organizer=organizer, status=S.DRAFT, **fields)
    _set_relations(webinar, co_hosts=co_hosts, tags=tags)
    return webinar


@transaction.atomic
def webinar_update(*, webinar: Webinar, by: User, co_hosts: list[User] | None = None, tags: list[str] | None = None, **fields) -> Webinar:
    """Hosts edit a webinar that has not ended; a new time or title of a published one raises its calendar sequence.

    What registrants are told (seats, calendar updates) belongs to registrations, which hears it through signals.
    """
    webinar = lock_webinar(webinar.pk)  # a registration taking the last seat must not race a capacity cut
    require_host(webinar, by)
    if webinar.status not in EDITABLE_STATUSES:
        raise IllegalTransition(f"{lifecycle.a_webinar(webinar.status)} can no longer be edited.", code="not_editable")
    _check_times(fields.get("starts_at", webinar.starts_at), fields.get("ends_at", webinar.ends_at))
    previous_capacity = webinar.capacity
    changed = sorted(name for name in CALENDAR_FIELDS if name in fields and fields[name] != getattr(webinar, name))
    for name, value in fields.items():
        setattr(webinar, name, value)
    announce = bool(changed) and webinar.status != S.DRAFT  # a draft has no registrants and no calendar entries
    if announce:
        webinar.sequence += 1
    webinar.save()
    invalidate_public_status(webinar.pk)  # starts_at is part of the public status
    _set_relations(webinar, co_hosts=co_hosts, tags=tags)
    if webinar.capacity != previous_capacity:
        capacity_changed.send(sender=Webinar, webinar=webinar, previous=previous_capacity)
    if announce:
        webinar_rescheduled.send(sender=Webinar, webinar=webinar, changed=changed)
    return webinar


@transaction.atomic
def webinar_publish(*, webinar: Webinar, by: User) -> Webinar:
    """A draft becomes scheduled: listed (if public) and open for registration."""
    webinar = lock_webinar(webinar.pk)
    require_host(webinar, by)
    return lifecycle.transition(webinar, S.SCHEDULED)


@transaction.atomic
def webinar_cancel(*, webinar: Webinar, by: User) -> Webinar:
    """Cancel a webinar that has not started; registrations hears of it (webinars.signals) and tells its registrants."""
    webinar = lock_webinar(webinar.pk)
    require_host(webinar, by)
    was_published = webinar.status != S.DRAFT
    lifecycle.transition(webinar, S.CANCELLED)
    if was_published:
        webinar.sequence += 1  # the calendar's CANCEL must outrank every version it sent before
        webinar.save(update_fields=["sequence"])
        webinar_cancelled.send(sender=Webinar, webinar=webinar)
    return webinar


@transaction.atomic
def webinar_delete(*, webinar: Webinar, by: User) -> None:
    """Only drafts and cancelled webinars may be deleted: others hold registrations people rely on."""
    webinar = lock_webinar(webinar.pk)
    require_host(webinar, by)
    lifecycle.check_deletable(webinar)
    invalidate_public_status(webinar.pk)
    webinar.delete()
