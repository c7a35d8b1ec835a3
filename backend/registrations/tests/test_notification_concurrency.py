"""No message goes twice, even with two workers at once: needs PostgreSQL, whose row locks SQLite does not have."""

from datetime import timedelta

import pytest
from django.core import mail

from common.testing import run_at_once
from registrations import tasks
from registrations.models import Notice, Registration
from registrations.notifications import reminders_send_due
from registrations.recipients import reminder_key

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
PEOPLE = 20


@pytest.fixture
def webinar_with_registrants(make_user, make_webinar):
    webinar = make_webinar(starts_in=timedelta(days=2))
    for _ in range(PEOPLE):
        Registration.objects.create(webinar=webinar, user=make_user(), status="approved", created_at=webinar.starts_at - timedelta(days=2))
    return webinar


def test_two_reminder_scans_at_once_remind_everyone_once(webinar_with_registrants):
    webinar = webinar_with_registrants
    now = webinar.starts_at - timedelta(minutes=10)
    results, errors = run_at_once([lambda: reminders_send_due(now=now) for _ in range(2)])
    assert errors == []
    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == PEOPLE and len(set(recipients)) == PEOPLE
    assert Notice.objects.filter(kind="reminder").count() == PEOPLE


def test_two_workers_sending_the_same_chunk_send_each_email_once(webinar_with_registrants):
    webinar = webinar_with_registrants
    key = reminder_key(15, webinar.starts_at)
    ids = list(webinar.registrations.values_list("pk", flat=True))
    results, errors = run_at_once([lambda: tasks.send_notices.call("reminder", webinar.pk, key, ids) for _ in range(4)])
    assert errors == []
    assert sum(results) == PEOPLE  # the four workers together sent each one once
    assert sorted(m.to[0] for m in mail.outbox) == sorted(set(m.to[0] for m in mail.outbox))
    assert len(mail.outbox) == PEOPLE
