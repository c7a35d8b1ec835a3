"""Go live, join with a token, rejoin, leave, end; instant webinars; attendance."""

from datetime import timedelta

import jwt
import pytest
from django.conf import settings
from django.utils import timezone

from live.models import AttendanceInterval, LiveSession
from webinars.models import Webinar

pytestmark = pytest.mark.django_db


def url(webinar, suffix):
    return f"/api/webinars/{webinar.pk}/{suffix}"


def decode(token):
    return jwt.decode(
        token, settings.JITSI_APP_SECRET, algorithms=["HS256"], audience=settings.JITSI_AUDIENCE, issuer=settings.JITSI_APP_ID
    )


@pytest.fixture
def approved(live_world):
    return live_world["users"]["approved"]


def test_join_answers_what_the_frontend_embeds_with_a_token_bound_to_the_room(api, live_world, approved):
    webinar, host = live_world["webinar"], live_world["users"]["host"]
    session = live_world["to_state"]("live")
    response = api.as_(approved).post(url(webinar, "live/join/"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert set(body) == {"domain", "room", "jwt", "expires_at", "moderator", "display_name"}
    assert (body["domain"], body["room"], body["moderator"], body["display_name"]) == (
        settings.JITSI_DOMAIN,
        session.room,
        False,
        approved.public_name,
    )
    claims = decode(body["jwt"])
    assert claims["room"] == session.room != "*"
    assert claims["sub"] == settings.JITSI_SUBJECT != "*"
    assert claims["context"]["user"] == {
        "id": str(approved.pk),
        "name": approved.public_name,
        "email": approved.email,
        "avatar": "",
        "moderator": False,
    }
    assert claims["exp"] - claims["iat"] == settings.JITSI_TOKEN_TTL
    host_claims = decode(api.as_(host).post(url(webinar, "live/join/")).json()["jwt"])
    assert host_claims["context"]["user"]["moderator"] is True


def test_room_names_are_long_random_lowercase_and_new_for_every_session(api, live_world):
    webinar, host = live_world["webinar"], live_world["users"]["host"]
    first = api.as_(host).post(url(webinar, "live/start/"), {"practice": True}, format="json")
    api.as_(host).post(url(webinar, "live/end/"))  # a rehearsal that never opened: back to scheduled
    assert Webinar.objects.get(pk=webinar.pk).status == "scheduled"
    second = api.as_(host).post(url(webinar, "live/start/"), {}, format="json")
    assert first.status_code == second.status_code == 201
    rooms = list(LiveSession.objects.values_list("room", flat=True))
    assert len(set(rooms)) == 2
    assert all(len(room) == 32 and room.isalnum() and room == room.lower() for room in rooms)
    # The room is never shown in session answers: only the join endpoint reveals it.
    assert "room" not in first.json() and "room" not in second.json()


def test_start_is_idempotent(api, live_world):
    webinar, host, co_host = live_world["webinar"], live_world["users"]["host"], live_world["users"]["co_host"]
    first = api.as_(host).post(url(webinar, "live/start/"), {}, format="json")
    second = api.as_(co_host).post(url(webinar, "live/start/"), {"practice": True}, format="json")
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"] and second.json()["state"] == "live"
    assert LiveSession.objects.count() == 1
    assert Webinar.objects.get(pk=webinar.pk).status == "live"


@pytest.mark.parametrize("status", [Webinar.Status.CANCELLED, Webinar.Status.ENDED])
def test_start_is_refused_on_a_cancelled_or_ended_webinar(api, make_webinar, status):
    webinar = make_webinar(status=status)
    response = api.as_(webinar.organizer).post(url(webinar, "live/start/"), {}, format="json")
    assert response.status_code == 409 and response.json()["code"] == "illegal_transition"


def test_start_refuses_a_non_boolean_practice(api, live_world):
    response = api.as_(live_world["users"]["host"]).post(url(live_world["webinar"], "live/start/"), {"practice": "perhaps"}, format="json")
    assert response.status_code == 400 and list(response.json()["fields"]) == ["practice"]


def test_green_room_then_open_admits_attendees(api, live_world, approved):
    webinar, host = live_world["webinar"], live_world["users"]["host"]
    live_world["to_state"]("practice")
    waiting = api.as_(approved).post(url(webinar, "live/join/"))
    assert waiting.status_code == 409 and waiting.json()["code"] == "session_not_open"
    opened = api.as_(host).post(url(webinar, "live/open/"))
    assert opened.json()["state"] == "live" and opened.json()["opened_at"]
    assert api.as_(approved).post(url(webinar, "live/join/")).status_code == 200


def test_join_before_start_and_after_end_name_the_reason(api, live_world, approved):
    webinar, host = live_world["webinar"], live_world["users"]["host"]
    assert api.as_(approved).post(url(webinar, "live/join/")).json()["code"] == "session_not_open"
    assert api.as_(host).post(url(webinar, "live/join/")).json()["code"] == "session_not_started"
    live_world["to_state"]("ended")
    for user in (approved, host):
        response = api.as_(user).post(url(webinar, "live/join/"))
        assert response.status_code == 409 and response.json()["code"] == "session_ended"


def test_rejoin_issues_a_fresh_token_and_keeps_one_open_interval(api, live_world, approved):
    webinar = live_world["webinar"]
    live_world["to_state"]("live")
    first = api.as_(approved).post(url(webinar, "live/join/")).json()
    second = api.as_(approved).post(url(webinar, "live/join/")).json()
    assert decode(first["jwt"])["room"] == decode(second["jwt"])["room"]
    assert AttendanceInterval.objects.filter(user=approved, left_at__isnull=True).count() == 1


def test_leave_then_join_opens_a_second_interval(api, live_world, approved):
    webinar = live_world["webinar"]
    live_world["to_state"]("live")
    api.as_(approved).post(url(webinar, "live/join/"))
    assert api.as_(approved).post(url(webinar, "live/leave/")).status_code == 204
    assert api.as_(approved).post(url(webinar, "live/leave/")).status_code == 204  # idempotent
    api.as_(approved).post(url(webinar, "live/join/"))
    intervals = AttendanceInterval.objects.filter(user=approved).order_by("id")
    assert [i.left_at is None for i in intervals] == [False, True]


def test_participants_lists_who_is_in_now(api, live_world, approved):
    webinar, host = live_world["webinar"], live_world["users"]["host"]
    live_world["to_state"]("live")
    api.as_(host).post(url(webinar, "live/join/"))
    api.as_(approved).post(url(webinar, "live/join/"))
    rows = api.as_(host).get(url(webinar, "live/participants/")).json()
    assert [(r["user"], r["is_host"]) for r in rows] == [(host.pk, True), (approved.pk, False)]
    api.as_(approved).post(url(webinar, "live/leave/"))
    assert [r["user"] for r in api.as_(host).get(url(webinar, "live/participants/")).json()] == [host.pk]


def test_ending_closes_every_open_interval_and_ends_the_webinar(api, live_world, approved):
    webinar, host = live_world["webinar"], live_world["users"]["host"]
    live_world["to_state"]("live")
    api.as_(approved).post(url(webinar, "live/join/"))
    ended = api.as_(host).post(url(webinar, "live/end/")).json()
    assert ended["state"] == "ended" and ended["ended_at"]
    assert not AttendanceInterval.objects.filter(left_at__isnull=True).exists()
    assert Webinar.objects.get(pk=webinar.pk).status == "ended"
    assert api.as_(host).get(url(webinar, "live/participants/")).json() == []


class TestInstantWebinar:
    def test_it_is_unlisted_open_live_and_shareable(self, api, make_user):
        organizer = make_user()
        response = api.as_(organizer).post("/api/webinars/instant/", {}, format="json")
        assert response.status_code == 201
        body = response.json()
        assert body["webinar"]["visibility"] == "unlisted" and body["webinar"]["status"] == "live"
        assert body["webinar"]["registration_policy"] == "open" and body["session"]["state"] == "live"
        assert body["event_url"] == body["webinar"]["event_url"] and body["event_url"].endswith(body["webinar"]["slug"])

    def test_people_with_the_link_register_in_one_click_and_join(self, api, make_user):
        organizer, guest = make_user(), make_user()
        slug = api.as_(organizer).post("/api/webinars/instant/", {"title": "Quick sync"}, format="json").json()["webinar"]["slug"]
        webinar = api.as_(guest).get(f"/api/webinars/by-slug/{slug}/").json()
        assert webinar["title"] == "Quick sync"
        # Unlisted: registration goes through the slug (by id it is 404 for outsiders: test_hidden_by_id).
        assert api.as_(guest).post(f"/api/webinars/by-slug/{slug}/register/").json()["status"] == "approved"
        assert api.as_(guest).post(f"/api/webinars/{webinar['id']}/live/join/").status_code == 200

    def test_title_is_validated(self, api, make_user):
        response = api.as_(make_user()).post("/api/webinars/instant/", {"title": "x" * 201}, format="json")
        assert response.status_code == 400 and list(response.json()["fields"]) == ["title"]

    def test_anonymous_cannot_start_one(self, api):
        assert api.post("/api/webinars/instant/", {}, format="json").status_code == 401


class TestAttendance:
    def _interval(self, session, user, start_minute, end_minute, source="client", external_id=""):
        base = session.started_at
        AttendanceInterval.objects.create(
            session=session,
            user=user,
            source=source,
            external_id=external_id,
            joined_at=base + timedelta(minutes=start_minute),
            left_at=None if end_minute is None else base + timedelta(minutes=end_minute),
        )

    def test_minutes_merge_overlapping_intervals_from_both_sources(self, api, live_world, approved):
        webinar, host = live_world["webinar"], live_world["users"]["host"]
        pending = live_world["users"]["pending"]
        session = live_world["to_state"]("live")
        session.started_at = timezone.now() - timedelta(hours=2)
        session.save()
        self._interval(session, approved, 0, 10)
        self._interval(session, approved, 5, 12, source="jitsi", external_id="room@muc/a1")  # overlaps: 0–12
        self._interval(session, approved, 30, 40)  # a second stay: +10
        self._interval(session, host, 0, None)  # still in when the session ends
        LiveSession.objects.filter(pk=session.pk).update(state="ended", ended_at=session.started_at + timedelta(minutes=60))
        rows = {r["user"]: r for r in api.as_(host).get(url(webinar, "attendance/")).json()}
        assert rows[approved.pk]["minutes_present"] == 22.0 and rows[approved.pk]["attended"] is True
        assert rows[approved.pk]["first_join"] is not None and rows[approved.pk]["last_leave"] is not None
        assert rows[host.pk]["minutes_present"] == 60.0 and rows[host.pk]["registration_status"] == "host"
        assert rows[pending.pk]["attended"] is False and rows[pending.pk]["minutes_present"] == 0
        csv_text = api.as_(host).get(url(webinar, "attendance.csv")).content.decode()
        assert csv_text.splitlines()[0] == "user,display_name,email,registration_status,first_join,last_leave,minutes_present,attended"
        assert any(line.startswith(f"{approved.pk},") and ",22.0,True" in line for line in csv_text.splitlines())

    def test_timeline_counts_people_present_each_minute(self, api, live_world, approved):
        webinar, host = live_world["webinar"], live_world["users"]["host"]
        session = live_world["to_state"]("live")
        session.started_at = timezone.now() - timedelta(hours=1)
        session.save()
        self._interval(session, approved, 0, 2)
        self._interval(session, host, 1, 3)
        LiveSession.objects.filter(pk=session.pk).update(state="ended", ended_at=session.started_at + timedelta(minutes=3))
        points = api.as_(host).get(url(webinar, "attendance/timeline/")).json()
        assert [p["present"] for p in points] == [1, 2, 1]  # present at any moment of each minute


def test_an_api_token_of_a_deactivated_or_deleted_account_cannot_join(client, live_world, approved, make_user):
    # Join reads the caller's row itself (authentication only checks the token's signature).
    from rest_framework_simplejwt.tokens import AccessToken

    webinar = live_world["webinar"]
    live_world["to_state"]("live")
    token = str(AccessToken.for_user(approved))
    assert client.post(url(webinar, "live/join/"), HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200

    approved.is_active = False
    approved.save(update_fields=["is_active"])
    refused = client.post(url(webinar, "live/join/"), HTTP_AUTHORIZATION=f"Bearer {token}")
    assert refused.status_code == 401
    assert refused.json()["code"] == "user_inactive"

    gone = make_user()
    gone_token = str(AccessToken.for_user(gone))
    gone.delete()
    assert client.post(url(webinar, "live/join/"), HTTP_AUTHORIZATION=f"Bearer {gone_token}").status_code == 401
