"""Recording rules: Jibri announces a file, the worker stores it, hosts publish or delete it, retention expires it.

Every state change takes the webinar's lock first (webinars.locking); copying a file never happens
under it, nor on the request path.
"""

import logging
import os
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from common.errors import DomainError, Invalid, Missing
from live.models import LiveSession
from recordings.models import Recording
from recordings.mp4 import mp4_duration_seconds
from recordings.storage import recordings_storage
from registrations.notifications import registrants_notify_recording
from webinars.locking import lock_webinar
from webinars.services import require_host

logger = logging.getLogger(__name__)
Status = Recording.Status


class UnknownRoom(DomainError):
    status_code = 404
    code = "unknown_room"
    message = "No live session ever used this room."


class RecordingNotReady(DomainError):
    code = "recording_not_ready"
    message = "The recording is not ready yet."


def inbox_file(path: str) -> Path:
    """The announced file inside RECORDINGS_INBOX_DIR; refuses anything that resolves outside it."""
    inbox = Path(settings.RECORDINGS_INBOX_DIR).resolve()
    try:
        # resolve(strict=True) follows symlinks, so a link pointing out of the inbox is caught below.
        candidate = (inbox / path).resolve(strict=True)
    except (OSError, RuntimeError):
        raise Invalid("No such file in the recordings directory.", field="path") from None
    if not candidate.is_relative_to(inbox) or not candidate.is_file():
        raise Invalid("No such file in the recordings directory.", field="path")
    return candidate


def recording_announce(*, room: str, path: str) -> tuple[Recording, bool]:
    """Record that Jibri finished a file for the session that used `room`; the same file twice is one recording.

    Unknown rooms are refused (and logged). A new recording, or one whose copy failed, is handed to
    the worker after commit; the answer never waits for the copy.
    """
    inbox_file(path)
    session = LiveSession.objects.filter(room=room.lower()).first()
    if session is None:
        logger.warning("recording of unknown room %r refused (%s)", room, path)
        raise UnknownRoom(field="room")
    webinar_id = session.webinar_id
    with transaction.atomic():
        # The webinar lock orders this against a host deleting recordings and against the worker. The session
        # read above needs no second read under it: services remove sessions only with their webinar, under
        # this same lock (a deletion in the admin takes no lock, and a second read never covered that either).
        lock_webinar(webinar_id)
        recording, created = Recording.objects.get_or_create(source_path=path, defaults={"session": session})
        if not created and recording.status != Status.FAILED:
            return recording, False
        if not created:  # a finalize run again after a failed copy: try once more
            recording.status = Status.PROCESSING
            recording.save(update_fields=["status"])
        from recordings.tasks import store_recording  # tasks import services: import here, not at the top

        transaction.on_commit(partial(store_recording.enqueue, recording.pk))
    logger.info("recording %s of webinar %s announced: %s", recording.pk, webinar_id, path)
    return recording, created


def recording_store(*, recording_id: int) -> Recording | None:
    """Copy an announced file from the inbox into storage, then mark it ready (or failed); the copy holds no lock."""
    recording = Recording.objects.select_related("session").filter(pk=recording_id, status=Status.PROCESSING).first()
    if recording is None:
        return None  # deleted, or stored already by an earlier run
    webinar_id = recording.session.webinar_id
    storage = recordings_storage()
    try:
        source = inbox_file(recording.source_path)
        with source.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            duration = mp4_duration_seconds(stream)
            stream.seek(0)
            name = storage.save(f"recordings/webinar-{webinar_id}/recording-{recording.pk}.mp4", File(stream))
    except (OSError, Invalid) as error:
        logger.error("recording %s could not be stored from %s: %s", recording.pk, recording.source_path, error)
        with transaction.atomic():
            lock_webinar(webinar_id)
            Recording.objects.filter(pk=recording.pk, status=Status.PROCESSING).update(status=Status.FAILED)
        return None
    with transaction.atomic():
        lock_webinar(webinar_id)
        recording = Recording.objects.filter(pk=recording.pk).first()
        if recording is None:  # a host deleted it while we copied: drop the copy too
            transaction.on_commit(partial(storage.delete, name))
            return None
        recording.file, recording.size_bytes, recording.duration_seconds = name, size, duration
        recording.status = Status.READY
        recording.save(update_fields=["file", "size_bytes", "duration_seconds", "status"])
    _remove_source(source)
    return recording


def _remove_source(source: Path) -> None:
    """Free Jibri's disk once the copy is committed; where Jibri's files are not ours to delete, say so."""
    try:
        source.unlink()
        (source.parent / "metadata.json").unlink(missing_ok=True)
        source.parent.rmdir()
    except OSError as error:
        logger.info("left %s in the recordings directory: %s", source, error)


def _locked(recording: Recording) -> tuple[Recording, object]:
    webinar = lock_webinar(recording.session.webinar_id)
    current = Recording.objects.select_related("session").filter(pk=recording.pk).first()
    if current is None:
        raise Missing()
    return current, webinar


@transaction.atomic
def recording_set_published(*, recording: Recording, published: bool, by: User) -> Recording:
    """Hosts publish a ready recording (or withdraw it); the first publication emails the approved registrants."""
    recording, webinar = _locked(recording)
    require_host(webinar, by)
    if published and recording.status != Status.READY:
        raise RecordingNotReady()
    if recording.published == published:
        return recording
    recording.published = published
    fields = ["published"]
    if published and recording.announced_at is None:
        recording.announced_at = timezone.now()
        fields.append("announced_at")
        registrants_notify_recording(webinar_id=webinar.pk, recording_id=recording.pk)
    recording.save(update_fields=fields)
    return recording


@transaction.atomic
def recording_delete(*, recording: Recording, by: User) -> None:
    """Hosts delete a recording; its file leaves storage after commit (models' post_delete)."""
    recording, webinar = _locked(recording)
    require_host(webinar, by)
    recording.delete()


def delete_expired_recordings(*, now: datetime | None = None) -> int:
    """Retention: delete recordings older than RECORDINGS_RETENTION_DAYS (0 keeps them); one transaction per webinar."""
    days = settings.RECORDINGS_RETENTION_DAYS
    if not days:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=days)
    webinar_ids = Recording.objects.filter(created_at__lt=cutoff).values_list("session__webinar_id", flat=True)
    deleted = 0
    for webinar_id in sorted(set(webinar_ids)):
        with transaction.atomic():
            lock_webinar(webinar_id)
            # A queryset delete still sends post_delete for each row (a receiver is connected), so every file goes.
            _, per_model = Recording.objects.filter(session__webinar_id=webinar_id, created_at__lt=cutoff).delete()
            deleted += per_model.get(Recording._meta.label, 0)
    return deleted
