"""GET endpoints never write: an expired room is derived as ended at read time, and left to the reaper to record."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from live.models import LiveSession
from live.services import end_abandoned_sessions

pytestmark = pytest.mark.django_db


def _writes(queries):
    return [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))]


@pytest.fixture
def abandoned(live_world):
    """A live session whose Jitsi room has been gone for longer than the grace period."""
    session = live_world["to_state"]("live")
    gone = timezone.now() - timedelta(seconds=settings.JITSI_ROOM_GRACE_SECONDS + 60)
    LiveSession.objects.filter(pk=session.pk).update(room_destroyed_at=gone)
    return live_world | {"session": session, "gone": gone}


@pytest.mark.parametrize(
    "path, role",
    [
        ("/api/webinars/{pk}/status/", "anonymous"),
        ("/api/webinars/by-slug/{slug}/status/", "anonymous"),
        ("/api/webinars/{pk}/live/participants/", "host"),
        ("/api/webinars/{pk}/attendance/", "host"),
        ("/api/webinars/{pk}/attendance/timeline/", "host"),
        ("/api/webinars/{pk}/", "host"),
        ("/api/webinars/{pk}/", "approved"),
        ("/api/webinars/", "anonymous"),
    ],
)
def test_get_endpoints_issue_no_write_query(api, abandoned, path, role):
    webinar, client = abandoned["webinar"], api.as_(abandoned["users"][role])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path.format(pk=webinar.pk, slug=webinar.slug))
    assert response.status_code == 200
    assert _writes(queries.captured_queries) == []
    assert LiveSession.objects.get(pk=abandoned["session"].pk).state == "live"  # still unrecorded


def test_an_abandoned_session_reads_as_ended_before_the_reaper_records_it(api, abandoned):
    webinar = abandoned["webinar"]
    status = api.get(f"/api/webinars/{webinar.pk}/status/").json()
    assert status["state"] == "ended"
    assert status["ended_at"] == abandoned["gone"].isoformat()
    assert status["participant_count"] == 0
    assert api.as_(abandoned["users"]["host"]).get(f"/api/webinars/{webinar.pk}/live/participants/").json() == []

    assert end_abandoned_sessions() == 1
    session = LiveSession.objects.get(pk=abandoned["session"].pk)
    assert (session.state, session.ended_at) == ("ended", abandoned["gone"])
    assert api.get(f"/api/webinars/{webinar.pk}/status/").json() == status
