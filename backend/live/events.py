"""What Jitsi's events change here: attendance intervals and the room's liveness. Never who may join or moderate."""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction

from integrations.jitsi.events import JitsiEvent, Occupant
from live.models import AttendanceInterval, LiveSession
from webinars.cache import invalidate_public_status

logger = logging.getLogger(__name__)
JITSI = AttendanceInterval.Source.JITSI


def _record_occupant(session: LiveSession, occupant: Occupant) -> bool:
    """Upsert the occupant's interval; repeats and out-of-order arrivals converge on the same row."""
    if occupant.user_id is None or not get_user_model().objects.filter(pk=occupant.user_id).exists():
        logger.info("jitsi event: occupant %s carries no known user id; ignored", occupant.occupant_jid)
        return False
    interval, _ = AttendanceInterval.objects.get_or_create(
        session=session, source=JITSI, external_id=occupant.occupant_jid, defaults={"user_id": occupant.user_id}
    )
    changed = []
    if occupant.joined_at and interval.joined_at is None:
        interval.joined_at = occupant.joined_at
        changed.append("joined_at")
    if occupant.left_at and (interval.left_at is None or occupant.left_at > interval.left_at):
        interval.left_at = occupant.left_at
        changed.append("left_at")
    if changed:
        interval.save(update_fields=changed)
    return True


@transaction.atomic
def jitsi_event_record(event: JitsiEvent) -> str:
    """Apply one event_sync event; returns "recorded" or "ignored" (unknown room or user)."""
    # Events of one room serialize on its session row, so a duplicate delivered twice at once
    # still finds the first one's interval.
    session = LiveSession.objects.select_for_update().select_related("webinar").filter(room=event.room_name).first()
    if session is None:
        logger.info("jitsi event %s for unknown room ignored", event.kind)
        return "ignored"
    occupants = (event.occupant,) if event.occupant else event.all_occupants
    recorded = [_record_occupant(session, occupant) for occupant in occupants]
    running = session.state != LiveSession.State.ENDED
    if event.kind == "room/destroyed" and running and not event.is_breakout and session.room_destroyed_at is None:
        session.room_destroyed_at = event.at
        session.save(update_fields=["room_destroyed_at"])
    elif event.kind in ("room/created", "occupant/joined") and not event.is_breakout and session.room_destroyed_at:
        # The room is back (someone rejoined after a reload): it is not abandoned.
        if event.kind == "room/created" or event.occupant.user_id in session.webinar.host_ids():
            session.room_destroyed_at = None
            session.save(update_fields=["room_destroyed_at"])
    invalidate_public_status(session.webinar_id)
    return "recorded" if (any(recorded) or event.kind.startswith("room/")) else "ignored"
