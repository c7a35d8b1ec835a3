"""Reads of live state: the public status, who is in the room, the attendance report."""

import hashlib
import json
import logging
from collections import defaultdict
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from live.attendance import Presence, presence, timeline
from live.models import AttendanceInterval, LiveSession, grace_deadline
from webinars.cache import public_status_key, public_status_near, status_version_key
from webinars.models import Webinar

logger = logging.getLogger(__name__)
# A safety net only: every committed change retires the entry at once (webinars.cache).
STATUS_CACHE_SECONDS = 300
# Unknown ids and drafts: long enough to absorb a flood of bad ids; publishing retires it at once.
MISSING_SECONDS = 30


def running_session(webinar: Webinar) -> LiveSession | None:
    """The webinar's practice or live session, if any. A session whose Jitsi room has been gone past
    the grace period reads as over; the reaper, or the next writer, records its end."""
    session = webinar.live_sessions.exclude(state=LiveSession.State.ENDED).first()
    return session if session is not None and session.is_running else None


def _public_state(webinar: Webinar, session: LiveSession | None) -> str:
    if session is None or session.state == LiveSession.State.ENDED:
        return webinar.status
    if session.is_running:
        return session.state
    # Its room is long gone: over, as the reaper will record it.
    return Webinar.Status.ENDED if session.opened_at else Webinar.Status.SCHEDULED


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _public_status_entry(webinar_id: int) -> dict:
    """Computed from the database, reading only; the body and its ETag are rendered once, here."""
    webinar = Webinar.objects.filter(pk=webinar_id).exclude(status=Webinar.Status.DRAFT).first()
    if webinar is None:
        return {"missing": True, "expires_in": MISSING_SECONDS}
    session = webinar.live_sessions.first()  # the latest
    running = session if session is not None and session.is_running else None
    participants = (
        running.intervals.filter(left_at__isnull=True, joined_at__isnull=False).values("user").distinct().count() if running else 0
    )
    ended_at = (session.ended_at or session.room_destroyed_at) if session and not running else None
    status = {
        "state": _public_state(webinar, session),
        "starts_at": webinar.starts_at.isoformat(),
        "started_at": session.started_at.isoformat() if session else None,
        "ended_at": ended_at.isoformat() if ended_at else None,
        "participant_count": participants,
    }
    body = json.dumps(status, separators=(",", ":")).encode()
    expires_in = STATUS_CACHE_SECONDS
    if running:
        # Joins and leaves do not retire the entry (a Go-Live rush would turn every poll into a
        # database read): the participant count follows within the refresh interval instead.
        expires_in = max(1, settings.STATUS_MAX_AGE)
        if running.room_destroyed_at:  # recompute when the grace period runs out, so the page sees the end
            expires_in = min(expires_in, max(1, int((running.room_destroyed_at - grace_deadline()).total_seconds()) + 1))
    return {"visibility": webinar.visibility, "status": status, "body": body, "etag": _etag(body), "expires_in": expires_in}


def public_status(webinar_id: int) -> dict | None:
    """The whitelisted public status of a published webinar, from the cache when current; None if there is none.

    No round trip while this process holds a near copy (webinars/cache.py), one when the shared
    cache is current. Cached with the webinar's visibility so that the by-id
    endpoint can refuse unlisted webinars without a database query; unknown ids and drafts are
    cached briefly too, so a flood of bad ids does not reach the database. The version is read
    *before* the database (webinars.cache says why). With the cache unreachable, it reads the database.
    """
    near = public_status_near.get(str(webinar_id))
    if near is not None:
        return None if near.get("missing") else near
    generation = public_status_near.generation()
    key, version_key = public_status_key(webinar_id), status_version_key(webinar_id)
    found = cache.get_many([key, version_key])  # {} when Redis is down (common/cache.py): computed below
    version = found.get(version_key)
    entry = found.get(key)
    if entry is None or entry["version"] != version:
        entry = _public_status_entry(webinar_id) | {"version": version}
        cache.set(key, entry, entry["expires_in"])
    public_status_near.put(str(webinar_id), entry, generation, seconds=entry["expires_in"])
    return None if entry.get("missing") else entry


# Slugs never change and their ids are never reused: each process keeps the ones it has seen.
_SLUG_IDS: dict[str, int] = {}
_SLUG_IDS_MAX = 50_000


def webinar_id_for_slug(slug: str) -> int | None:
    """The id behind an event page's slug: from this process's memory, else the database."""
    webinar_id = _SLUG_IDS.get(slug)
    if webinar_id is None:
        webinar_id = Webinar.objects.filter(slug=slug).values_list("pk", flat=True).first()
        if webinar_id is not None:
            if len(_SLUG_IDS) >= _SLUG_IDS_MAX:
                _SLUG_IDS.clear()
            _SLUG_IDS[slug] = webinar_id
    return webinar_id


def participants_now(session: LiveSession | None) -> list[dict]:
    """Who is in the room now: one row per person with an open interval, from any source."""
    if session is None or session.state == LiveSession.State.ENDED:
        return []
    host_ids = session.webinar.host_ids()
    earliest: dict[int, dict] = {}
    for interval in session.intervals.filter(left_at__isnull=True, joined_at__isnull=False).select_related("user"):
        row = earliest.get(interval.user_id)
        if row is None or interval.joined_at < row["joined_at"]:
            earliest[interval.user_id] = {
                "user": interval.user_id,
                "display_name": interval.user.public_name,
                "joined_at": interval.joined_at,
                "is_host": interval.user_id in host_ids,
            }
    return sorted(earliest.values(), key=lambda row: row["joined_at"])


def _closed_intervals(webinar: Webinar) -> dict[int, list[tuple[datetime, datetime]]]:
    """Every interval of every session, with open ends closed at the session's end (or now, while it runs)."""
    now = timezone.now()
    per_user: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    intervals = AttendanceInterval.objects.filter(session__webinar=webinar).select_related("session")
    for interval in intervals:
        session_end = interval.session.ended_at or now
        start = interval.joined_at or interval.session.started_at
        end = min(interval.left_at or session_end, session_end)
        per_user[interval.user_id].append((start, end))
    return per_user


def attendance_report(webinar: Webinar) -> list[dict]:
    """Per registrant (and per host who was there): first join, last leave, minutes present, attended."""
    per_user = _closed_intervals(webinar)
    rows = []
    registrations = webinar.registrations.select_related("user").order_by("created_at", "id")
    seen = set()
    for registration in registrations:
        seen.add(registration.user_id)
        rows.append(_row(registration.user, registration.status, presence(per_user.get(registration.user_id, []))))
    hosts = [webinar.organizer, *webinar.co_hosts.all()]
    for host in hosts:
        if host.pk not in seen and host.pk in per_user:
            rows.append(_row(host, "host", presence(per_user[host.pk])))
    return rows


def _row(user, registration_status: str, present: Presence) -> dict:
    return {
        "user": user.pk,
        "display_name": user.public_name,
        "email": user.email,
        "registration_status": registration_status,
        "first_join": present.first_join,
        "last_leave": present.last_leave,
        "minutes_present": present.minutes,
        "attended": present.seconds > 0,
    }


def attendance_timeline(webinar: Webinar) -> list[dict]:
    sessions = list(webinar.live_sessions.order_by("started_at"))
    if not sessions:
        return []
    start = sessions[0].started_at
    end = max(s.ended_at or timezone.now() for s in sessions)
    points = timeline(_closed_intervals(webinar), start=start, end=end)
    return [{"at": at, "present": count} for at, count in points]
