"""An .ics calendar file for a webinar, for approved registrants."""

from icalendar import Calendar, Event

from common.mail import event_url
from webinars.models import Webinar


def webinar_ics(webinar: Webinar) -> str:
    calendar = Calendar()
    calendar.add("prodid", "-//Stagecall//Webinars//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"webinar-{webinar.pk}@stagecall")
    event.add("summary", webinar.title)
    event.add("dtstart", webinar.starts_at)
    event.add("dtend", webinar.ends_at)
    event.add("dtstamp", webinar.updated_at)
    event.add("url", event_url(webinar.slug))
    event.add("description", f"{webinar.description}\n\nJoin: {event_url(webinar.slug)}".strip())
    calendar.add_component(event)
    return calendar.to_ical().decode()
