"""Simultaneous Go Live clicks: needs PostgreSQL's row locks."""
import threading

import pytest
from django.db import connection

from live.models import LiveSession
from live.services import live_session_start

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_concurrent_starts_create_one_session_and_one_room(make_user, make_webinar):
    co_hosts = [make_user() for _ in range(3)]
    webinar = make_webinar(co_hosts=co_hosts)
    hosts = [webinar.organizer, *co_hosts] * 3
    barrier = threading.Barrier(len(hosts))
    results, errors = [], []

    def start(host):
        try:
            barrier.wait()
            results.append(live_session_start(webinar=webinar, by=host))
        except Exception as error:  # noqa: BLE001 - asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=start, args=(h,)) for h in hosts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert LiveSession.objects.count() == 1
    assert len({session.room for session, _ in results}) == 1
    assert sum(created for _, created in results) == 1
