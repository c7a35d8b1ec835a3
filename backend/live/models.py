"""Live sessions (one per broadcast, each with its own Jitsi room) and who was in them, when."""

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from webinars.models import Webinar


def grace_deadline() -> datetime:
    """A room destroyed before this moment is gone for good (JITSI_ROOM_GRACE_SECONDS)."""
    return timezone.now() - timedelta(seconds=settings.JITSI_ROOM_GRACE_SECONDS)


def new_room_name() -> str:
    """128 random bits as 32 lowercase hex characters: unguessable, and immune to Jitsi's case folding."""
    return secrets.token_hex(16)


class LiveSession(models.Model):
    class State(models.TextChoices):
        PRACTICE = "practice"  # green room: hosts only
        LIVE = "live"  # attendees admitted
        ENDED = "ended"

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="live_sessions")
    state = models.CharField(max_length=10, choices=State.choices)
    room = models.CharField(max_length=64, unique=True, default=new_room_name, editable=False)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    started_at = models.DateTimeField()
    opened_at = models.DateTimeField(null=True, blank=True, help_text="When attendees were first admitted.")
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    ended_at = models.DateTimeField(null=True, blank=True)
    # Set when Jitsi reports the room destroyed; the session ends after a grace period unless a
    # host comes back (a host's page reload must not end the webinar).
    room_destroyed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            # With the webinar row lock in live_session_start, this makes a second running room impossible.
            models.UniqueConstraint(fields=["webinar"], condition=~Q(state="ended"), name="one_running_session_per_webinar"),
        ]

    def __str__(self) -> str:
        return f"{self.webinar} ({self.state})"

    @property
    def is_running(self) -> bool:
        """Practice or live, and its room not gone past the grace period (over, even before the reaper records it)."""
        expired = self.room_destroyed_at is not None and self.room_destroyed_at <= grace_deadline()
        return self.state != self.State.ENDED and not expired


class AttendanceInterval(models.Model):
    """One stretch of time a person spent in a session's room, as reported by one source."""

    class Source(models.TextChoices):
        CLIENT = "client"  # our frontend: join token issued / leave reported
        JITSI = "jitsi"  # Prosody's event_sync: occupant joined / left

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="intervals")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendance_intervals")
    source = models.CharField(max_length=10, choices=Source.choices)
    # Jitsi's occupant JID for that source: the key that makes repeated events idempotent.
    external_id = models.CharField(max_length=500, blank=True)
    joined_at = models.DateTimeField(null=True, blank=True)  # null until a late-arriving "joined" event
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["joined_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "source", "external_id"], condition=~Q(external_id=""), name="one_interval_per_occupant"
            ),
            # A rejoin keeps the open interval: a join is one INSERT .. ON CONFLICT DO NOTHING.
            models.UniqueConstraint(
                fields=["session", "user"], condition=Q(source="client", left_at__isnull=True), name="one_open_client_interval"
            ),
        ]
        indexes = [models.Index(fields=["session", "left_at"])]

    def __str__(self) -> str:
        return f"{self.user} in {self.session} ({self.source}): {self.joined_at} – {self.left_at or 'now'}"
