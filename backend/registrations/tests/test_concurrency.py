"""Capacity under real concurrency: needs PostgreSQL, whose row locks SQLite does not have."""

import pytest

from common.testing import run_at_once
from registrations.models import Registration
from registrations.services import registration_cancel, registration_create

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
THREADS = 50
CAPACITY = 10


def test_fifty_simultaneous_registrations_never_overbook(make_user, make_webinar):
    webinar = make_webinar(capacity=CAPACITY)
    users = [make_user() for _ in range(THREADS)]
    _, errors = run_at_once([lambda u=u: registration_create(webinar=webinar, user=u) for u in users])
    assert errors == []
    statuses = list(Registration.objects.filter(webinar=webinar).values_list("status", flat=True))
    assert len(statuses) == THREADS  # none lost
    assert statuses.count("approved") == CAPACITY
    assert statuses.count("waitlisted") == THREADS - CAPACITY

    holder = Registration.objects.filter(webinar=webinar, status="approved").first().user
    registration_cancel(webinar=webinar, user=holder)
    assert Registration.objects.filter(webinar=webinar, status="approved").count() == CAPACITY
    assert Registration.objects.filter(webinar=webinar, status="waitlisted").count() == THREADS - CAPACITY - 1


def test_simultaneous_cancellations_promote_exactly_one_each(make_user, make_webinar):
    webinar = make_webinar(capacity=CAPACITY)
    users = [make_user() for _ in range(CAPACITY + 10)]
    for user in users:
        registration_create(webinar=webinar, user=user)
    leaving = users[:5]
    _, errors = run_at_once([lambda u=u: registration_cancel(webinar=webinar, user=u) for u in leaving])
    assert errors == []
    assert Registration.objects.filter(webinar=webinar, status="approved").count() == CAPACITY
    assert Registration.objects.filter(webinar=webinar, status="waitlisted").count() == 5


def test_the_same_user_registering_twice_at_once_gets_one_row(make_user, make_webinar):
    webinar, user = make_webinar(capacity=CAPACITY), make_user()
    _, errors = run_at_once([lambda: registration_create(webinar=webinar, user=user) for _ in range(5)])
    assert Registration.objects.filter(webinar=webinar, user=user).count() == 1
    assert len(errors) == 4 and all(getattr(e, "code", "") == "already_registered" for e in errors)
