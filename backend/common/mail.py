"""Sending notification emails; called from background tasks only, never on the request path."""

from django.conf import settings
from django.core.mail import EmailMessage


def send_notification(*, to: str, subject: str, body: str, attachments: list[tuple[str, str, str]] = ()) -> None:
    if not to:
        return
    message = EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to])
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


def event_url(slug: str) -> str:
    """The event page a person opens to register, wait and join."""
    return f"{settings.FRONTEND_URL}/w/{slug}"
