"""An .ics calendar file for a webinar: one UID per webinar, its SEQUENCE raised by every change."""

from email.utils import parseaddr

from django.conf import settings
from icalendar import Calendar, Event

from common.mail import event_url
from webinars.models import Webinar


def webinar_ics(webinar: Webinar, *, method: str = "PUBLISH") -> str:
    """PUBLISH for the current version (same UID, higher SEQUENCE: calendars move the event); CANCEL drops it."""
    calendar = Calendar()
    calendar.add("prodid", "-//Stagecall//Webinars//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", f"webinar-{webinar.pk}@stagecall")
    event.add("sequence", webinar.sequence)
    event.add("summary", webinar.title)
    event.add("dtstart", webinar.starts_at)
    event.add("dtend", webinar.ends_at)
    event.add("dtstamp", webinar.updated_at)
    event.add("organizer", f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("url", event_url(webinar.slug))
    event.add("description", f"{webinar.description}\n\nJoin: {event_url(webinar.slug)}".strip())
    calendar.add_component(event)
    return calendar.to_ical().decode()
