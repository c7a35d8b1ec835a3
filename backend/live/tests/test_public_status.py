"""The public status: whitelisted keys in every state, cached, ETag/304, invalidated on every change."""

import time

import pytest
from django.core.cache import cache, caches
from rest_framework.test import APIClient

from webinars.cache import public_status_key, public_status_near
from webinars.models import Webinar

pytestmark = pytest.mark.django_db
KEYS = {"state", "starts_at", "started_at", "ended_at", "participant_count"}


def status_of(api, webinar, **headers):
    """Polls as an anonymous visitor would, whoever `api` is signed in as."""
    return APIClient().get(f"/api/webinars/by-slug/{webinar.slug}/status/", **headers)


@pytest.mark.parametrize("state", ["scheduled", "practice", "live", "ended"])
def test_status_holds_exactly_the_whitelisted_keys_in_every_state(api, live_world, state):
    webinar = live_world["webinar"]
    session = live_world["to_state"](state)
    for path in (f"/api/webinars/{webinar.pk}/status/", f"/api/webinars/by-slug/{webinar.slug}/status/"):
        response = api.as_(None).get(path)
        assert response.status_code == 200
        body = response.json()
        assert set(body) == KEYS
        assert body["state"] == state
        assert body["starts_at"] == webinar.starts_at.isoformat()
        assert body["started_at"] == (session.started_at.isoformat() if session else None)
        assert body["ended_at"] == (session.ended_at.isoformat() if session and session.ended_at else None)
        assert isinstance(body["participant_count"], int)
        text = response.content.decode()
        assert not session or session.room not in text
        assert "@" not in text and "jwt" not in text


def test_cancelled_state(api, make_webinar):
    webinar = make_webinar(status=Webinar.Status.CANCELLED)
    assert status_of(api, webinar).json()["state"] == "cancelled"


def test_drafts_have_no_public_status_and_unlisted_ones_only_by_slug(api, make_webinar):
    draft = make_webinar(status=Webinar.Status.DRAFT)
    unlisted = make_webinar(visibility="unlisted")
    assert status_of(api, draft).status_code == 404
    assert api.get(f"/api/webinars/{draft.pk}/status/").status_code == 404
    assert status_of(api, unlisted).status_code == 200
    assert api.get(f"/api/webinars/{unlisted.pk}/status/").status_code == 404
    assert api.get("/api/webinars/by-slug/nothing-here/status/").status_code == 404


def test_participant_count_follows_joins_and_leaves_within_the_refresh_interval(api, live_world, settings):
    """Joins and leaves do not retire the cached status: the count catches up when the entry expires."""
    settings.STATUS_MAX_AGE = 1
    webinar, approved, host = live_world["webinar"], live_world["users"]["approved"], live_world["users"]["host"]
    live_world["to_state"]("live")
    assert status_of(api, webinar).json()["participant_count"] == 0
    api.as_(host).post(f"/api/webinars/{webinar.pk}/live/join/")
    api.as_(approved).post(f"/api/webinars/{webinar.pk}/live/join/")
    assert status_of(api, webinar).json()["participant_count"] == 0  # still the cached answer
    time.sleep(1.1)
    assert status_of(api, webinar).json()["participant_count"] == 2
    api.as_(approved).post(f"/api/webinars/{webinar.pk}/live/leave/")
    time.sleep(1.1)
    assert status_of(api, webinar).json()["participant_count"] == 1


def test_etag_answers_304_until_the_state_changes(api, live_world):
    webinar, host = live_world["webinar"], live_world["users"]["host"]
    first = status_of(api, webinar)
    etag = first["ETag"]
    assert first["Cache-Control"] == "public, max-age=5"
    again = status_of(api, webinar, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    assert status_of(api, webinar, HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304
    api.as_(host).post(f"/api/webinars/{webinar.pk}/live/start/", {}, format="json")
    changed = status_of(api, webinar, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed.json()["state"] == "live" and changed["ETag"] != etag


def test_status_is_served_from_the_cache_without_queries(api, live_world, django_assert_num_queries):
    webinar = live_world["webinar"]
    status_of(api, webinar)
    assert cache.get(public_status_key(webinar.pk)) is not None
    with django_assert_num_queries(0):
        assert status_of(api, webinar).status_code == 200


def test_edits_invalidate_the_cached_status(api, live_world):
    webinar, host = live_world["webinar"], live_world["users"]["host"]
    status_of(api, webinar)
    new_start = webinar.starts_at.replace(microsecond=0) + (webinar.ends_at - webinar.starts_at) / 2
    api.as_(host).patch(f"/api/webinars/{webinar.pk}/", {"starts_at": new_start.isoformat()}, format="json")
    assert status_of(api, webinar).json()["starts_at"] == new_start.isoformat()


def test_a_stale_token_does_not_break_the_public_poll(live_world):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    assert client.get(f"/api/webinars/by-slug/{live_world['webinar'].slug}/status/").status_code == 200


def test_the_poll_is_answered_before_sessions_users_and_csrf(api, live_world, monkeypatch):
    """The fast path answers what the DRF view answers, without the middleware below it."""
    from live.api import PublicStatusBySlugView

    webinar = live_world["webinar"]
    through_middleware = status_of(api, webinar)
    assert "Cookie" not in through_middleware.get("Vary", "")  # no session was touched

    def never(*args, **kwargs):
        raise AssertionError("the DRF view ran")

    monkeypatch.setattr(PublicStatusBySlugView, "get", never)
    again = status_of(api, webinar)
    assert (again.status_code, again.content, again["ETag"]) == (200, through_middleware.content, through_middleware["ETag"])
    assert status_of(api, webinar, HTTP_HOST="evil.example").status_code == 400


@pytest.mark.skipif(not hasattr(cache, "redis_client"), reason="near copies need Redis: run with REDIS_URL (make test-postgres)")
def test_with_redis_polls_are_answered_from_this_process_copy_and_a_change_shows_at_once(api, live_world, monkeypatch):
    webinar = live_world["webinar"]
    public_status_near.generation()  # this process's subscriber, as in a worker
    deadline = time.monotonic() + 3
    while not public_status_near._subscribed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert status_of(api, webinar).json()["state"] == "scheduled"  # computed, and copied here

    shared_reads = []
    backend = type(caches["default"])
    original = backend.get_many
    monkeypatch.setattr(backend, "get_many", lambda self, *a, **k: shared_reads.append(a) or original(self, *a, **k))
    for _ in range(50):
        assert status_of(api, webinar).json()["state"] == "scheduled"
    assert shared_reads == []  # no Redis round trip per poll

    live_world["to_state"]("live")
    assert status_of(api, webinar).json()["state"] == "live"  # the change retired the copy at once
    assert len(shared_reads) == 1
