"""Registration rules. Capacity is checked after locking the webinar row, so it is never exceeded."""

from functools import partial

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import User
from common.errors import DomainError, Invalid
from common.prepared import PreparedValues, insert_fixed
from registrations.models import Registration
from registrations.tasks import send_registration_email
from webinars.lifecycle import IN_A_SENTENCE, OPEN_FOR_REGISTRATION
from webinars.locking import lock_webinar
from webinars.models import Webinar
from webinars.services import require_host

R = Registration.Status


def _notify(registration: Registration, kind: str) -> None:
    transaction.on_commit(partial(send_registration_email.enqueue, registration.pk, kind))


def _require_open(webinar: Webinar) -> None:
    if webinar.status not in OPEN_FOR_REGISTRATION:
        raise DomainError(f"Registrations can no longer change: the webinar {IN_A_SENTENCE[webinar.status]}.", code="registration_closed")


def _has_free_seat(webinar: Webinar) -> bool:
    if webinar.capacity is None:
        return True
    return webinar.registrations.filter(status=R.APPROVED).count() < webinar.capacity


def _seat_or_waitlist(registration: Registration, webinar: Webinar) -> str:
    """A seat if one is free, else the waitlist; saves (and so inserts a new registration)."""
    registration.status = R.APPROVED if _has_free_seat(webinar) else R.WAITLISTED
    registration.save()
    return registration.status


# What a registration decides with, read under the lock in one statement compiled once
# (common/prepared.py): is the caller a co-host, their earlier registration, the seats taken.
_registration_standing = PreparedValues(
    lambda webinar_id, user_id: (
        Webinar.objects.filter(pk=webinar_id)
        .annotate(
            is_cohost=Exists(Webinar.co_hosts.through.objects.filter(webinar_id=OuterRef("pk"), user_id=user_id)),
            earlier_id=Subquery(Registration.objects.filter(webinar_id=OuterRef("pk"), user_id=user_id).order_by().values("pk")[:1]),
            earlier_status=Subquery(
                Registration.objects.filter(webinar_id=OuterRef("pk"), user_id=user_id).order_by().values("status")[:1]
            ),
            seats_taken=Coalesce(
                Subquery(
                    Registration.objects.filter(webinar_id=OuterRef("pk"), status=R.APPROVED)
                    .order_by()
                    .values("webinar_id")
                    .annotate(taken=Count("pk"))
                    .values("taken")
                ),
                0,
            ),
        )
        .order_by()
        .values("is_cohost", "earlier_id", "earlier_status", "seats_taken")
    ),
    arity=2,
)


@transaction.atomic
def registration_create(*, webinar: Webinar, user: User) -> Registration:
    """Register the caller: pending under approval, else a seat if one is free, else the waitlist."""
    # Two last-seat registrations (or a registration and a cancellation) serialize on the webinar
    # lock, so the seat count below stays true. SQLite's write transaction serializes them instead.
    # Three statements under the lock (lock, standing, write): a burst queues on it, so it is held briefly.
    webinar = lock_webinar(webinar.pk)
    standing = _registration_standing.first(webinar.pk, user.pk)
    if user.pk == webinar.organizer_id or standing["is_cohost"]:
        raise DomainError("Hosts cannot register for their own webinar.", code="host_cannot_register")
    if webinar.status not in OPEN_FOR_REGISTRATION:
        raise DomainError(f"Registration is closed: the webinar {IN_A_SENTENCE[webinar.status]}.", code="registration_closed")
    if standing["earlier_status"] in Registration.ACTIVE:
        raise DomainError("You are already registered.", code="already_registered")
    if standing["earlier_status"] == R.REJECTED:
        raise DomainError("The hosts declined your registration.", code="registration_rejected")
    if webinar.registration_policy == Webinar.Policy.APPROVAL:
        status = R.PENDING
    elif webinar.capacity is None or standing["seats_taken"] < webinar.capacity:
        status = R.APPROVED
    else:
        status = R.WAITLISTED
    # Registering again after cancelling reuses the row and goes to the back of the queue.
    registration = Registration(pk=standing["earlier_id"], webinar=webinar, user=user, status=status, created_at=timezone.now())
    if registration.pk is None:
        insert_fixed(registration)  # under the lock: no ORM compile (common/prepared.py)
    else:
        registration.save(force_update=True)
    _notify(registration, {R.PENDING: "pending", R.APPROVED: "confirmed", R.WAITLISTED: "waitlisted"}[status])
    return registration


@transaction.atomic
def registration_cancel(*, webinar: Webinar, user: User) -> Registration:
    """The registrant gives up their registration; a freed seat goes to the oldest waitlisted person.

    Once the webinar is cancelled or ended its registrations are a record: frozen, 409 `registration_closed`.
    """
    webinar = lock_webinar(webinar.pk)
    _require_open(webinar)
    registration = Registration.objects.filter(webinar=webinar, user=user, status__in=Registration.ACTIVE).first()
    if registration is None:
        raise DomainError("You have no active registration for this webinar.", code="not_registered")
    held_seat = registration.status == R.APPROVED
    registration.status = R.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    _notify(registration, "cancelled")
    if held_seat:
        waitlist_fill(webinar=webinar)
    return registration


def waitlist_fill(*, webinar: Webinar) -> list[Registration]:
    """Give free seats to the oldest waitlisted registrations. The caller holds the webinar lock.

    A closed (cancelled, ended) webinar moves no seats.
    """
    promoted = []
    if webinar.status not in OPEN_FOR_REGISTRATION:
        return promoted
    for registration in webinar.registrations.filter(status=R.WAITLISTED).order_by("created_at", "id"):
        if not _has_free_seat(webinar):
            break
        registration.status = R.APPROVED
        registration.save(update_fields=["status", "updated_at"])
        _notify(registration, "promoted")
        promoted.append(registration)
    return promoted


def seats_follow_capacity(*, webinar: Webinar, previous: int | None) -> list[Registration]:
    """A new capacity never drops below the seats already given; more seats move the waitlist up at once.

    Runs inside the edit's transaction, under the webinar lock (webinars.signals.capacity_changed).
    """
    if webinar.capacity is not None:
        seats_taken = webinar.registrations.filter(status=R.APPROVED).count()
        if webinar.capacity < seats_taken:
            raise Invalid(f"{seats_taken} seats are already taken; capacity cannot be lower.", field="capacity")
    grew = webinar.capacity is None or (previous is not None and webinar.capacity > previous)
    return waitlist_fill(webinar=webinar) if grew else []


def _decide(webinar: Webinar, registration: Registration, action: str) -> Registration:
    if registration.status == R.CANCELLED:
        raise DomainError(f"Registration {registration.pk} was cancelled by its registrant.", code="registration_cancelled")
    previous = registration.status
    if action == "approve":
        if previous not in (R.APPROVED, R.WAITLISTED):
            new_status = _seat_or_waitlist(registration, webinar)
            _notify(registration, "approved" if new_status == R.APPROVED else "waitlisted")
        return registration
    if previous != R.REJECTED:
        registration.status = R.REJECTED
        registration.save(update_fields=["status", "updated_at"])
        _notify(registration, "rejected")
        if previous == R.APPROVED:
            waitlist_fill(webinar=webinar)
    return registration


@transaction.atomic
def registrations_decide(*, webinar: Webinar, by: User, action: str, ids: list[int]) -> list[Registration]:
    """Hosts approve or reject registrations, all or none; approval past capacity waitlists."""
    if action not in ("approve", "reject"):
        raise Invalid("Action must be approve or reject.", field="action")
    webinar = lock_webinar(webinar.pk)
    require_host(webinar, by, "Only the webinar's hosts may manage registrations.")
    _require_open(webinar)
    registrations = {r.pk: r for r in webinar.registrations.filter(pk__in=ids)}
    missing = [pk for pk in ids if pk not in registrations]
    if missing:
        raise Invalid(f"No such registration for this webinar: {', '.join(map(str, missing))}.", field="ids")
    # First come, first served: in a bulk approval past capacity, the oldest get the seats.
    ordered = sorted(registrations.values(), key=lambda r: (r.created_at, r.pk))
    return [_decide(webinar, registration, action) for registration in ordered]
