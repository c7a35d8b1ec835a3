"""The busiest moments, raced for real: Go Live and End against joins, Jitsi's events and the reaper.

Every test releases real threads together (PostgreSQL row locks; SQLite has none) and repeats for
ROUNDS rounds, since a deadlock or a lost update shows up in some interleavings only.
"""

import threading
import time
from datetime import timedelta

import jwt
import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone

from common.errors import DomainError
from common.testing import run_at_once
from integrations.jitsi.events import parse_event
from live.events import jitsi_event_record
from live.models import AttendanceInterval, LiveSession
from live.selectors import public_status
from live.services import end_abandoned_sessions, live_session_end, live_session_join, live_session_start
from registrations.models import Registration

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ROUNDS = 10


def _database_errors(errors):
    """Deadlocks and other server-side failures: what a client would see as a 500."""
    return [error for error in errors if not isinstance(error, DomainError)]


def _live_webinar(make_user, make_webinar, *, attendees=0, co_hosts=()):
    webinar = make_webinar(co_hosts=co_hosts)
    users = [make_user() for _ in range(attendees)]
    Registration.objects.bulk_create(Registration(webinar=webinar, user=u, status="approved") for u in users)
    session, _ = live_session_start(webinar=webinar, by=webinar.organizer)
    return webinar, session, users


def _event(kind, session, **fields):
    name = {"room/destroyed": "muc-room-destroyed", "occupant/left": "muc-occupant-left"}[kind]
    payload = {"event_name": name, "room_name": session.room, "room_jid": f"{session.room}@muc.meet.jitsi", "is_breakout": False}
    return parse_event(kind, payload | fields)


def _occupant(session, user, joined, left=None):
    data = {"occupant_jid": f"{session.room}@muc.meet.jitsi/{user.pk}", "joined_at": int(joined.timestamp()), "id": str(user.pk)}
    if left is not None:
        data["left_at"] = int(left.timestamp())
    return data


def _make_abandoned(session):
    gone = timezone.now() - timedelta(seconds=settings.JITSI_ROOM_GRACE_SECONDS + 60)
    LiveSession.objects.filter(pk=session.pk).update(room_destroyed_at=gone)


def test_end_for_all_racing_occupant_left_and_room_destroyed_never_deadlocks(make_user, make_webinar):
    failures, wrong_states, open_intervals = [], 0, 0
    for _ in range(ROUNDS):
        webinar, session, attendees = _live_webinar(make_user, make_webinar, attendees=4)
        now = timezone.now()
        for user in attendees:  # Jitsi saw them join
            jitsi_event_record(parse_event("occupant/joined", _event_payload_joined(session, user, now)))
        left = [_event("occupant/left", session, occupant=_occupant(session, u, now, now)) for u in attendees]
        destroyed = _event("room/destroyed", session, created_at=int(now.timestamp()), destroyed_at=int(now.timestamp()), all_occupants=[])
        _, errors = run_at_once(
            [
                lambda w=webinar: live_session_end(webinar=w, by=w.organizer),
                *[lambda e=e: jitsi_event_record(e) for e in [*left, destroyed]],
            ]
        )
        failures += _database_errors(errors)
        session.refresh_from_db()
        wrong_states += session.state != LiveSession.State.ENDED
        open_intervals += AttendanceInterval.objects.filter(session=session, left_at__isnull=True).count()
    assert (failures, wrong_states, open_intervals) == ([], 0, 0)


def _event_payload_joined(session, user, at):
    return {
        "event_name": "muc-occupant-joined",
        "room_name": session.room,
        "room_jid": f"{session.room}@muc.meet.jitsi",
        "is_breakout": False,
        "occupant": _occupant(session, user, at),
        "active_occupants_count": 1,
    }


def test_two_hosts_ending_an_abandoned_session_at_once_never_deadlock(make_user, make_webinar):
    failures, wrong_states = [], 0
    for _ in range(ROUNDS):
        co_host = make_user()
        webinar, session, _ = _live_webinar(make_user, make_webinar, co_hosts=[co_host])
        _make_abandoned(session)
        _, errors = run_at_once([lambda h=h, w=webinar: live_session_end(webinar=w, by=h) for h in (webinar.organizer, co_host)] * 2)
        failures += _database_errors(errors)
        session.refresh_from_db()
        wrong_states += session.state != LiveSession.State.ENDED
    assert (failures, wrong_states) == ([], 0)


def test_the_reaper_racing_host_actions_never_deadlocks(make_user, make_webinar):
    failures = []
    for _ in range(ROUNDS):
        webinars = []
        for _ in range(3):
            webinar, session, _ = _live_webinar(make_user, make_webinar, attendees=2)
            _make_abandoned(session)
            webinars.append(webinar)
        actions = [end_abandoned_sessions, end_abandoned_sessions]
        for webinar in webinars:
            actions += [
                lambda w=webinar: live_session_end(webinar=w, by=w.organizer),
                lambda w=webinar: live_session_start(webinar=w, by=w.organizer),
                lambda w=webinar: live_session_join(webinar_id=w.pk, user=w.organizer),
            ]
        _, errors = run_at_once(actions)
        failures += _database_errors(errors)
    assert failures == []
    assert not LiveSession.objects.filter(room_destroyed_at__isnull=False).exclude(state="ended").exists()


def _issued_at(token) -> int:
    return jwt.decode(token.jwt, options={"verify_signature": False})["iat"]


def test_joins_racing_the_end_get_a_token_before_it_or_session_ended(make_user, make_webinar):
    failures, late_tokens, open_intervals, late_intervals, refusals = [], 0, 0, 0, set()
    for _ in range(ROUNDS):
        webinar, session, attendees = _live_webinar(make_user, make_webinar, attendees=20)
        results, errors = run_at_once(
            [
                lambda w=webinar: live_session_end(webinar=w, by=w.organizer),
                *[lambda u=u, w=webinar: live_session_join(webinar_id=w.pk, user=u) for u in attendees],
            ]
        )
        failures += _database_errors(errors)
        refusals |= {error.code for error in errors if isinstance(error, DomainError)}
        session.refresh_from_db()
        ended = int(session.ended_at.timestamp())
        late_tokens += sum(1 for result in results if isinstance(result, tuple) and _issued_at(result[1]) > ended)
        open_intervals += AttendanceInterval.objects.filter(session=session, left_at__isnull=True).count()
        late_intervals += AttendanceInterval.objects.filter(session=session, joined_at__gt=session.ended_at).count()
    assert (failures, late_tokens, open_intervals, late_intervals) == ([], 0, 0, 0)
    assert refusals <= {"session_ended"}


def test_a_poll_that_read_before_go_live_committed_cannot_pin_the_old_state(make_webinar, monkeypatch):
    """The interleaving forced: a poll misses the cache, reads the database while Go Live is still
    uncommitted, and writes its entry only after the commit (a GIL stall, a slow cache)."""
    webinar = make_webinar()
    started, about_to_write, committed = threading.Event(), threading.Event(), threading.Event()
    pollers = []
    backend = type(caches["default"])
    for name in ("set", "add", "set_many"):
        original = getattr(backend, name)

        def held(self, *args, _original=original, **kwargs):
            if threading.current_thread() in pollers:
                about_to_write.set()
                committed.wait(5)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(backend, name, held)

    def go_live():
        with transaction.atomic():
            live_session_start(webinar=webinar, by=webinar.organizer)
            started.set()
            about_to_write.wait(1)
        committed.set()

    def poll():
        pollers.append(threading.current_thread())
        started.wait(5)
        return public_status(webinar.pk)["status"]["state"]

    _, errors = run_at_once([go_live, poll])
    assert errors == []
    assert public_status(webinar.pk)["status"]["state"] == "live"


def _polls_racing_go_live(webinar, pollers=3) -> int:
    """Poll while Go Live commits; count the polls that started after the commit and saw no `live`."""
    public_status(webinar.pk)  # warm: the cache holds "scheduled"
    committed_at, seen, stop = [], [], threading.Event()

    def poll():
        while not stop.is_set():
            started = time.monotonic()
            seen.append((started, public_status(webinar.pk)["status"]["state"]))

    def go_live():
        time.sleep(0.02)
        live_session_start(webinar=webinar, by=webinar.organizer)
        committed_at.append(time.monotonic())
        time.sleep(0.05)
        stop.set()

    _, errors = run_at_once([poll] * pollers + [go_live])
    assert errors == []
    return sum(1 for started, state in seen if started > committed_at[0] and state != "live")


def test_every_poll_that_starts_after_go_live_commits_sees_live(make_webinar):
    assert sum(_polls_racing_go_live(make_webinar()) for _ in range(ROUNDS)) == 0
