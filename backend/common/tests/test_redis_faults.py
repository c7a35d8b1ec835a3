"""Finding 5: Redis down (a closed port) or hanging (a port that accepts and never answers) costs speed,
never the site. The cache fails open: throttles are skipped, invalidation is best-effort, and every
request still answers quickly from the database."""

import socket
import time

import pytest
from django.conf import settings as django_settings

from live.services import live_session_start
from registrations.models import Registration

pytestmark = pytest.mark.django_db
# Per request, with Redis down: the socket timeout once, then the cache is skipped for a while.
SECONDS_PER_REQUEST = 2.0


def _cache_config(port: int) -> dict:
    backend = getattr(django_settings, "REDIS_CACHE_BACKEND", "django.core.cache.backends.redis.RedisCache")
    options = getattr(django_settings, "REDIS_CACHE_OPTIONS", {})
    return {"default": {"BACKEND": backend, "LOCATION": f"redis://127.0.0.1:{port}/0", "OPTIONS": options}}


@pytest.fixture(params=["closed port", "hanging port"])
def broken_redis(request, settings):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    if request.param == "closed port":
        sock.close()
    else:
        sock.listen(128)  # the kernel completes the handshake; nobody ever reads or answers
    settings.CACHES = _cache_config(port)
    yield request.param
    sock.close()


@pytest.fixture
def world(make_user, make_webinar):
    host, guest = make_user("host"), make_user("guest")
    webinar = make_webinar(organizer=host)
    Registration.objects.create(webinar=webinar, user=guest, status="approved")
    return {"host": host, "guest": guest, "webinar": webinar}


def _timed(send):
    started = time.monotonic()
    response = send()
    return response, time.monotonic() - started


def test_login_sign_up_and_lookup_answer_without_redis(api, world, broken_redis):
    calls = [
        lambda: api.post("/api/auth/token/", {"username": "guest", "password": "a-long-test-password"}, format="json"),
        lambda: api.post("/api/auth/register/", {"username": "newbie", "email": "n@x.io", "password": "correct-horse-9"}, format="json"),
        lambda: api.as_(world["guest"]).get("/api/auth/users/lookup/", {"username": "host"}),
    ]
    for send, expected in zip(calls, [200, 201, 200], strict=True):
        response, seconds = _timed(send)
        assert response.status_code == expected, response.content
        assert seconds < SECONDS_PER_REQUEST


def test_webinar_edits_and_live_control_answer_without_redis(api, world, broken_redis):
    webinar, host, guest = world["webinar"], world["host"], world["guest"]
    steps = [
        (host, "patch", f"/api/webinars/{webinar.pk}/", {"title": "Renamed"}, 200),
        (host, "post", f"/api/webinars/{webinar.pk}/live/start/", {}, 201),
        (guest, "post", f"/api/webinars/{webinar.pk}/live/join/", {}, 200),
        (host, "post", f"/api/webinars/{webinar.pk}/live/end/", {}, 200),
    ]
    for user, method, path, body, expected in steps:
        response, seconds = _timed(lambda: getattr(api.as_(user), method)(path, body, format="json"))  # noqa: B023
        assert response.status_code == expected, (path, response.content)
        assert seconds < SECONDS_PER_REQUEST


def test_jitsi_events_are_recorded_without_redis(api, world, broken_redis):
    session, _ = live_session_start(webinar=world["webinar"], by=world["host"])
    body = {"room_name": session.room, "created_at": int(time.time())}
    auth = {"HTTP_AUTHORIZATION": f"Bearer {django_settings.JITSI_EVENTS_SECRET}"}
    response, seconds = _timed(lambda: api.post("/api/jitsi/events/room/created", body, format="json", **auth))
    assert response.status_code == 200, response.content
    assert seconds < SECONDS_PER_REQUEST


def test_the_public_status_is_computed_from_the_database_without_redis(api, world, broken_redis):
    webinar = world["webinar"]
    for path in (f"/api/webinars/{webinar.pk}/status/", f"/api/webinars/by-slug/{webinar.slug}/status/"):
        response, seconds = _timed(lambda: api.get(path))  # noqa: B023
        assert response.status_code == 200, response.content
        assert response.json()["state"] == "scheduled"
        assert seconds < SECONDS_PER_REQUEST


def test_throttles_are_skipped_and_logged_without_redis(api, world, broken_redis, monkeypatch, caplog):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "auth", "1/min")
    codes = [api.post("/api/auth/token/", {"username": "x", "password": "y"}, format="json").status_code for _ in range(3)]
    assert codes == [401, 401, 401]  # fail open: nothing counted, nobody locked out
    assert any("cache" in record.getMessage().lower() and record.levelname == "WARNING" for record in caplog.records)


def test_a_hanging_redis_is_skipped_for_a_while_after_one_timeout(api, world, settings):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    settings.CACHES = _cache_config(sock.getsockname()[1])
    try:
        started = time.monotonic()
        for _ in range(10):
            assert api.as_(world["guest"]).get("/api/auth/users/lookup/", {"username": "host"}).status_code == 200
        assert time.monotonic() - started < SECONDS_PER_REQUEST  # ten requests pay one timeout, not ten
    finally:
        sock.close()
