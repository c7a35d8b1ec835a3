"""Recordings Jibri made of a live session, kept in the "recordings" storage."""

from functools import partial

from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from live.models import LiveSession
from recordings.storage import recordings_storage


class Recording(models.Model):
    class Status(models.TextChoices):
        PROCESSING = "processing"  # announced by Jibri's finalize script; the worker is copying it
        READY = "ready"  # in storage, playable
        FAILED = "failed"  # the copy failed; a repeated finalize retries it

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="recordings")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROCESSING)
    published = models.BooleanField(default=False)
    # The file's name in the "recordings" storage (settings.STORAGES), empty until the copy is done.
    # Not a FileField: its storage would be bound once at import, and the storage is a setting.
    file = models.CharField(max_length=500, blank=True)
    size_bytes = models.PositiveBigIntegerField(null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    # The file's path relative to RECORDINGS_INBOX_DIR, as the finalize script reported it: unique,
    # so that a finalize repeated after a lost answer makes no second recording.
    source_path = models.CharField(max_length=500, unique=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Set when registrants were first told it is published: unpublishing and publishing again sends nothing.
    announced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_path} ({self.status})"


@receiver(post_delete, sender=Recording)
def _delete_file_after_commit(sender, instance: Recording, **kwargs) -> None:
    """A deleted recording's file leaves storage once the deletion commits: by a host, by retention or by cascade."""
    if instance.file:
        transaction.on_commit(partial(recordings_storage().delete, instance.file))
