"""What registrants are told beyond their own registration: the hooks other apps call, and the reminder scan.

Every hook runs inside the caller's transaction, under the webinar lock, and only enqueues work after
commit. Messages, triggers and recipients: docs/notifications.md.
"""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from registrations.recipients import reminder_key
from registrations.tasks import fan_out
from webinars.models import Webinar


def _after_commit(kind: str, webinar_id: int, key: str) -> None:
    transaction.on_commit(partial(fan_out.enqueue, kind, webinar_id, key))


def registrants_notify_live(*, webinar: Webinar, session) -> None:
    """Once a live session admits attendees, approved registrants not in the room get one "we're live" email."""
    if session.opened_at is None:  # the green room: attendees are not admitted yet
        return
    _after_commit("live", webinar.pk, str(session.pk))


def registrants_follow_up(*, webinar: Webinar, session) -> None:
    """When a webinar ends, its attendees get a thank-you and the other approved registrants a "sorry we missed you"."""
    if webinar.status != Webinar.Status.ENDED:  # a green room closed before opening: nothing took place
        return
    _after_commit("thanks", webinar.pk, str(session.pk))
    _after_commit("missed", webinar.pk, str(session.pk))


def registrants_notify_rescheduled(*, webinar: Webinar) -> None:
    """A new time or title: approved registrants get the updated .ics (same UID, higher SEQUENCE)."""
    _after_commit("updated", webinar.pk, f"seq{webinar.sequence}")


def registrants_notify_cancelled(*, webinar: Webinar) -> None:
    """Every active registrant of a cancelled webinar hears of it, with a METHOD:CANCEL calendar file."""
    _after_commit("webinar_cancelled", webinar.pk, f"seq{webinar.sequence}")


def registrants_notify_recording(*, webinar_id: int, recording_id: int) -> None:
    """The hook for recordings (issue 13): call it inside the transaction that publishes a recording.

    Approved registrants who want follow-ups get its link once per recording, however often it is
    republished; the link itself comes from `providers.recording_url`, which recordings sets.
    """
    _after_commit("recording", webinar_id, str(recording_id))


def reminders_send_due(*, now=None) -> int:
    """Send every reminder now due; returns how many registrants it went to.

    A reminder set N minutes before the start is due from then until the next, shorter one is (or the
    start). It goes once per start time to approved registrants who registered before it was due: a
    reschedule makes a new one for the new time, a cancellation or an early start drops it.
    """
    now = now or timezone.now()
    offsets = settings.REMINDER_OFFSETS_MINUTES
    queued = 0
    for minutes, until in zip(offsets, [*offsets[1:], 0], strict=True):
        due = Webinar.objects.filter(
            status=Webinar.Status.SCHEDULED,
            starts_at__gt=now + timedelta(minutes=until),
            starts_at__lte=now + timedelta(minutes=minutes),
        )
        for webinar in due:
            queued += fan_out.call("reminder", webinar.pk, reminder_key(minutes, webinar.starts_at))
    return queued
