"""The webinar lifecycle: every allowed status change in one table."""

from common.errors import IllegalTransition
from webinars.cache import invalidate_public_status
from webinars.models import Webinar

S = Webinar.Status

TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.SCHEDULED, S.CANCELLED},
    S.SCHEDULED: {S.LIVE, S.CANCELLED},
    # Back to scheduled when a session is ended before it ever opened to attendees (a
    # rehearsal or a failed start); the next start then gets a new room.
    S.LIVE: {S.ENDED, S.SCHEDULED},
    S.ENDED: set(),
    S.CANCELLED: set(),
}


def check_transition(webinar: Webinar, target: str) -> None:
    """Raise IllegalTransition (409) unless the webinar may move to `target`."""
    if target not in TRANSITIONS[webinar.status]:
        raise IllegalTransition(f"A {webinar.status} webinar cannot become {target}.")


def transition(webinar: Webinar, target: str) -> Webinar:
    """Move the webinar to `target`; the caller holds the row lock and the transaction."""
    check_transition(webinar, target)
    webinar.status = target
    webinar.save(update_fields=["status", "updated_at"])
    invalidate_public_status(webinar.pk)
    return webinar
