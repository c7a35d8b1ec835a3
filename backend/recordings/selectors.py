"""Reads of recordings, scoped to the caller: hosts see every one, approved registrants the published ones."""

from django.db.models import QuerySet

from common.errors import Missing
from recordings.models import Recording
from registrations.models import Registration
from webinars.models import Webinar
from webinars.selectors import reachable_webinar


def recordings_for(*, webinar: Webinar, user) -> QuerySet[Recording]:
    """Hosts: every recording of the webinar. Approved registrants: published, ready ones. Anyone else: 404."""
    recordings = Recording.objects.filter(session__webinar=webinar)
    if webinar.is_host(user):
        return recordings
    approved = (
        user.is_authenticated and Registration.objects.filter(webinar=webinar, user=user, status=Registration.Status.APPROVED).exists()
    )
    if not approved:
        raise Missing()  # a registrant-to-be and a stranger learn nothing, not even that recordings exist
    return recordings.filter(published=True, status=Recording.Status.READY)


def visible_recording(*, user, webinar_pk: int, recording_pk: int) -> tuple[Webinar, Recording]:
    """The webinar and one of its recordings the caller may see, else 404."""
    webinar = reachable_webinar(user, webinar_pk)
    recording = recordings_for(webinar=webinar, user=user).filter(pk=recording_pk).first()
    if recording is None:
        raise Missing()
    return webinar, recording
