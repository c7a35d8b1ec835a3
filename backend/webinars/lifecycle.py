"""The webinar lifecycle: every allowed status change in one table, and what each status lets people do."""

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

# Which statuses allow which action besides the transitions above. The services enforce these
# sets and `allowed_actions` reads them, so the UI never offers what the API would refuse.
EDITABLE = frozenset({S.DRAFT, S.SCHEDULED, S.LIVE})
DELETABLE = frozenset({S.DRAFT, S.CANCELLED})
OPEN_FOR_REGISTRATION = frozenset({S.SCHEDULED, S.LIVE})
# How each status reads in a sentence, for messages people see ("the webinar has ended").
IN_A_SENTENCE = {
    S.DRAFT: "is still a draft",
    S.SCHEDULED: "is scheduled",
    S.LIVE: "is live",
    S.ENDED: "has ended",
    S.CANCELLED: "was cancelled",
}


def a_webinar(status: str) -> str:
    """ "A draft webinar", "An ended webinar": the status with the right article."""
    return f"{'An' if status[:1] in 'aeiou' else 'A'} {status} webinar"


ACTIONS = ("edit", "publish", "cancel", "delete", "decide", "register", "unregister")


def allowed_actions(webinar: Webinar, *, is_host: bool, registration_status: str | None) -> list[str]:
    """What the caller may do with the webinar now; a visitor gets what they could do once signed in.

    Hosts: edit, publish, cancel, delete, decide (approve or reject registrations).
    Everyone else: register (no active registration and not rejected), unregister (an active one).
    Both need the webinar open for registration, so nothing changes seats once it is over.
    """
    status = webinar.status
    if is_host:
        return [
            action
            for action, allowed in (
                ("edit", status in EDITABLE),
                ("publish", S.SCHEDULED in TRANSITIONS[status] and status == S.DRAFT),
                ("cancel", S.CANCELLED in TRANSITIONS[status]),
                ("delete", status in DELETABLE),
                ("decide", status in OPEN_FOR_REGISTRATION),
            )
            if allowed
        ]
    if status not in OPEN_FOR_REGISTRATION:
        return []
    if registration_status in ("approved", "pending", "waitlisted"):
        return ["unregister"]
    return [] if registration_status == "rejected" else ["register"]


def check_deletable(webinar: Webinar) -> None:
    """Raise IllegalTransition (409, not_deletable) unless the webinar is a draft or cancelled."""
    if webinar.status == S.ENDED:
        message = "An ended webinar cannot be deleted: its registrations and attendance stay on record."
        raise IllegalTransition(message, code="not_deletable")
    if webinar.status not in DELETABLE:
        raise IllegalTransition("Cancel the webinar before deleting it.", code="not_deletable")


def check_transition(webinar: Webinar, target: str) -> None:
    """Raise IllegalTransition (409) unless the webinar may move to `target`."""
    if target not in TRANSITIONS[webinar.status]:
        raise IllegalTransition(f"{a_webinar(webinar.status)} cannot become {target}.")


def transition(webinar: Webinar, target: str) -> Webinar:
    """Move the webinar to `target`; the caller holds the row lock and the transaction."""
    check_transition(webinar, target)
    webinar.status = target
    webinar.save(update_fields=["status", "updated_at"])
    invalidate_public_status(webinar.pk)
    return webinar
