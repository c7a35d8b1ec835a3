"""What Jitsi's events change here: attendance intervals and the room's liveness. Never who may join or moderate."""

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from integrations.jitsi.events import JitsiEvent, Occupant
from live.models import AttendanceInterval, LiveSession
from registrations.selectors import has_seat
from webinars.cache import invalidate_public_status
from webinars.locking import lock_webinar
from webinars.models import Webinar

logger = logging.getLogger(__name__)
JITSI = AttendanceInterval.Source.JITSI


def _may_attend(webinar: Webinar, user_id: int) -> bool:
    return user_id in webinar.host_ids() or has_seat(webinar_id=webinar.pk, user_id=user_id)


def _clamp(moment: datetime | None, session: LiveSession) -> datetime | None:
    """The secret proves Prosody sent the event, not that its times are sane: keep them within the session."""
    if moment is None:
        return None
    return min(max(moment, session.started_at), session.ended_at or timezone.now())


def _record_occupant(webinar: Webinar, session: LiveSession, occupant: Occupant) -> bool:
    """Upsert the occupant's interval; repeats and out-of-order arrivals converge on the same row."""
    if occupant.user_id is None or not _may_attend(webinar, occupant.user_id):
        # Jibri, a stale token of a cancelled registrant, or someone who should not be there.
        logger.warning(
            "jitsi event: unexpected occupant %s (user id %s) in room %s; not counted",
            occupant.occupant_jid,
            occupant.user_id,
            session.room,
        )
        return False
    interval, _ = AttendanceInterval.objects.get_or_create(
        session=session, source=JITSI, external_id=occupant.occupant_jid, defaults={"user_id": occupant.user_id}
    )
    joined_at, left_at = _clamp(occupant.joined_at, session), _clamp(occupant.left_at, session)
    if session.ended_at and left_at is None:
        left_at = session.ended_at  # no interval stays open on an ended session
    changed = []
    if joined_at and interval.joined_at is None:
        interval.joined_at = joined_at
        changed.append("joined_at")
    if left_at and (interval.left_at is None or left_at > interval.left_at):
        interval.left_at = left_at
        changed.append("left_at")
    if changed:
        interval.save(update_fields=changed)
    return True


def jitsi_event_record(event: JitsiEvent) -> str:
    """Apply one event_sync event; returns "recorded" or "ignored" (unknown room or user)."""
    webinar_id = LiveSession.objects.filter(room=event.room_name).values_list("webinar_id", flat=True).first()
    if webinar_id is None:
        logger.info("jitsi event %s for unknown room ignored", event.kind)
        return "ignored"
    with transaction.atomic():
        # The webinar lock, like every writer: events serialize with End, joins and each other, so a
        # duplicate delivered twice at once still finds the first one's interval.
        webinar = lock_webinar(webinar_id)
        session = LiveSession.objects.get(room=event.room_name)
        occupants = (event.occupant,) if event.occupant else event.all_occupants
        recorded = [_record_occupant(webinar, session, occupant) for occupant in occupants]
        if _record_room_liveness(webinar, session, event):
            # Only liveness shows on the public status at once; the participant count follows
            # within its refresh interval, so occupant events do not retire the entry.
            invalidate_public_status(webinar.pk)
    return "recorded" if (any(recorded) or event.kind.startswith("room/")) else "ignored"


def _record_room_liveness(webinar: Webinar, session: LiveSession, event: JitsiEvent) -> bool:
    """Mark the room gone, or back; True if that changed."""
    if event.is_breakout or session.state == LiveSession.State.ENDED:
        return False
    if event.kind == "room/destroyed" and session.room_destroyed_at is None:
        session.room_destroyed_at = _clamp(event.at, session)
        session.save(update_fields=["room_destroyed_at"])
        return True
    if event.kind in ("room/created", "occupant/joined") and session.room_destroyed_at and session.is_running:
        # The room is back (someone rejoined after a reload): it is not abandoned. Past the grace
        # period it is over, whatever comes later.
        if event.kind == "room/created" or event.occupant.user_id in webinar.host_ids():
            session.room_destroyed_at = None
            session.save(update_fields=["room_destroyed_at"])
            return True
    return False
