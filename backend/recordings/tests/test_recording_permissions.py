"""The recordings permission matrix, cell by cell: every role × every operation, published or not.

Hosts see and manage every recording; approved registrants see (and download) published ones only;
everyone else, staff included, is told nothing exists (404). Anonymous callers must sign in (401).
"""

import pytest

from recordings.models import Recording
from recordings.tests.conftest import RECORDING_ROLES

pytestmark = pytest.mark.django_db


def expect(**cells):
    others = cells.pop("others", None)
    return [cells.get(role, others) for role in RECORDING_ROLES]


HOSTS = {"host": 200, "co_host": 200}
# (method, which recording, path after /recordings/, body, expected per role)
MATRIX = [
    ("get", None, "", None, expect(anonymous=401, approved=200, **HOSTS, others=404)),
    ("get", "published", "{rid}/", None, expect(anonymous=401, approved=200, **HOSTS, others=404)),
    ("get", "unpublished", "{rid}/", None, expect(anonymous=401, **HOSTS, others=404)),
    ("patch", "published", "{rid}/", {"published": False}, expect(anonymous=401, approved=403, **HOSTS, others=404)),
    ("patch", "unpublished", "{rid}/", {"published": True}, expect(anonymous=401, **HOSTS, others=404)),
    ("delete", "published", "{rid}/", None, expect(anonymous=401, approved=403, host=204, co_host=204, others=404)),
    ("delete", "unpublished", "{rid}/", None, expect(anonymous=401, host=204, co_host=204, others=404)),
    ("get", "published", "{rid}/download/", None, expect(anonymous=401, approved=200, **HOSTS, others=404)),
    ("get", "unpublished", "{rid}/download/", None, expect(anonymous=401, **HOSTS, others=404)),
]
CELLS = [
    pytest.param(
        method,
        which,
        path,
        body,
        role,
        expected[i],
        id=f"{method}-{which or 'list'}-{path.split('/')[-2] if path.count('/') > 1 else ''}-{role}",
    )
    for method, which, path, body, expected in MATRIX
    for i, role in enumerate(RECORDING_ROLES)
]


@pytest.fixture
def world(live_world, stored_recording):
    session = live_world["to_state"]("ended")
    live_world["recordings"] = {
        "published": stored_recording(session, published=True),
        "unpublished": stored_recording(session, published=False),
    }
    return live_world


def snapshot():
    return sorted(Recording.objects.values_list("pk", "published", "status", "file"))


@pytest.mark.parametrize("method, which, path, body, role, expected", CELLS)
def test_recording_permission_cell(api, world, method, which, path, body, role, expected):
    webinar = world["webinar"]
    rid = world["recordings"][which].pk if which else None
    before = snapshot()
    client = api.as_(world["users"][role])
    response = getattr(client, method)(f"/api/webinars/{webinar.pk}/recordings/{path.format(rid=rid)}", body, format="json")
    assert response.status_code == expected, getattr(response, "content", b"")[:300]
    if expected >= 400:
        assert snapshot() == before
        assert response.json()["code"]
    if method == "get" and which is None and expected == 200:
        ids = {item["id"] for item in response.json()["results"]}
        visible = {"published"} if role == "approved" else {"published", "unpublished"}
        assert ids == {world["recordings"][name].pk for name in visible}


def test_a_webinar_the_caller_cannot_reach_is_404_even_for_its_recordings(api, world, make_user, make_webinar):
    other = make_webinar(status="draft")
    assert api.as_(world["users"]["host"]).get(f"/api/webinars/{other.pk}/recordings/").status_code == 404
    # a recording of one webinar cannot be reached through another the caller hosts
    mine = make_webinar(organizer=world["users"]["host"])
    rid = world["recordings"]["published"].pk
    assert api.as_(world["users"]["host"]).get(f"/api/webinars/{mine.pk}/recordings/{rid}/").status_code == 404
