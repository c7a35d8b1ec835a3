"""Jibri's occupant in attendance: event_sync reports it like anyone (it filters only focus and health-check
rooms), but without `id` (the recorder logs in with a password on the hidden domain, so it has no token
context.user): it is nobody's attendance and does not count as a host coming back."""

import json

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from live.models import AttendanceInterval

pytestmark = pytest.mark.django_db


def jibri_event(session, kind, **extra):
    now = int(timezone.now().timestamp())
    occupant = {"occupant_jid": f"{session.room}@muc.meet.jitsi/recorder-1a2b", "joined_at": now, "name": "Recorder"}
    occupant.update(extra)
    body = {
        "event_name": f"muc-occupant-{kind}",
        "room_name": session.room,
        "room_jid": f"{session.room}@muc.meet.jitsi",
        "is_breakout": False,
        "active_occupants_count": 2,
        "occupant": occupant,
    }
    return Client().post(
        f"/api/jitsi/events/occupant/{kind}",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {settings.JITSI_EVENTS_SECRET}",
    )


def test_jibri_joining_and_leaving_records_no_attendance(live_world):
    session = live_world["to_state"]("live")
    before = list(AttendanceInterval.objects.values_list("user_id", "source"))
    assert jibri_event(session, "joined").json() == {"result": "ignored"}
    assert jibri_event(session, "left", left_at=int(timezone.now().timestamp())).json() == {"result": "ignored"}
    assert list(AttendanceInterval.objects.values_list("user_id", "source")) == before


def test_jibri_does_not_keep_an_abandoned_room_alive(live_world):
    session = live_world["to_state"]("live")
    session.room_destroyed_at = timezone.now()
    session.save()
    jibri_event(session, "joined")
    session.refresh_from_db()
    assert session.room_destroyed_at is not None
