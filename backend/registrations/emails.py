"""Every message registrants get (docs/notifications.md), rendered from two templates in the recipient's time zone."""

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.services import unsubscribe_token
from common.mail import event_url, join_url
from registrations.ics import webinar_ics
from registrations.models import Registration
from registrations.providers import providers
from webinars.models import Webinar


@dataclass(frozen=True)
class Message:
    subject: str
    text: str
    topic: str | None = None  # the preference that silences it (accounts.services.TOPICS); None: transactional
    calendar: str | None = None  # attach the .ics with this METHOD
    join: bool = False  # show the link straight into the room


MESSAGES: dict[str, Message] = {
    # Registration decisions: transactional, always sent.
    "confirmed": Message("You're registered", "Your seat is confirmed.", calendar="PUBLISH"),
    "pending": Message("Registration received", "The hosts review registrations; we will write when they decide."),
    "waitlisted": Message("You're on the waitlist", "The webinar is full. You will get a seat, and an email, as soon as one frees up."),
    "approved": Message("Registration approved", "The hosts approved your registration. Your seat is confirmed.", calendar="PUBLISH"),
    "rejected": Message("Registration declined", "The hosts could not accept your registration this time."),
    "promoted": Message("A seat freed up for you", "You moved up from the waitlist. Your seat is confirmed.", calendar="PUBLISH"),
    "cancelled": Message("Registration cancelled", "Your registration is cancelled. You can register again while registration is open."),
    # Calendar changes: transactional.
    "updated": Message(
        "Updated",
        "The hosts changed the time or the title; the attached calendar file moves the event in your calendar.",
        calendar="PUBLISH",
    ),
    "webinar_cancelled": Message(
        "Cancelled",
        "The hosts cancelled this webinar; your registration no longer holds a seat. The attached file removes it from your calendar.",
        calendar="CANCEL",
    ),
    # Reminders and "we're live": one may turn them off.
    "reminder": Message("Reminder", "The webinar you registered for is coming up.", topic="reminders", calendar="PUBLISH", join=True),
    "live": Message("Live now", "The webinar has started. Join now:", topic="reminders", join=True),
    # Follow-ups: one may turn them off.
    "thanks": Message("Thank you for attending", "Thank you for joining us.", topic="follow_ups"),
    "missed": Message("Sorry we missed you", "We missed you at the webinar; we hope to see you at the next one.", topic="follow_ups"),
    "recording": Message("Recording available", "The hosts published the recording of the webinar.", topic="follow_ups"),
}
TOPIC_LABELS = {"reminders": 'reminders and "we\'re live" emails', "follow_ups": "follow-up and recording emails"}
WITH_RECORDING = {"thanks", "missed", "recording"}


def _zone(*names: str) -> ZoneInfo:
    """The first valid zone among the names (the recipient's, then the organizer's), else UTC."""
    for name in filter(None, names):
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):  # a zone since removed from the tz database
            continue
    return ZoneInfo("UTC")


@dataclass(frozen=True)
class WebinarParts:
    """What a message carries the same for every recipient: worth building once for a whole chunk."""

    recording_url: str
    attachments: tuple[tuple[str, str, str], ...]


def webinar_parts(kind: str, webinar: Webinar) -> WebinarParts:
    """The recording link (a query) and the calendar file of this message about this webinar."""
    message = MESSAGES[kind]
    return WebinarParts(
        recording_url=providers.recording_url(webinar) if kind in WITH_RECORDING else "",
        attachments=(("webinar.ics", webinar_ics(webinar, method=message.calendar), "text/calendar"),) if message.calendar else (),
    )


def render(kind: str, registration: Registration, *, parts: WebinarParts | None = None) -> dict:
    """The keyword arguments of common.mail.send_notification for this message to this registrant.

    `parts`: webinar_parts(kind, registration.webinar) built by the caller, when it sends to many.
    """
    message, webinar, user = MESSAGES[kind], registration.webinar, registration.user
    if parts is None:
        parts = webinar_parts(kind, webinar)
    local = timezone.localtime(webinar.starts_at, _zone(user.timezone, webinar.organizer.timezone))
    context = {
        "name": user.public_name,
        "text": message.text,
        "title": webinar.title,
        "when": f"{local:%A} {local.day} {local:%B %Y, %H:%M %Z}",
        "event_url": event_url(webinar.slug),
        "join_url": join_url(webinar.slug) if message.join else "",
        "recording_url": parts.recording_url,
        "unsubscribe_url": "",
    }
    headers = {}
    if message.topic:
        token = unsubscribe_token(user=user, topic=message.topic)
        context["unsubscribe_url"] = settings.FRONTEND_URL + reverse("unsubscribe", args=[token])
        context["topic"] = TOPIC_LABELS[message.topic]
        # RFC 2369 and RFC 8058: mail clients offer their own unsubscribe button, which POSTs to the link.
        headers = {"List-Unsubscribe": f"<{context['unsubscribe_url']}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return {
        "to": user.email,
        "subject": f"{message.subject}: {webinar.title}",
        "body": render_to_string("registrations/email.txt", context),
        "html": render_to_string("registrations/email.html", context),
        "attachments": list(parts.attachments),
        "headers": headers,
    }
