"""Simultaneous Go Live clicks: needs PostgreSQL's row locks."""

import pytest

from common.testing import run_at_once
from live.models import LiveSession
from live.services import live_session_start

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_concurrent_starts_create_one_session_and_one_room(make_user, make_webinar):
    co_hosts = [make_user() for _ in range(3)]
    webinar = make_webinar(co_hosts=co_hosts)
    hosts = [webinar.organizer, *co_hosts] * 3
    results, errors = run_at_once([lambda h=h: live_session_start(webinar=webinar, by=h) for h in hosts])
    assert errors == []
    assert LiveSession.objects.count() == 1
    assert len({session.room for session, _ in results}) == 1
    assert sum(created for _, created in results) == 1
