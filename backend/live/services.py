"""Live-session rules: start, open, end, join (room tokens), leave; instant webinars."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, FilteredRelation, OuterRef, Q, Subquery
from django.utils import timezone

from accounts.models import User
from common.errors import DomainError, Forbidden, IllegalTransition, Missing, Unauthenticated
from common.prepared import PreparedValues, insert_fixed
from integrations.jitsi.tokens import JitsiUser, RoomToken, TokenConfig, room_token
from live.models import AttendanceInterval, LiveSession, grace_deadline
from registrations.models import Registration
from registrations.notifications import registrants_follow_up, registrants_notify_live
from webinars import lifecycle
from webinars.cache import invalidate_public_status
from webinars.locking import lock_webinar, lock_webinar_shared_reading
from webinars.models import Webinar
from webinars.services import require_host, webinar_create

W = Webinar.Status
State = LiveSession.State
INSTANT_DURATION = timedelta(hours=1)


def _running_session_locked(webinar: Webinar) -> LiveSession | None:
    """Under the webinar lock: the running session, after recording the end of an expired one."""
    session = webinar.live_sessions.exclude(state=State.ENDED).first()
    if session is not None and not session.is_running:
        end_session(session, webinar=webinar, by=None, at=session.room_destroyed_at)
        return None
    return session


def end_abandoned_sessions() -> int:
    """The reaper: end running sessions whose Jitsi room was destroyed longer than the grace period ago.

    One transaction per webinar, taking its lock like every other writer; the expiry is checked
    again under the lock, since a host may have come back in the meantime.
    """
    candidates = (
        LiveSession.objects.exclude(state=State.ENDED).filter(room_destroyed_at__lte=grace_deadline()).values_list("webinar_id", flat=True)
    )
    ended = 0
    for webinar_id in sorted(set(candidates)):
        with transaction.atomic():
            webinar = lock_webinar(webinar_id)
            session = webinar.live_sessions.exclude(state=State.ENDED).first()
            if session is not None and not session.is_running:
                end_session(session, webinar=webinar, by=None, at=session.room_destroyed_at)
                ended += 1
    return ended


def _changed(session: LiveSession) -> None:
    invalidate_public_status(session.webinar_id)


@transaction.atomic
def live_session_start(*, webinar: Webinar, by: User, practice: bool = False) -> tuple[LiveSession, bool]:
    """Open the green room (practice) or go live at once; returns (session, created). Idempotent."""
    # Two hosts clicking Go Live at once serialize on the webinar lock; the second finds the
    # first one's session instead of opening a second room.
    webinar = lock_webinar(webinar.pk)
    require_host(webinar, by, "Only the webinar's hosts may run its live session.")
    session = _running_session_locked(webinar)
    if session is not None:
        return session, False
    lifecycle.check_transition(webinar, W.LIVE)
    now = timezone.now()
    session = LiveSession.objects.create(
        webinar=webinar,
        state=State.PRACTICE if practice else State.LIVE,
        started_by=by,
        started_at=now,
        opened_at=None if practice else now,
    )
    lifecycle.transition(webinar, W.LIVE)
    registrants_notify_live(webinar=webinar, session=session)
    return session, True


@transaction.atomic
def live_session_open(*, webinar: Webinar, by: User) -> LiveSession:
    """Practice → live: attendees are admitted from now on."""
    webinar = lock_webinar(webinar.pk)
    require_host(webinar, by, "Only the webinar's hosts may run its live session.")
    session = _running_session_locked(webinar)
    if session is None or session.state != State.PRACTICE:
        raise IllegalTransition("Only a session in practice can be opened to attendees.", code="not_in_practice")
    session.state = State.LIVE
    session.opened_at = timezone.now()
    session.save(update_fields=["state", "opened_at"])
    _changed(session)
    registrants_notify_live(webinar=webinar, session=session)
    return session


def end_session(session: LiveSession, *, webinar: Webinar, by: User | None, at) -> LiveSession:
    """Close the session and every open interval; the webinar ends, or returns to scheduled if it never opened.

    The caller holds the webinar lock (`webinar` is the locked row).
    """
    session.webinar = webinar
    session.state = State.ENDED
    session.ended_at = at
    session.ended_by = by
    session.save(update_fields=["state", "ended_at", "ended_by"])
    session.intervals.filter(left_at__isnull=True).update(left_at=at)
    lifecycle.transition(webinar, W.ENDED if session.opened_at else W.SCHEDULED)  # retires the public status
    registrants_follow_up(webinar=webinar, session=session)
    return session


@transaction.atomic
def live_session_end(*, webinar: Webinar, by: User) -> LiveSession:
    """Hosts end the session; no join token is issued afterwards. A session whose room is long gone
    ends as of the moment its room went."""
    # Joins take the same lock: each one either commits (token and interval) before the end
    # takes it, or finds the session ended afterwards.
    webinar = lock_webinar(webinar.pk)
    require_host(webinar, by, "Only the webinar's hosts may run its live session.")
    session = webinar.live_sessions.exclude(state=State.ENDED).first()
    if session is None:
        raise IllegalTransition("There is no running session to end.", code="no_running_session")
    return end_session(session, webinar=webinar, by=by, at=timezone.now() if session.is_running else session.room_destroyed_at)


def _join_refusal(status: str, session: LiveSession | None, *, is_host: bool) -> DomainError | None:
    if session is None:
        if status == W.ENDED:
            return DomainError("The webinar has ended.", code="session_ended")
        if status == W.CANCELLED:
            return DomainError("The webinar was cancelled.", code="webinar_cancelled")
        if is_host:
            return DomainError("Start the session (or the green room) first.", code="session_not_started")
        return DomainError("The session has not started yet. You join as soon as it opens.", code="session_not_open")
    if session.state == State.PRACTICE and not is_host:
        return DomainError("The hosts are getting ready. You join as soon as the session opens.", code="session_not_open")
    return None


_SESSION_FIELDS = ("id", "state", "room", "started_at", "opened_at", "room_destroyed_at")
_USER_FIELDS = ("is_active", "username", "display_name", "email", "avatar_url")
# What a join decides with, read by the statement that takes the shared lock (webinars/locking.py),
# compiled once (common/prepared.py): the webinar, its running session, is the caller a co-host, how
# are they registered, and the caller's own row (authentication skipped that read: JoinView).
_join_standing = PreparedValues(
    lambda webinar_id, user_id: (
        Webinar.objects.filter(pk=webinar_id)
        .annotate(
            running=FilteredRelation("live_sessions", condition=~Q(live_sessions__state=State.ENDED)),
            is_cohost=Exists(Webinar.co_hosts.through.objects.filter(webinar_id=OuterRef("pk"), user_id=user_id)),
            registration=Subquery(Registration.objects.filter(webinar_id=OuterRef("pk"), user_id=user_id).order_by().values("status")[:1]),
            **{f"user_{name}": Subquery(User.objects.filter(pk=user_id).values(name)) for name in _USER_FIELDS},
        )
        .order_by()
        .values(
            "status",
            "visibility",
            "organizer_id",
            "is_cohost",
            "registration",
            *(f"running__{name}" for name in _SESSION_FIELDS),
            *(f"user_{name}" for name in _USER_FIELDS),
        )
    ),
    arity=2,
)


@dataclass(frozen=True)
class Joined:
    session: LiveSession
    token: RoomToken
    moderator: bool
    display_name: str


@transaction.atomic
def live_session_join(*, webinar_id: int, user) -> Joined:
    """Hosts join a running session as moderators; approved registrants join a live one. Records the join.

    `user` needs only a `pk`: the caller's row is read here, in the statement that takes the lock.
    Three statements in all, the hot path of a Go-Live minute: the shared lock with everything the
    decision needs, the attendance upsert, and the commit.
    """
    user_id = int(user.pk)
    # Shared: joins run side by side but never beside End (webinars/locking.py), so no token and no
    # open interval come after the end.
    standing = lock_webinar_shared_reading(_join_standing, webinar_id, user_id)
    if not standing["user_is_active"]:  # deleted or deactivated since the API token was issued
        raise Unauthenticated("This account is no longer active.", code="user_inactive")
    is_host = user_id == standing["organizer_id"] or standing["is_cohost"]
    registration = standing["registration"]
    if not (is_host or registration or (standing["status"] != W.DRAFT and standing["visibility"] == Webinar.Visibility.PUBLIC)):
        raise Missing()  # hidden things look missing
    if not is_host and registration != Registration.Status.APPROVED:
        raise Forbidden("Only hosts and approved registrants may join.", code="not_approved")
    status = standing["status"]
    session = None
    # A session counts only if the webinar row (read as the last writer left it) says live: the rest of
    # the row may predate an End this statement waited for (webinars/locking.py).
    if standing["running__id"] is not None and status == W.LIVE:
        session = LiveSession(webinar_id=webinar_id, **{name: standing[f"running__{name}"] for name in _SESSION_FIELDS})
    if session is not None and not session.is_running:
        # Its room is long gone: over. A shared holder never writes the webinar; the reaper records it.
        status, session = (W.ENDED if session.opened_at else W.SCHEDULED), None
    refusal = _join_refusal(status, session, is_host=is_host)
    if refusal:
        raise refusal
    now = timezone.now()
    # A rejoin (reload, reconnect) keeps the open interval: the person never left. The partial unique
    # constraint one_open_client_interval makes this one statement, also for two joins at once.
    insert_fixed(
        AttendanceInterval(session_id=session.pk, user_id=user_id, source=AttendanceInterval.Source.CLIENT, joined_at=now),
        ignore_conflicts=True,
    )
    if is_host and session.room_destroyed_at:
        # A host came back: the room lives on, no grace-period ending.
        LiveSession.objects.filter(pk=session.pk).update(room_destroyed_at=None)
        _changed(session)
    display_name = standing["user_display_name"] or standing["user_username"]
    jitsi_user = JitsiUser(
        id=str(user_id), name=display_name, email=standing["user_email"], avatar=standing["user_avatar_url"], moderator=is_host
    )
    token = room_token(config=TokenConfig.from_settings(settings), room=session.room, user=jitsi_user, now=now)
    return Joined(session=session, token=token, moderator=is_host, display_name=display_name)


@transaction.atomic
def live_session_leave(*, webinar_id: int, user: User) -> int:
    """Record that the caller left the room (idempotent); returns how many open intervals were closed.

    The participant count on the public status follows within its refresh interval, not at once.
    """
    lock_webinar(webinar_id, shared=True)
    session = LiveSession.objects.filter(webinar_id=webinar_id).order_by("-started_at").first()
    if session is None:
        return 0
    return session.intervals.filter(user=user, source=AttendanceInterval.Source.CLIENT, left_at__isnull=True).update(left_at=timezone.now())


@transaction.atomic
def instant_webinar_start(*, by: User, title: str = "") -> tuple[Webinar, LiveSession]:
    """An ad-hoc call: an unlisted, open webinar starting now, live at once."""
    now = timezone.now()
    webinar = webinar_create(
        organizer=by,
        title=title or f"{by.public_name}'s instant webinar",
        starts_at=now,
        ends_at=now + INSTANT_DURATION,
        visibility=Webinar.Visibility.UNLISTED,
        registration_policy=Webinar.Policy.OPEN,
    )
    lifecycle.transition(webinar, W.SCHEDULED)
    session, _ = live_session_start(webinar=webinar, by=by)
    return webinar, session
