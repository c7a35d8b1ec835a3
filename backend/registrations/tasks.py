"""Registration emails, sent by the django-tasks worker after the change is committed (docs/notifications.md)."""

import logging

from django.conf import settings
from django.db import transaction
from django_tasks import task

from common.mail import send_notification
from registrations.emails import render, webinar_parts
from registrations.models import Notice, Registration
from registrations.recipients import recipients
from webinars.models import Webinar

logger = logging.getLogger(__name__)


@task()
def send_registration_email(registration_id: int, kind: str) -> None:
    """Tell the registrant what just happened to their registration."""
    registration = Registration.objects.select_related("user", "webinar__organizer").get(pk=registration_id)
    send_notification(**render(kind, registration))


@task()
def fan_out(kind: str, webinar_id: int, key: str) -> int:
    """Split one message's recipients into chunks of NOTIFY_BATCH_SIZE, one send task each; returns how many."""
    webinar = Webinar.objects.filter(pk=webinar_id).first()
    if webinar is None:
        return 0
    ids = list(recipients(kind, webinar, key).values_list("pk", flat=True))
    size = settings.NOTIFY_BATCH_SIZE
    for start in range(0, len(ids), size):
        send_notices.enqueue(kind, webinar_id, key, ids[start : start + size])
    return len(ids)


@task()
def send_notices(kind: str, webinar_id: int, key: str, registration_ids: list[int]) -> int:
    """Send one message to a chunk of registrations, each at most once; the rules are checked again first."""
    webinar = Webinar.objects.select_related("organizer").filter(pk=webinar_id).first()
    if webinar is None:
        return 0
    sent = 0
    # The recording link and the .ics are the same for everyone: built at the first send, then shared.
    # Inside the try, so that a failure there is logged and retried with the next recipient like any
    # failed send; and a chunk whose messages all went out already costs nothing.
    parts = None
    for registration in recipients(kind, webinar, key).filter(pk__in=registration_ids).select_related("user"):
        registration.webinar = webinar
        try:
            with transaction.atomic():
                # The claim: a second worker sending the same message inserts the same row, waits on this
                # transaction (PostgreSQL's unique index; SQLite's write lock), then fails, and skips. A send
                # that raises rolls the claim back, so a later run may try again.
                _, created = Notice.objects.get_or_create(registration=registration, kind=kind, key=key)
                if created:
                    if parts is None:
                        parts = webinar_parts(kind, webinar)
                    send_notification(**render(kind, registration, parts=parts))
                    sent += 1
        except Exception:  # noqa: BLE001 - one bad address must not cost the rest of the chunk their email
            logger.exception("Could not send %s (%s) for registration %s", kind, key, registration.pk)
    return sent
