"""Prosody event_sync → attendance and room liveness, replayed from payloads shaped like the real ones."""

import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from live.models import AttendanceInterval, LiveSession
from live.services import end_abandoned_sessions, live_session_end, live_session_open, live_session_start
from webinars.models import Webinar

pytestmark = pytest.mark.django_db
AUTH = f"Bearer {settings.JITSI_EVENTS_SECRET}"


def post(kind, payload, *, auth=AUTH, raw=None):
    headers = {"HTTP_AUTHORIZATION": auth} if auth is not None else {}
    body = raw if raw is not None else json.dumps(payload)
    return Client().post(f"/api/jitsi/events/{kind}", body, content_type="application/json", **headers)


def ts(moment):
    return int(moment.timestamp())


class Room:
    """Builds event_sync payloads for one room, as mod_event_sync_component.lua does."""

    def __init__(self, session, t0):
        self.session, self.t0 = session, t0

    def at(self, minutes):
        return ts(self.t0 + timedelta(minutes=minutes))

    def base(self, event_name, breakout=None):
        room_jid = f"{self.session.room}@muc.meet.jitsi"
        base = {"event_name": event_name, "room_name": self.session.room, "room_jid": room_jid, "is_breakout": breakout is not None}
        if breakout:
            base["breakout_room_id"] = breakout
        return base

    def created(self, minute):
        return self.base("muc-room-created") | {"created_at": self.at(minute)}

    def occupant(self, user, jid, joined, left=None):
        data = {
            "occupant_jid": f"{self.session.room}@muc.meet.jitsi/{jid}",
            "joined_at": self.at(joined),
            "name": user.public_name,
            "email": user.email,
            "id": str(user.pk),
        }
        if left is not None:
            data["left_at"] = self.at(left)
        return data

    def joined(self, user, jid, minute, breakout=None):
        return self.base("muc-occupant-joined", breakout) | {"occupant": self.occupant(user, jid, minute), "active_occupants_count": 1}

    def left(self, user, jid, joined, minute, breakout=None):
        return self.base("muc-occupant-left", breakout) | {
            "occupant": self.occupant(user, jid, joined, minute),
            "active_occupants_count": 0,
        }

    def destroyed(self, minute, occupants):
        return self.base("muc-room-destroyed") | {"created_at": self.at(0), "destroyed_at": self.at(minute), "all_occupants": occupants}


@pytest.fixture
def room(live_world):
    host = live_world["users"]["host"]
    session, _ = live_session_start(webinar=live_world["webinar"], by=host, practice=True)
    t0 = timezone.now().replace(microsecond=0) - timedelta(hours=2)
    LiveSession.objects.filter(pk=session.pk).update(started_at=t0)
    session.refresh_from_db()
    return Room(session, t0)


def report(api, live_world):
    webinar, host = live_world["webinar"], live_world["users"]["host"]
    return {row["user"]: row for row in api.as_(host).get(f"/api/webinars/{webinar.pk}/attendance/").json()}


def test_a_whole_webinar_replayed_with_duplicates_and_reordering(api, live_world, room):
    host, cohost = live_world["users"]["host"], live_world["users"]["co_host"]
    alice = live_world["users"]["approved"]
    events = [
        ("room/created", room.created(0)),
        ("occupant/joined", room.joined(host, "h1", 0)),  # practice: hosts only
        ("occupant/joined", room.joined(cohost, "c1", 2)),
        ("open", None),
        ("occupant/joined", room.joined(alice, "a1", 10)),
        ("occupant/left", room.left(alice, "a1", 10, 20)),
        ("occupant/left", room.left(alice, "a1", 10, 20)),  # delivered twice (event_sync retries)
        ("occupant/left", room.left(alice, "a2", 30, 45)),  # her second stay: left arrives first...
        ("occupant/joined", room.joined(alice, "a2", 30)),  # ...then its joined
        ("occupant/joined", room.joined(alice, "a2", 30)),  # and a duplicate of that too
        ("occupant/left", room.left(cohost, "c1", 2, 50)),
        # destroyed before the host's own left event; it carries every occupant with their times
        ("room/destroyed", room.destroyed(60, [room.occupant(host, "h1", 0, 60), room.occupant(alice, "a1", 10, 20)])),
        ("occupant/left", room.left(host, "h1", 0, 60)),
    ]
    for kind, payload in events:
        if kind == "open":
            live_session_open(webinar=live_world["webinar"], by=host)
            continue
        response = post(kind, payload)
        assert response.status_code == 200, (kind, response.content)
    assert AttendanceInterval.objects.filter(source="jitsi").count() == 4  # h1, c1, a1, a2: no duplicates
    LiveSession.objects.filter(pk=room.session.pk).update(state="ended", ended_at=room.t0 + timedelta(minutes=60))
    rows = report(api, live_world)
    assert rows[alice.pk]["minutes_present"] == 25.0  # 10→20 and 30→45
    assert rows[alice.pk]["first_join"].startswith((room.t0 + timedelta(minutes=10)).isoformat()[:16])
    assert rows[alice.pk]["last_leave"].startswith((room.t0 + timedelta(minutes=45)).isoformat()[:16])
    assert rows[host.pk]["minutes_present"] == 60.0
    assert rows[cohost.pk]["minutes_present"] == 48.0
    assert rows[live_world["users"]["pending"].pk]["attended"] is False


def test_events_and_client_reports_merge_without_double_counting(api, live_world, room):
    alice = live_world["users"]["approved"]
    AttendanceInterval.objects.create(
        session=room.session, user=alice, source="client", joined_at=room.t0 + timedelta(minutes=9), left_at=room.t0 + timedelta(minutes=19)
    )
    post("occupant/left", room.left(alice, "a1", 10, 21))
    LiveSession.objects.filter(pk=room.session.pk).update(state="ended", ended_at=room.t0 + timedelta(minutes=60))
    assert report(api, live_world)[alice.pk]["minutes_present"] == 12.0  # 9→21, once
    sources = set(AttendanceInterval.objects.filter(user=alice).values_list("source", flat=True))
    assert sources == {"client", "jitsi"}  # each interval keeps its source


def test_breakout_events_count_for_the_parent_session(api, live_world, room):
    alice = live_world["users"]["approved"]
    post("occupant/joined", room.joined(alice, "b1", 5, breakout="breakout-1"))
    post("occupant/left", room.left(alice, "b1", 5, 15, breakout="breakout-1"))
    LiveSession.objects.filter(pk=room.session.pk).update(state="ended", ended_at=room.t0 + timedelta(minutes=60))
    assert report(api, live_world)[alice.pk]["minutes_present"] == 10.0


class TestRoomDestroyed:
    def test_the_session_survives_the_grace_period_then_ends(self, api, live_world, room, settings):
        host = live_world["users"]["host"]
        webinar = live_world["webinar"]
        live_session_open(webinar=webinar, by=host)
        destroyed_at = timezone.now().replace(microsecond=0) - timedelta(seconds=100)
        payload = room.destroyed(0, []) | {"destroyed_at": ts(destroyed_at)}
        settings.JITSI_ROOM_GRACE_SECONDS = 300
        assert post("room/destroyed", payload).status_code == 200
        status = lambda: Client().get(f"/api/webinars/by-slug/{webinar.slug}/status/").json()["state"]  # noqa: E731
        assert status() == "live"  # a reload must not end the webinar
        settings.JITSI_ROOM_GRACE_SECONDS = 60
        from django.core.cache import cache

        from webinars.cache import public_status_near

        cache.clear()  # as if time had passed: the shared entry and this process's near copy expired
        public_status_near.clear()
        assert status() == "ended"  # derived at read time; the reaper records it
        assert LiveSession.objects.get(pk=room.session.pk).state == "live"
        assert end_abandoned_sessions() == 1
        session = LiveSession.objects.get(pk=room.session.pk)
        assert session.ended_at == destroyed_at and session.ended_by is None
        assert Webinar.objects.get(pk=webinar.pk).status == "ended"

    def test_a_host_rejoining_keeps_the_session(self, live_world, room, settings):
        host = live_world["users"]["host"]
        settings.JITSI_ROOM_GRACE_SECONDS = 60
        post("room/destroyed", room.destroyed(0, []) | {"destroyed_at": ts(timezone.now() - timedelta(seconds=30))})
        assert LiveSession.objects.get(pk=room.session.pk).room_destroyed_at is not None
        post("occupant/joined", room.joined(host, "h2", 1))
        assert LiveSession.objects.get(pk=room.session.pk).room_destroyed_at is None

    def test_an_attendee_rejoining_does_not_rescue_it(self, live_world, room):
        post("room/destroyed", room.destroyed(0, []))
        post("occupant/joined", room.joined(live_world["users"]["approved"], "a9", 1))
        assert LiveSession.objects.get(pk=room.session.pk).room_destroyed_at is not None

    def test_the_command_ends_abandoned_sessions(self, live_world, room, settings):
        from django.core.management import call_command

        settings.JITSI_ROOM_GRACE_SECONDS = 60
        post("room/destroyed", room.destroyed(0, []))  # two hours ago
        call_command("end_abandoned_sessions")
        assert LiveSession.objects.get(pk=room.session.pk).state == "ended"


def test_events_never_grant_a_seat_or_moderation(api, live_world, room):
    attendee = live_world["users"]["attendee"]  # no registration
    assert post("occupant/joined", room.joined(attendee, "x1", 1)).status_code == 200
    live_session_open(webinar=live_world["webinar"], by=live_world["users"]["host"])
    assert api.as_(attendee).post(f"/api/webinars/{live_world['webinar'].pk}/live/join/").status_code == 403


class TestRefusals:
    @pytest.mark.parametrize(
        "auth", [None, "", "Bearer", "Bearer wrong-secret", f"Basic {settings.JITSI_EVENTS_SECRET}", AUTH + "x", AUTH.lower()]
    )
    def test_a_missing_or_wrong_secret_is_401_and_writes_nothing(self, room, auth):
        response = post("occupant/joined", room.joined(room.session.started_by, "h1", 0), auth=auth)
        assert response.status_code == 401 and response.json()["code"] == "not_authenticated"
        assert not AttendanceInterval.objects.exists()

    def test_an_unset_secret_shuts_the_endpoints(self, room, settings):
        settings.JITSI_EVENTS_SECRET = ""
        assert post("room/created", room.created(0), auth="Bearer ").status_code == 401

    @pytest.mark.parametrize("raw", ["{not json", "", "[]", "null", '"text"', "\xff\xfe"])
    def test_malformed_bodies_are_400(self, raw):
        response = post("room/created", None, raw=raw)
        assert response.status_code == 400
        assert not AttendanceInterval.objects.exists()

    @pytest.mark.parametrize(
        "mutate, field",
        [
            (lambda p: p.pop("room_name"), "room_name"),
            (lambda p: p.update(room_name=42), "room_name"),
            (lambda p: p.update(is_breakout="yes"), "is_breakout"),
            (lambda p: p["occupant"].update(joined_at="noon"), "occupant.joined_at"),
            (lambda p: p["occupant"].update(joined_at=-5), "occupant.joined_at"),
            (lambda p: p["occupant"].update(occupant_jid="x" * 501), "occupant.occupant_jid"),
            (lambda p: p.update(occupant=["not", "an", "object"]), "occupant"),
        ],
    )
    def test_wrong_fields_are_400_naming_them(self, live_world, room, mutate, field):
        payload = room.joined(live_world["users"]["approved"], "a1", 1)
        mutate(payload)
        response = post("occupant/joined", payload)
        assert response.status_code == 400 and field in response.json()["fields"]
        assert not AttendanceInterval.objects.exists()

    def test_a_huge_payload_is_refused(self, room):
        payload = room.destroyed(1, []) | {"padding": "x" * (3 * 1024 * 1024)}
        response = post("room/destroyed", payload)
        assert response.status_code in (400, 413)
        assert LiveSession.objects.get(pk=room.session.pk).room_destroyed_at is None

    @pytest.mark.parametrize(
        "room_name", ["unknownroom0000000000000000000000", "'; DROP TABLE live_livesession; --", "<script>alert(1)</script>", "a%00b", "*"]
    )
    def test_unknown_rooms_and_injection_strings_are_ignored(self, live_world, room, room_name):
        payload = room.joined(live_world["users"]["approved"], "a1", 1) | {"room_name": room_name}
        response = post("occupant/joined", payload)
        assert response.status_code == 200 and response.json() == {"result": "ignored"}
        assert not AttendanceInterval.objects.exists()
        assert LiveSession.objects.count() == 1

    @pytest.mark.parametrize("user_id", [None, "", "abc", "99999999", "1 OR 1=1", "-1"])
    def test_occupants_without_a_known_user_are_ignored(self, room, user_id):
        payload = room.joined(room.session.started_by, "z1", 1)
        payload["occupant"]["id"] = user_id
        assert post("occupant/joined", payload).json() == {"result": "ignored"}
        assert not AttendanceInterval.objects.exists()

    def test_no_trailing_slash_is_the_contract(self, room):
        assert (
            Client().post("/api/jitsi/events/room/created/", "{}", content_type="application/json", HTTP_AUTHORIZATION=AUTH).status_code
            == 404
        )


def test_a_rehearsal_whose_room_was_abandoned_can_start_again(api, live_world, room, settings):
    """The lazy ending happens inside start: the webinar is scheduled again and gets a new room."""
    settings.JITSI_ROOM_GRACE_SECONDS = 60
    post("room/destroyed", room.destroyed(0, []))  # a practice session, abandoned two hours ago
    response = api.as_(live_world["users"]["host"]).post(f"/api/webinars/{live_world['webinar'].pk}/live/start/", {}, format="json")
    assert response.status_code == 201
    assert LiveSession.objects.get(pk=room.session.pk).state == "ended"
    assert LiveSession.objects.exclude(pk=room.session.pk).get().room != room.session.room


class TestPayloadsTrustedNoFurtherThanTheSecret:
    """The secret proves Prosody sent an event, not that what it says makes sense."""

    @pytest.mark.parametrize("role", ["attendee", "pending", "rejected"])
    def test_occupants_who_may_not_attend_are_not_counted(self, api, live_world, room, role):
        intruder = live_world["users"][role]
        live_session_open(webinar=live_world["webinar"], by=live_world["users"]["host"])
        assert post("occupant/joined", room.joined(intruder, "x1", 119)).json()["result"] == "ignored"
        assert not AttendanceInterval.objects.filter(user=intruder).exists()
        assert status_now(live_world)["participant_count"] == 0
        host = live_world["users"]["host"]
        assert api.as_(host).get(f"/api/webinars/{live_world['webinar'].pk}/live/participants/").json() == []

    def test_times_outside_the_session_are_clamped_to_it(self, api, live_world, room):
        alice = live_world["users"]["approved"]
        ancient = room.left(alice, "a1", 0, 10) | {}
        ancient["occupant"]["joined_at"] = 1_000_000_000  # 2001
        post("occupant/left", ancient)
        LiveSession.objects.filter(pk=room.session.pk).update(state="ended", ended_at=room.t0 + timedelta(minutes=60))
        assert report(api, live_world)[alice.pk]["minutes_present"] == 10.0  # from the session's start

    def test_a_late_event_leaves_no_interval_open_on_an_ended_session(self, live_world, room):
        host, alice = live_world["users"]["host"], live_world["users"]["approved"]
        live_session_open(webinar=live_world["webinar"], by=host)
        live_session_end(webinar=live_world["webinar"], by=host)
        post("occupant/joined", room.joined(alice, "a9", 150))  # after the end, in the future
        interval = AttendanceInterval.objects.get(user=alice, source="jitsi")
        session = LiveSession.objects.get(pk=room.session.pk)
        assert interval.joined_at == interval.left_at == session.ended_at


def status_now(live_world):
    return Client().get(f"/api/webinars/by-slug/{live_world['webinar'].slug}/status/").json()


def test_a_destroyed_room_with_an_empty_occupant_object_is_recorded(room):
    """Prosody encodes an empty occupant list as {}; refusing it (4xx, never retried) would lose the room's end."""
    response = post("room/destroyed", room.destroyed(1, []) | {"all_occupants": {}})
    assert response.status_code == 200 and response.json() == {"result": "recorded"}
    assert LiveSession.objects.get(pk=room.session.pk).room_destroyed_at is not None


@pytest.mark.parametrize("bad", ["\\u0000", "\\ud800", "x\\udfffx"])
@pytest.mark.parametrize("where, field", [("room_name", "room_name"), ("occupant_jid", "occupant.occupant_jid")])
def test_nul_bytes_and_lone_surrogates_are_400_naming_the_field(live_world, room, bad, where, field):
    payload = room.joined(live_world["users"]["approved"], "a1", 1)
    marker = "BAD-TEXT-MARKER"
    if where == "room_name":
        payload["room_name"] = marker
    else:
        payload["occupant"]["occupant_jid"] = marker
    # json.dumps would escape a lone surrogate anyway; write the escape as Prosody's encoder would.
    raw = json.dumps(payload).replace(marker, f"{room.session.room}{bad}")
    response = post("occupant/joined", None, raw=raw)
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "validation_error" and field in response.json()["fields"]
    assert not AttendanceInterval.objects.exists()


@pytest.mark.parametrize("user_id", ["²", "١"])
def test_a_non_ascii_digit_user_id_is_ignored_not_a_500(room, user_id):
    payload = room.joined(room.session.started_by, "z1", 1)
    payload["occupant"]["id"] = user_id
    response = post("occupant/joined", payload)
    assert response.status_code == 200 and response.json() == {"result": "ignored"}
