"""Findings 2 and 3: throttles keyed on the real client, on every endpoint worth guessing at or flooding.

Each scope answers 429 with Retry-After in the one error shape. The client is REMOTE_ADDR, or the
address the trusted proxies saw (TRUSTED_PROXY_COUNT): never a header the client wrote itself.
"""

import pytest
from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from live.services import live_session_start

pytestmark = pytest.mark.django_db
RATE = 2


@pytest.fixture
def rates(monkeypatch):
    """Every scope at RATE per minute (the dict is shared by every throttle class)."""
    for scope in list(SimpleRateThrottle.THROTTLE_RATES):
        monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, scope, f"{RATE}/min")


@pytest.fixture
def proxies(settings):
    def set_count(count: int | None):
        settings.REST_FRAMEWORK = settings.REST_FRAMEWORK | {"NUM_PROXIES": count}

    return set_count


def _assert_throttled(response):
    assert response.status_code == 429, response.content
    assert int(response["Retry-After"]) > 0
    body = response.json()
    assert body["code"] == "throttled" and "detail" in body and set(body) <= {"code", "detail", "fields"}


WRONG_SECRET = {"HTTP_AUTHORIZATION": "Bearer not-the-secret"}


def _endpoints(make_user, make_webinar):
    host, guest = make_user("host"), make_user("guest")
    webinar = make_webinar(organizer=host)
    unlisted = make_webinar(organizer=host, visibility="unlisted")
    live = make_webinar(organizer=host)
    live_session_start(webinar=live, by=host)
    login = {"username": "guest", "password": "wrong"}
    return {
        "login": (None, "post", "/api/auth/token/", login, {}),
        "sign-up": (None, "post", "/api/auth/register/", {"username": "x"}, {}),
        "refresh": (None, "post", "/api/auth/token/refresh/", {"refresh": "nope"}, {}),
        "logout": (None, "post", "/api/auth/logout/", {}, {}),
        "admin login": (None, "post", "/admin/login/", login, {}),
        "register": (guest, "post", f"/api/webinars/{webinar.pk}/register/", {}, {}),
        "register by slug": (guest, "post", f"/api/webinars/by-slug/{unlisted.slug}/register/", {}, {}),
        "join": (host, "post", f"/api/webinars/{live.pk}/live/join/", {}, {}),
        "create": (guest, "post", "/api/webinars/", {"title": ""}, {}),
        "instant": (guest, "post", "/api/webinars/instant/", {"title": "x" * 300}, {}),
        "jitsi events, wrong secret": (None, "post", "/api/jitsi/events/room/created", {}, WRONG_SECRET),
        "jitsi recordings, wrong secret": (None, "post", "/api/jitsi/recordings", {}, WRONG_SECRET),
    }


ENDPOINTS = [
    "login",
    "sign-up",
    "refresh",
    "logout",
    "admin login",
    "register",
    "register by slug",
    "join",
    "create",
    "instant",
    "jitsi events, wrong secret",
    "jitsi recordings, wrong secret",
]


@pytest.mark.parametrize("name", ENDPOINTS)
def test_each_endpoint_answers_429_with_retry_after_past_its_rate(api, make_user, make_webinar, rates, name):
    user, method, path, body, extra = _endpoints(make_user, make_webinar)[name]
    client = api.as_(user)
    if path.startswith("/admin/"):
        client = type(api)()  # the admin is not DRF: a plain client with a form body
        send = lambda: client.post(path, body, **extra)  # noqa: E731
    else:
        send = lambda: getattr(client, method)(path, body, format="json", **extra)  # noqa: E731
    for _ in range(RATE):
        assert send().status_code != 429
    _assert_throttled(send())


def test_the_jitsi_endpoint_never_throttles_the_right_secret(api, rates):
    right = {"HTTP_AUTHORIZATION": f"Bearer {settings.JITSI_EVENTS_SECRET}"}
    body = {"room_name": "nobody-home", "created_at": 1700000000}
    for _ in range(RATE * 3):
        assert api.post("/api/jitsi/events/room/created", body, format="json", **right).status_code != 429


def _login(api, remote_addr, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return api.post("/api/auth/token/", {"username": "x", "password": "y"}, format="json", **headers)


def test_bare_gunicorn_keys_on_the_peer_and_ignores_x_forwarded_for(api, db, rates, proxies):
    proxies(0)
    codes = [_login(api, "198.51.100.7", f"10.9.9.{i}").status_code for i in range(RATE + 1)]
    assert codes[-1] == 429, codes
    assert _login(api, "198.51.100.8", "10.9.9.1").status_code == 401  # another peer has its own bucket


def test_behind_one_proxy_keys_on_the_address_the_proxy_saw(api, db, rates, proxies):
    proxies(1)
    # nginx appends the peer it saw; whatever the client wrote before it is theirs to forge.
    codes = [_login(api, "172.18.0.5", f"10.9.9.{i}, 203.0.113.9").status_code for i in range(RATE + 1)]
    assert codes[-1] == 429, codes
    assert _login(api, "172.18.0.5", "203.0.113.10").status_code == 401  # another client behind the same proxy


def test_rotating_x_forwarded_for_never_bypasses_the_configured_default(api, db, rates):
    codes = [_login(api, "198.51.100.7", f"10.9.9.{i}").status_code for i in range(RATE * 5)]
    assert codes.count(429) == RATE * 5 - RATE
