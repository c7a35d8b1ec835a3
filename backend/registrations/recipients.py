"""Who gets which message: the rules, checked when a message is split into batches and again when each batch is sent."""

from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, QuerySet

from accounts.services import TOPICS
from registrations.emails import MESSAGES
from registrations.models import Notice, Registration
from registrations.providers import providers
from webinars.models import Webinar

S = Webinar.Status


def reminder_key(minutes: int, starts_at: datetime) -> str:
    """A reminder's occurrence: its offset and the start it announces, so a reschedule makes a new one."""
    return f"{minutes}m@{starts_at:%Y%m%dT%H%M%SZ}"


def _reminder(registrations: QuerySet, webinar: Webinar, key: str) -> QuerySet:
    minutes = int(key.split("m@")[0])
    if webinar.status != S.SCHEDULED or key != reminder_key(minutes, webinar.starts_at):
        return registrations.none()  # cancelled, started, or moved since: this reminder is stale
    # Whoever registered after the reminder was due gets no stale reminder.
    return registrations.filter(created_at__lte=webinar.starts_at - timedelta(minutes=minutes))


def _live(registrations, webinar, key):
    if webinar.status != S.LIVE:
        return registrations.none()
    return registrations.exclude(user_id__in=providers.in_room(int(key)))


def _thanks(registrations, webinar, key):
    return registrations.filter(user_id__in=providers.attended(int(key))) if webinar.status == S.ENDED else registrations.none()


def _missed(registrations, webinar, key):
    return registrations.exclude(user_id__in=providers.attended(int(key))) if webinar.status == S.ENDED else registrations.none()


def _updated(registrations, webinar, key):
    # Only the latest version goes: two quick edits send one update, the second.
    current = webinar.status in (S.SCHEDULED, S.LIVE) and key == f"seq{webinar.sequence}"
    return registrations if current else registrations.none()


def _cancelled(registrations, webinar, key):
    return registrations if webinar.status == S.CANCELLED else registrations.none()


RULES = {
    "reminder": _reminder,
    "live": _live,
    "thanks": _thanks,
    "missed": _missed,
    "recording": lambda registrations, webinar, key: registrations,
    "updated": _updated,
    "webinar_cancelled": _cancelled,
}


def recipients(kind: str, webinar: Webinar, key: str) -> QuerySet:
    """Approved registrants (every active one for a cancellation) who want this message and have not had it."""
    statuses = Registration.ACTIVE if kind == "webinar_cancelled" else [Registration.Status.APPROVED]
    registrations = webinar.registrations.filter(status__in=statuses)
    topic = MESSAGES[kind].topic
    if topic:
        registrations = registrations.filter(**{f"user__{TOPICS[topic]}": True})
    registrations = registrations.exclude(Exists(Notice.objects.filter(registration=OuterRef("pk"), kind=kind, key=key)))
    return RULES[kind](registrations, webinar, key)
