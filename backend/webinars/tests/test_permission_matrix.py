"""Who may do what to a webinar, cell by cell.

Roles: anonymous; attendee (signed in, not registered); registrant (approved for the webinar);
host (organizer); co_host; staff (reads everything, but acts as a host only through the admin).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from registrations.models import Registration
from webinars.models import Webinar

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "attendee", "registrant", "host", "co_host", "staff"]


@pytest.fixture
def world(make_user, make_webinar):
    host, co_host = make_user("host"), make_user("cohost")
    registrant, attendee = make_user("registrant"), make_user("attendee")
    staff = make_user("staff", is_staff=True)
    webinar = make_webinar(organizer=host, co_hosts=[co_host], capacity=10)
    Registration.objects.create(webinar=webinar, user=registrant, status="approved")
    pending = Registration.objects.create(webinar=webinar, user=make_user("pending"), status="pending")
    draft = make_webinar(organizer=host, co_hosts=[co_host], status=Webinar.Status.DRAFT)
    unlisted = make_webinar(organizer=host, co_hosts=[co_host], visibility="unlisted")
    users = {"anonymous": None, "attendee": attendee, "registrant": registrant, "host": host, "co_host": co_host, "staff": staff}
    return {"webinar": webinar, "draft": draft, "unlisted": unlisted, "pending": pending, "users": users}


def call(api, world, role, method, path, body=None):
    client = api.as_(world["users"][role])
    return getattr(client, method)(path, body, format="json")


def new_webinar_body():
    starts = timezone.now() + timedelta(days=3)
    return {"title": "New", "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=1)).isoformat()}


# (action, method, path template, body factory, expected status per role in ROLES order)
MATRIX = [
    ("list", "get", "/api/webinars/", None, [200, 200, 200, 200, 200, 200]),
    ("retrieve draft", "get", "/api/webinars/{draft}/", None, [404, 404, 404, 200, 200, 200]),
    ("retrieve unlisted by id", "get", "/api/webinars/{unlisted}/", None, [404, 404, 404, 200, 200, 200]),
    ("retrieve unlisted by slug", "get", "/api/webinars/by-slug/{unlisted_slug}/", None, [200, 200, 200, 200, 200, 200]),
    ("create", "post", "/api/webinars/", new_webinar_body, [401, 201, 201, 201, 201, 201]),
    ("update", "patch", "/api/webinars/{webinar}/", lambda: {"title": "Changed"}, [401, 403, 403, 200, 200, 403]),
    ("publish", "post", "/api/webinars/{draft}/publish/", None, [401, 404, 404, 200, 200, 403]),
    ("cancel", "post", "/api/webinars/{webinar}/cancel/", None, [401, 403, 403, 200, 200, 403]),
    ("delete", "delete", "/api/webinars/{draft}/", None, [401, 404, 404, 204, 204, 403]),
    ("register", "post", "/api/webinars/{webinar}/register/", None, [401, 201, 409, 409, 409, 201]),
    ("cancel registration", "post", "/api/webinars/{webinar}/unregister/", None, [401, 409, 200, 409, 409, 409]),
    ("list registrants", "get", "/api/webinars/{webinar}/registrations/", None, [401, 403, 403, 200, 200, 403]),
    ("approve", "post", "/api/webinars/{webinar}/registrations/{pending}/approve/", None, [401, 403, 403, 200, 200, 403]),
    ("reject", "post", "/api/webinars/{webinar}/registrations/{pending}/reject/", None, [401, 403, 403, 200, 200, 403]),
    ("bulk", "post", "/api/webinars/{webinar}/registrations/bulk/", "bulk", [401, 403, 403, 200, 200, 403]),
    ("export", "get", "/api/webinars/{webinar}/registrations.csv", None, [401, 403, 403, 200, 200, 403]),
]
CELLS = [
    pytest.param(action, method, path, body, role, expected[i], id=f"{action}-{role}")
    for action, method, path, body, expected in MATRIX
    for i, role in enumerate(ROLES)
]


@pytest.mark.parametrize("action, method, path, body, role, expected", CELLS)
def test_permission_cell(api, world, action, method, path, body, role, expected):
    before = {w.pk: w.status for w in Webinar.objects.all()}
    registrations_before = set(Registration.objects.values_list("pk", "status"))
    path = path.format(
        webinar=world["webinar"].pk,
        draft=world["draft"].pk,
        unlisted=world["unlisted"].pk,
        unlisted_slug=world["unlisted"].slug,
        pending=world["pending"].pk,
    )
    if body == "bulk":
        payload = {"action": "approve", "ids": [world["pending"].pk]}
    else:
        payload = body() if body else None
    response = call(api, world, role, method, path, payload)
    assert response.status_code == expected, response.content
    if expected >= 400:
        # A refusal writes nothing.
        assert {w.pk: w.status for w in Webinar.objects.all()} == before
        assert set(Registration.objects.values_list("pk", "status")) == registrations_before
        assert response.json()["code"]
