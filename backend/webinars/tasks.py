"""Background tasks of the webinars app (run by the django-tasks worker, after commit)."""

from django_tasks import task

from common.mail import send_notification
from webinars.models import Webinar

# Registrations that were told they have (or may get) a seat, and so must hear of a cancellation.
NOTIFIED_STATUSES = ("pending", "approved", "waitlisted")


@task()
def send_webinar_cancelled(webinar_id: int) -> int:
    """Tell every active registrant that the webinar is cancelled; returns how many were told."""
    webinar = Webinar.objects.get(pk=webinar_id)
    registrations = webinar.registrations.filter(status__in=NOTIFIED_STATUSES).select_related("user")
    for registration in registrations:
        send_notification(
            to=registration.user.email,
            subject=f"Cancelled: {webinar.title}",
            body=(
                f"Hello {registration.user.public_name},\n\n"
                f'The webinar "{webinar.title}" planned for {webinar.starts_at:%Y-%m-%d %H:%M %Z} has been cancelled '
                "by its hosts. Your registration no longer holds a seat.\n"
            ),
        )
    return len(registrations)
