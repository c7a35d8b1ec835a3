"""Finding 1: an unlisted webinar (an instant call too) cannot be found by counting ids.

Anyone who neither hosts it nor registered for it gets 404 on every `{id}` route, as if it did not
exist; registration goes through the slug, which is the secret.
"""

import pytest

from live.services import instant_webinar_start, live_session_start
from registrations.models import Registration

pytestmark = pytest.mark.django_db

ID_ROUTES = [
    ("get", "/api/webinars/{id}/"),
    ("post", "/api/webinars/{id}/register/"),
    ("post", "/api/webinars/{id}/unregister/"),
    ("get", "/api/webinars/{id}/calendar.ics"),
    ("get", "/api/webinars/{id}/registrations/"),
    ("get", "/api/webinars/{id}/registrations.csv"),
    ("post", "/api/webinars/{id}/registrations/bulk/"),
    ("post", "/api/webinars/{id}/live/start/"),
    ("post", "/api/webinars/{id}/live/open/"),
    ("post", "/api/webinars/{id}/live/end/"),
    ("post", "/api/webinars/{id}/live/join/"),
    ("post", "/api/webinars/{id}/live/leave/"),
    ("get", "/api/webinars/{id}/live/participants/"),
    ("get", "/api/webinars/{id}/attendance/"),
    ("get", "/api/webinars/{id}/attendance.csv"),
    ("get", "/api/webinars/{id}/attendance/timeline/"),
    ("get", "/api/webinars/{id}/status/"),
    ("get", "/api/webinars/{id}/recordings/"),
    ("post", "/api/webinars/{id}/co-hosts/invite/"),
    ("post", "/api/webinars/{id}/co-hosts/leave/"),
    ("patch", "/api/webinars/{id}/"),
    ("post", "/api/webinars/{id}/publish/"),
    ("post", "/api/webinars/{id}/cancel/"),
    ("delete", "/api/webinars/{id}/"),
]


@pytest.fixture
def hidden(make_user, make_webinar):
    host = make_user("host")
    unlisted = make_webinar(organizer=host, visibility="unlisted")
    live_session_start(webinar=unlisted, by=host)
    instant, _ = instant_webinar_start(by=host, title="Quick call")
    return {"unlisted": unlisted, "instant": instant, "host": host}


@pytest.mark.parametrize("kind", ["unlisted", "instant"])
@pytest.mark.parametrize("method, path", ID_ROUTES)
def test_an_outsider_gets_404_on_every_id_route(api, make_user, hidden, kind, method, path):
    webinar = hidden[kind]
    response = getattr(api.as_(make_user("prober")), method)(path.format(id=webinar.pk), {}, format="json")
    assert response.status_code == 404, (path, response.content)
    assert response.json() == {"code": "not_found", "detail": "Not found."}
    assert not Registration.objects.filter(webinar=webinar).exists()


@pytest.mark.parametrize("kind", ["unlisted", "instant"])
def test_registration_goes_through_the_slug_and_then_the_id_works(api, make_user, hidden, kind):
    webinar, guest = hidden[kind], make_user("guest")
    client = api.as_(guest)
    response = client.post(f"/api/webinars/by-slug/{webinar.slug}/register/", {}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["webinar"] == webinar.pk
    # Registered now: the id routes of a registrant open.
    assert client.post(f"/api/webinars/{webinar.pk}/live/join/").status_code == 200
    assert client.get(f"/api/webinars/{webinar.pk}/").status_code == 200
    assert client.post(f"/api/webinars/{webinar.pk}/unregister/").status_code == 200
    # A cancelled registration still counts as "already registered" for reaching the id.
    assert client.post(f"/api/webinars/by-slug/{webinar.slug}/register/").status_code == 201


def test_register_by_slug_is_404_for_an_unknown_slug_or_a_draft(api, make_user, make_webinar):
    draft = make_webinar(status="draft", visibility="unlisted")
    client = api.as_(make_user())
    assert client.post("/api/webinars/by-slug/no-such-slug-123/register/").status_code == 404
    assert client.post(f"/api/webinars/by-slug/{draft.slug}/register/").status_code == 404


def test_register_by_slug_needs_a_signed_in_caller(api, hidden):
    assert api.post(f"/api/webinars/by-slug/{hidden['unlisted'].slug}/register/").status_code == 401


def test_public_webinars_still_register_by_id(api, make_user, make_webinar):
    webinar = make_webinar()
    assert api.as_(make_user()).post(f"/api/webinars/{webinar.pk}/register/").status_code == 201
