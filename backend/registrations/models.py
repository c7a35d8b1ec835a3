"""Who registered for which webinar, and where they stand."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from webinars.models import Webinar


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"  # approval policy: waiting for a host
        APPROVED = "approved"  # holds a seat, may join
        WAITLISTED = "waitlisted"  # would hold a seat, but the webinar is full
        REJECTED = "rejected"
        CANCELLED = "cancelled"  # by the registrant

    ACTIVE = (Status.PENDING, Status.APPROVED, Status.WAITLISTED)

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(max_length=10, choices=Status.choices, db_index=True)
    # Set anew when someone registers again after cancelling: the waitlist is first come, first served.
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # One row per person and webinar, whatever its status: no double registration, even under races.
            models.UniqueConstraint(fields=["webinar", "user"], name="one_registration_per_user"),
        ]
        indexes = [models.Index(fields=["webinar", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.webinar} ({self.status})"


class Notice(models.Model):
    """One message of one kind sent for one registration and occurrence: claimed before it is sent, so none goes twice."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20)
    # Which occurrence: a reminder's offset and start time, a live session, a calendar sequence, a recording.
    key = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["registration", "kind", "key"], name="one_notice_per_occurrence")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} → {self.registration}"
