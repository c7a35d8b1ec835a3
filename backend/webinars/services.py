"""Webinar rules: create, edit, publish, cancel, delete; co-hosts by invitation."""

from django.db import transaction

from accounts.models import User
from accounts.selectors import user_by_username
from common.errors import DomainError, Forbidden, IllegalTransition, Invalid, Missing
from webinars import lifecycle
from webinars.cache import invalidate_public_status
from webinars.locking import lock_webinar
from webinars.models import CoHostInvitation, Tag, Webinar
from webinars.signals import capacity_changed, webinar_cancelled, webinar_rescheduled

S = Webinar.Status
EDITABLE_STATUSES = lifecycle.EDITABLE
# What a registrant's calendar holds: changing one of these raises the calendar sequence.
CALENDAR_FIELDS = ("title", "starts_at", "ends_at")
# Co-hosts and pending invitations together: enough for a panel and its moderators, and a bound on
# how many people one webinar can pester with invitations.
MAX_CO_HOSTS = 10


def require_host(webinar: Webinar, user: User, message: str = "Only the webinar's hosts may do this.") -> None:
    """Raise Forbidden (403) unless `user` organizes or co-hosts the webinar."""
    if not webinar.is_host(user):
        raise Forbidden(message)


def _set_relations(webinar: Webinar, *, co_hosts: list[int] | None, tags: list[str] | None) -> None:
    if co_hosts is not None:
        # `co_hosts` lists the co-hosts who stay: hosts remove people here, but add nobody, since being
        # named by id would make anyone a host without their consent (and reveal the account). New
        # co-hosts are invited by username (co_host_invite). The same answer for any other id, real or not.
        # The organizer is a host already; listing them as co-host too would count them twice.
        staying = set(co_hosts) - {webinar.organizer_id}
        if not staying <= {user.pk for user in webinar.co_hosts.all()}:
            raise Invalid("Only current co-hosts can be listed here; invite new co-hosts by username.", field="co_hosts")
        webinar.co_hosts.set(staying)
    if tags is not None:
        webinar.tags.set([Tag.objects.get_or_create(name=name)[0] for name in tags])


def _require_editable(webinar: Webinar) -> None:
    if webinar.status not in EDITABLE_STATUSES:
        raise IllegalTransition(f"{lifecycle.a_webinar(webinar.status)} can no longer be edited.", code="not_editable")


def _check_times(starts_at, ends_at) -> None:
    if ends_at <= starts_at:
        raise Invalid("The end must be after the start.", field="ends_at")


@transaction.atomic
def webinar_create(*, organizer: User, co_hosts: list[int] | None = None, tags: list[str] | None = None, **fields) -> Webinar:
    """Create a draft; the caller becomes its organizer."""
    _check_times(fields["starts_at"], fields["ends_at"])
    webinar = Webinar.objects.create(organizer=organizer, status=S.DRAFT, **fields)
    _set_relations(webinar, co_hosts=co_hosts, tags=tags)
    return webinar


@transaction.atomic
def webinar_update(*, webinar: Webinar, by: User, co_hosts: list[int] | None = None, tags: list[str] | None = None, **fields) -> Webinar:
    """Hosts edit a webinar that has not ended; a new time or title of a published one raises its calendar sequence.

    What registrants are told (seats, calendar updates) belongs to registrations, which hears it through signals.
    """
    webinar = lock_webinar(webinar.pk)  # a registration taking the last seat must not race a capacity cut
    require_host(webinar, by)
    _require_editable(webinar)
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


@transaction.atomic
def co_host_invite(*, webinar: Webinar, by: User, username: str) -> CoHostInvitation:
    """A host invites the person with exactly this username (any case, active) to co-host; accepting makes them one.

    The same rules as the username lookup (and its rate bucket, in the view): no id, no partial match.
    """
    webinar = lock_webinar(webinar.pk)  # counted under the lock: two invitations cannot both take the last place
    require_host(webinar, by)
    _require_editable(webinar)
    user = user_by_username(username)
    if user is None:
        raise Invalid("No active account has this username.", code="unknown_user", field="username")
    if webinar.is_host(user):
        raise DomainError("This person already hosts the webinar.", code="already_host", field="username")
    pending = webinar.co_host_invitations.all()
    if any(invitation.user_id == user.pk for invitation in pending):
        raise DomainError("This person is already invited.", code="already_invited", field="username")
    if len(webinar.host_ids()) - 1 + len(pending) >= MAX_CO_HOSTS:
        raise DomainError(f"A webinar has at most {MAX_CO_HOSTS} co-hosts and pending invitations.", code="too_many_co_hosts")
    return CoHostInvitation.objects.create(webinar=webinar, user=user, invited_by=by)


def _locked_invitation(invitation: CoHostInvitation) -> tuple[Webinar, CoHostInvitation]:
    """The webinar locked, and the invitation read again under the lock (withdrawn or answered meanwhile: 404)."""
    webinar = lock_webinar(invitation.webinar_id)
    invitation = webinar.co_host_invitations.filter(pk=invitation.pk).first()
    if invitation is None:
        raise Missing()
    return webinar, invitation


@transaction.atomic
def co_host_invitation_accept(*, invitation: CoHostInvitation, by: User) -> Webinar:
    """The invitee says yes and becomes a co-host, while the webinar can still be edited."""
    webinar, invitation = _locked_invitation(invitation)
    if invitation.user_id != by.pk:
        raise Missing()
    _require_editable(webinar)
    webinar.co_hosts.add(by)
    invitation.delete()
    return webinar


@transaction.atomic
def co_host_invitation_decline(*, invitation: CoHostInvitation, by: User) -> None:
    """The invitee says no (the invitation goes; the hosts may invite again)."""
    _webinar, invitation = _locked_invitation(invitation)
    if invitation.user_id != by.pk:
        raise Missing()
    invitation.delete()


@transaction.atomic
def co_host_invitation_withdraw(*, invitation: CoHostInvitation, by: User) -> None:
    """A host takes back an invitation not yet answered."""
    webinar, invitation = _locked_invitation(invitation)
    if not webinar.is_host(by):
        raise Missing()
    invitation.delete()


@transaction.atomic
def co_host_leave(*, webinar: Webinar, by: User) -> None:
    """A co-host steps down; the organizer cannot (they would leave the webinar without an owner)."""
    webinar = lock_webinar(webinar.pk)
    if by.pk == webinar.organizer_id:
        raise DomainError("The organizer cannot leave their own webinar.", code="organizer_cannot_leave")
    if not webinar.is_host(by):
        raise DomainError("You do not co-host this webinar.", code="not_co_host")
    webinar.co_hosts.remove(by)
