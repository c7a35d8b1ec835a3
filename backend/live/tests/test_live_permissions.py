"""The live endpoints' permission matrix, cell by cell, in every state of the session."""

import pytest

from live.models import AttendanceInterval, LiveSession
from live.tests.conftest import LIVE_ROLES

pytestmark = pytest.mark.django_db


def expect(**cells):
    """Expected status per role; `others` covers the roles not named."""
    others = cells.pop("others", None)
    return [cells.get(role, others) for role in LIVE_ROLES]


# (endpoint, method, state the session is in, expected per role)
MATRIX = [
    ("live/start/", "post", "scheduled", expect(anonymous=401, host=201, co_host=201, others=403)),
    ("live/start/", "post", "live", expect(anonymous=401, host=200, co_host=200, others=403)),
    ("live/start/", "post", "ended", expect(anonymous=401, host=409, co_host=409, others=403)),
    ("live/open/", "post", "practice", expect(anonymous=401, host=200, co_host=200, others=403)),
    ("live/open/", "post", "live", expect(anonymous=401, host=409, co_host=409, others=403)),
    ("live/open/", "post", "ended", expect(anonymous=401, host=409, co_host=409, others=403)),
    ("live/end/", "post", "live", expect(anonymous=401, host=200, co_host=200, others=403)),
    ("live/end/", "post", "ended", expect(anonymous=401, host=409, co_host=409, others=403)),
    ("live/join/", "post", "scheduled", expect(anonymous=401, approved=409, host=409, co_host=409, others=403)),
    ("live/join/", "post", "practice", expect(anonymous=401, approved=409, host=200, co_host=200, others=403)),
    ("live/join/", "post", "live", expect(anonymous=401, approved=200, host=200, co_host=200, others=403)),
    ("live/join/", "post", "ended", expect(anonymous=401, approved=409, host=409, co_host=409, others=403)),
    ("live/leave/", "post", "live", expect(anonymous=401, others=204)),
    ("live/leave/", "post", "ended", expect(anonymous=401, others=204)),
    ("live/participants/", "get", "live", expect(anonymous=401, host=200, co_host=200, others=403)),
    ("live/participants/", "get", "ended", expect(anonymous=401, host=200, co_host=200, others=403)),
    ("attendance/", "get", "live", expect(anonymous=401, host=200, co_host=200, others=403)),
    ("attendance/", "get", "ended", expect(anonymous=401, host=200, co_host=200, others=403)),
    ("attendance.csv", "get", "ended", expect(anonymous=401, host=200, co_host=200, others=403)),
    ("attendance/timeline/", "get", "ended", expect(anonymous=401, host=200, co_host=200, others=403)),
    ("status/", "get", "scheduled", expect(others=200)),
    ("status/", "get", "practice", expect(others=200)),
    ("status/", "get", "live", expect(others=200)),
    ("status/", "get", "ended", expect(others=200)),
]
CELLS = [
    pytest.param(endpoint, method, state, role, expected[i], id=f"{endpoint}-{state}-{role}")
    for endpoint, method, state, expected in MATRIX
    for i, role in enumerate(LIVE_ROLES)
]


@pytest.mark.parametrize("endpoint, method, state, role, expected", CELLS)
def test_live_permission_cell(api, live_world, endpoint, method, state, role, expected):
    live_world["to_state"](state)
    webinar = live_world["webinar"]
    sessions_before = list(LiveSession.objects.values_list("pk", "state", "room"))
    intervals_before = AttendanceInterval.objects.count()
    client = api.as_(live_world["users"][role])
    response = getattr(client, method)(f"/api/webinars/{webinar.pk}/{endpoint}", format="json")
    assert response.status_code == expected, response.content
    if expected >= 400:
        assert list(LiveSession.objects.values_list("pk", "state", "room")) == sessions_before
        assert AttendanceInterval.objects.count() == intervals_before
        assert response.json()["code"]
        assert "jwt" not in response.json()
