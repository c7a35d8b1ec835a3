"""Background work of recordings, run by the django-tasks worker after the change is committed."""

from django_tasks import task

from recordings.services import recording_store


@task()
def store_recording(recording_id: int) -> str:
    """Copy a file Jibri finished into the recordings storage; returns the recording's status."""
    recording = recording_store(recording_id=recording_id)
    return recording.status if recording else "skipped"
