import pytest

from live.models import LiveSession
from live.services import live_session_end, live_session_start
from registrations.models import Registration

LIVE_ROLES = ["anonymous", "attendee", "pending", "approved", "rejected", "host", "co_host", "staff"]


@pytest.fixture
def live_world(make_user, make_webinar):
    """A scheduled webinar with one user per role, and a way to move it to a given state."""
    host, co_host = make_user("host"), make_user("cohost")
    webinar = make_webinar(organizer=host, co_hosts=[co_host], capacity=10)
    users = {
        "anonymous": None,
        "attendee": make_user("attendee"),
        "host": host,
        "co_host": co_host,
        "staff": make_user("staff", is_staff=True),
    }
    for status in ("pending", "approved", "rejected"):
        users[status] = make_user(status)
        Registration.objects.create(webinar=webinar, user=users[status], status=status)

    def to_state(state: str) -> LiveSession | None:
        if state == "scheduled":
            return None
        session, _ = live_session_start(webinar=webinar, by=host, practice=(state == "practice"))
        if state == "ended":
            session = live_session_end(webinar=webinar, by=host)
        return session

    return {"webinar": webinar, "users": users, "to_state": to_state}
