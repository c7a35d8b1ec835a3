"""Background work of recordings, run by the django-tasks worker after the change is committed."""

from django_tasks import task

from common.mail import event_url, send_notification
from recordings.models import Recording
from recordings.services import recording_store
from registrations.models import Registration


@task()
def store_recording(recording_id: int) -> str:
    """Copy a file Jibri finished into the recordings storage; returns the recording's status."""
    recording = recording_store(recording_id=recording_id)
    return recording.status if recording else "skipped"


@task()
def send_recording_published(recording_id: int) -> int:
    """Tell the approved registrants that a recording is on the event page; returns how many were told."""
    recording = Recording.objects.select_related("session__webinar").filter(pk=recording_id, published=True).first()
    if recording is None:
        return 0  # withdrawn or deleted before the worker got to it
    webinar = recording.session.webinar
    registrations = webinar.registrations.filter(status=Registration.Status.APPROVED).select_related("user")
    for registration in registrations:
        send_notification(
            to=registration.user.email,
            subject=f"Recording available: {webinar.title}",
            body=(
                f"Hello {registration.user.public_name},\n\n"
                f'The recording of "{webinar.title}" is now available on the event page:\n'
                f"{event_url(webinar.slug)}\n"
            ),
        )
    return len(registrations)
