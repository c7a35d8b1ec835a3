"""Webinar rules: create, edit, publish, cancel, delete."""

from functools import partial

from django.db import transaction

from accounts.models import User
from common.errors import Forbidden, IllegalTransition, Invalid
from webinars import lifecycle
from webinars.cache import invalidate_public_status
from webinars.models import Tag, Webinar
from webinars.tasks import send_webinar_cancelled

S = Webinar.Status
EDITABLE_STATUSES = lifecycle.EDITABLE


def _lock(webinar: Webinar) -> Webinar:
    return Webinar.objects.select_for_update().get(pk=webinar.pk)


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
    """Hosts edit a webinar that has not ended; capacity never drops below the seats already given."""
    webinar = _lock(webinar)  # a registration taking the last seat must not race a capacity cut
    require_host(webinar, by)
    if webinar.status not in EDITABLE_STATUSES:
        raise IllegalTransition(f"{lifecycle.a_webinar(webinar.status)} can no longer be edited.", code="not_editable")
    _check_times(fields.get("starts_at", webinar.starts_at), fields.get("ends_at", webinar.ends_at))
    old_capacity = webinar.capacity
    if "capacity" in fields and fields["capacity"] is not None:
        seats_taken = webinar.registrations.filter(status="approved").count()
        if fields["capacity"] < seats_taken:
            raise Invalid(f"{seats_taken} seats are already taken; capacity cannot be lower.", field="capacity")
    for name, value in fields.items():
        setattr(webinar, name, value)
    webinar.save()
    invalidate_public_status(webinar.pk)  # starts_at is part of the public status
    _set_relations(webinar, co_hosts=co_hosts, tags=tags)
    if "capacity" in fields and (fields["capacity"] is None or (old_capacity is not None and fields["capacity"] > old_capacity)):
        # More seats: the waitlist moves up now. Imported here because registrations builds on webinars.
        from registrations.services import waitlist_fill

        waitlist_fill(webinar=webinar)
    return webinar


@transaction.atomic
def webinar_publish(*, webinar: Webinar, by: User) -> Webinar:
    """A draft becomes scheduled: listed (if public) and open for registration."""
    webinar = _lock(webinar)
    require_host(webinar, by)
    return lifecycle.transition(webinar, S.SCHEDULED)


@transaction.atomic
def webinar_cancel(*, webinar: Webinar, by: User) -> Webinar:
    """Cancel a webinar that has not started; its registrants are told by email after commit."""
    webinar = _lock(webinar)
    require_host(webinar, by)
    was_published = webinar.status != S.DRAFT
    lifecycle.transition(webinar, S.CANCELLED)
    if was_published:
        transaction.on_commit(partial(send_webinar_cancelled.enqueue, webinar.pk))
    return webinar


@transaction.atomic
def webinar_delete(*, webinar: Webinar, by: User) -> None:
    """Only drafts and cancelled webinars may be deleted: others hold registrations people rely on."""
    webinar = _lock(webinar)
    require_host(webinar, by)
    lifecycle.check_deletable(webinar)
    invalidate_public_status(webinar.pk)
    webinar.delete()
