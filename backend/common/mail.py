"""Sending notification emails; called from background tasks only, never on the request path."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives


def send_notification(
    *,
    to: str,
    subject: str,
    body: str,
    html: str = "",
    attachments: list[tuple[str, str, str]] = (),
    headers: dict[str, str] | None = None,
) -> None:
    """Send one message: a plain-text body, an HTML alternative when given, attachments and extra headers."""
    if not to:
        return
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to], headers=headers or {})
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


def event_url(slug: str) -> str:
    """The event page a person opens to register, wait and join."""
    return f"{settings.FRONTEND_URL}/w/{slug}"


def join_url(slug: str) -> str:
    """The page that takes a signed-in registrant straight into the room."""
    return f"{settings.FRONTEND_URL}/w/{slug}/live"
