"""Finding 7: client mistakes that used to answer 500 are 4xx in the one error shape, naming the field."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import User
from webinars.models import Webinar

pytestmark = pytest.mark.django_db

DEEP = "[" * 1000 + "]" * 1000
IMPOSSIBLE_TIMES = ["2030-01-01T12:99:00+00:00", "2030-02-30T10:00:00+00:00", "2030-01-01T25:00:00+00:00"]
BEYOND_REAL_OFFSETS = ["2030-01-01T00:00:00+18:30", "2030-01-01T00:00:00-16:00"]


def _body(**overrides):
    starts = timezone.now() + timedelta(days=3)
    return {"title": "T", "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=1)).isoformat()} | overrides


@pytest.mark.parametrize("path", ["/api/webinars/", "/api/auth/register/", "/api/auth/token/", "/api/auth/token/refresh/"])
def test_json_nested_a_thousand_deep_is_a_400_parse_error(api, make_user, path):
    response = api.as_(make_user()).generic("POST", path, DEEP, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "parse_error"


def test_deep_json_to_the_jitsi_events_endpoint_is_a_400(api):
    response = api.generic(
        "POST",
        "/api/jitsi/events/room/created",
        DEEP,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {settings.JITSI_EVENTS_SECRET}",
    )
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "parse_error"


@pytest.mark.parametrize("value", IMPOSSIBLE_TIMES + BEYOND_REAL_OFFSETS)
@pytest.mark.parametrize("param", ["starts_after", "starts_before"])
def test_a_bad_date_time_filter_is_a_400_naming_it(api, param, value):
    response = api.get("/api/webinars/", {param: value})
    assert response.status_code == 400, response.content
    assert list(response.json()["fields"]) == [param]


def test_a_real_offset_filter_still_works(api, make_webinar):
    make_webinar()
    assert api.get("/api/webinars/", {"starts_after": "2020-01-01T00:00:00+14:00"}).json()["count"] == 1


@pytest.mark.parametrize("value", IMPOSSIBLE_TIMES + BEYOND_REAL_OFFSETS)
@pytest.mark.parametrize("field", ["starts_at", "ends_at"])
def test_an_impossible_time_in_a_new_webinar_is_a_400_naming_the_field(api, make_user, field, value):
    response = api.as_(make_user()).post("/api/webinars/", _body(**{field: value}), format="json")
    assert response.status_code == 400, response.content
    assert list(response.json()["fields"]) == [field]
    assert not Webinar.objects.exists()


@pytest.mark.parametrize("value", IMPOSSIBLE_TIMES + BEYOND_REAL_OFFSETS)
@pytest.mark.parametrize("field", ["starts_at", "ends_at"])
def test_an_impossible_time_in_an_edit_is_a_400_naming_the_field(api, make_webinar, field, value):
    webinar = make_webinar()
    response = api.as_(webinar.organizer).patch(f"/api/webinars/{webinar.pk}/", {field: value}, format="json")
    assert response.status_code == 400, response.content
    assert list(response.json()["fields"]) == [field]


def test_a_deleted_users_refresh_token_is_a_401(api, make_user):
    user = make_user("gone")
    refresh = api.post("/api/auth/token/", {"username": "gone", "password": "a-long-test-password"}, format="json").json()["refresh"]
    User.objects.filter(pk=user.pk).delete()
    api.cookies.clear()
    response = api.post("/api/auth/token/refresh/", {"refresh": refresh}, format="json")
    assert response.status_code == 401, response.content
    assert response.json()["code"] == "token_not_valid"


def test_a_deactivated_users_refresh_token_is_a_401(api, make_user):
    user = make_user("off")
    refresh = api.post("/api/auth/token/", {"username": "off", "password": "a-long-test-password"}, format="json").json()["refresh"]
    User.objects.filter(pk=user.pk).update(is_active=False)
    response = api.post("/api/auth/token/refresh/", {"refresh": refresh}, format="json")
    assert response.status_code == 401, response.content
