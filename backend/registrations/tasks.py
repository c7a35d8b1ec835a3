"""Registration emails, sent by the django-tasks worker after the change is committed."""

from django_tasks import task

from common.mail import event_url, send_notification
from registrations.ics import webinar_ics
from registrations.models import Registration
from webinars.models import Webinar

# kind -> (subject prefix, message, attach the calendar file)
MESSAGES: dict[str, tuple[str, str, bool]] = {
    "confirmed": ("You're registered", "Your seat is confirmed.", True),
    "pending": ("Registration received", "The hosts review registrations; we will write when they decide.", False),
    "waitlisted": ("You're on the waitlist", "The webinar is full. You will get a seat, and an email, as soon as one frees up.", False),
    "approved": ("Registration approved", "The hosts approved your registration. Your seat is confirmed.", True),
    "rejected": ("Registration declined", "The hosts could not accept your registration this time.", False),
    "promoted": ("A seat freed up for you", "You moved up from the waitlist. Your seat is confirmed.", True),
    "cancelled": ("Registration cancelled", "Your registration is cancelled. You can register again while registration is open.", False),
}


@task()
def send_webinar_cancelled(webinar_id: int) -> int:
    """Tell every active registrant that the webinar is cancelled; returns how many were told."""
    webinar = Webinar.objects.get(pk=webinar_id)
    # Everyone who was told they have (or may get) a seat.
    registrations = webinar.registrations.filter(status__in=Registration.ACTIVE).select_related("user")
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


@task()
def send_registration_email(registration_id: int, kind: str) -> None:
    """Tell the registrant what just happened to their registration."""
    registration = Registration.objects.select_related("user", "webinar").get(pk=registration_id)
    subject, message, with_calendar = MESSAGES[kind]
    webinar = registration.webinar
    attachments = [("webinar.ics", webinar_ics(webinar), "text/calendar")] if with_calendar else []
    send_notification(
        to=registration.user.email,
        subject=f"{subject}: {webinar.title}",
        body=(
            f"Hello {registration.user.public_name},\n\n{message}\n\n"
            f"{webinar.title}\n{webinar.starts_at:%Y-%m-%d %H:%M %Z}\n{event_url(webinar.slug)}\n"
        ),
        attachments=attachments,
    )
