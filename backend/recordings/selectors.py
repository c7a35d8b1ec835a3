"""Reads of recordings, scoped to the caller: hosts see every one, approved registrants the published ones."""

from django.db.models import QuerySet

from common.errors import Missing
from common.mail import event_url
from recordings.models import Recording
from registrations.selectors import has_seat
from webinars.models import Webinar
from webinars.selectors import reachable_webinar


def recordings_for(*, webinar: Webinar, user) -> QuerySet[Recording]:
    """Hosts: every recording of the webinar. Approved registrants: published, ready ones. Anyone else: 404."""
    # The serializer's download link reads recording.session.webinar_id: one join, not a query per row.
    recordings = Recording.objects.filter(session__webinar=webinar).select_related("session")
    if webinar.is_host(user):
        return recordings
    if not (user.is_authenticated and has_seat(webinar_id=webinar.pk, user_id=user.pk)):
        raise Missing()  # a registrant-to-be and a stranger learn nothing, not even that recordings exist
    return recordings.filter(published=True, status=Recording.Status.READY)


def visible_recording(*, user, webinar_pk: int, recording_pk: int) -> tuple[Webinar, Recording]:
    """The webinar and one of its recordings the caller may see, else 404."""
    webinar = reachable_webinar(user, webinar_pk)
    recording = recordings_for(webinar=webinar, user=user).filter(pk=recording_pk).first()
    if recording is None:
        raise Missing()
    return webinar, recording


def recording_url(webinar: Webinar) -> str:
    """The webinar's event page once it has a published, ready recording, else "" (registrations.providers).

    The link is the event page, not the file: each viewer gets a signed link of their own there.
    """
    published = Recording.objects.filter(session__webinar_id=webinar.pk, published=True, status=Recording.Status.READY)
    return event_url(webinar.slug) if published.exists() else ""
