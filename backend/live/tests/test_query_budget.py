"""Query budgets of the Go-Live rush: join, status, register and every list, flat as the data grows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework_simplejwt.tokens import AccessToken

from live.models import AttendanceInterval
from live.services import live_session_join, live_session_start
from registrations.models import Registration
from webinars.cache import public_status_key, public_status_near

pytestmark = pytest.mark.django_db


def _bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {AccessToken.for_user(user)}"}


def _statements(captured) -> list[str]:
    # The test's own transaction turns each service's atomic() into SAVEPOINT/RELEASE; in production
    # it is BEGIN/COMMIT, which Django does not log as queries either.
    return [q["sql"] for q in captured.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]


def _queries(client, method, path, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, **headers)
    return response, _statements(captured)


def _crowd(webinar, make_user, n):
    people = [make_user() for _ in range(n)]
    Registration.objects.bulk_create([Registration(webinar=webinar, user=u, status="approved") for u in people])
    return people


@pytest.mark.parametrize("crowd", [1, 30])
def test_a_join_costs_two_queries_however_many_registered(client, live_world, make_user, crowd):
    """The shared lock with everything the decision needs (the caller's row included), the interval upsert."""
    webinar = live_world["webinar"]
    people = _crowd(webinar, make_user, crowd)
    live_world["to_state"]("live")
    response, queries = _queries(client, "post", f"/api/webinars/{webinar.pk}/live/join/", **_bearer(people[-1]))
    assert response.status_code == 200
    assert len(queries) == 2, queries
    rejoin, queries = _queries(client, "post", f"/api/webinars/{webinar.pk}/live/join/", **_bearer(people[-1]))
    assert rejoin.status_code == 200 and len(queries) == 2, queries
    assert AttendanceInterval.objects.filter(user=people[-1], left_at__isnull=True).count() == 1


def test_joins_do_not_retire_the_public_status_and_polls_recompute_at_most_once_per_refresh(client, live_world, make_user):
    webinar = live_world["webinar"]
    people = _crowd(webinar, make_user, 100)
    live_world["to_state"]("live")
    status_path = f"/api/webinars/by-slug/{webinar.slug}/status/"
    assert client.get(status_path).json()["participant_count"] == 0
    with CaptureQueriesContext(connection) as polls_and_joins:
        poll_queries = 0
        for person in people:
            assert client.post(f"/api/webinars/{webinar.pk}/live/join/", **_bearer(person)).status_code == 200
            before = len(polls_and_joins.captured_queries)
            assert client.get(status_path).status_code == 200
            poll_queries += len(polls_and_joins.captured_queries) - before
    assert poll_queries == 0  # within one refresh interval: every poll answered from the cache
    # What the refresh interval's expiry does, in Redis and in this process's near copy:
    cache.delete(public_status_key(webinar.pk))
    public_status_near.clear()
    assert client.get(status_path).json()["participant_count"] == 100


def test_the_status_poll_reads_no_database_when_cached(client, live_world):
    webinar = live_world["webinar"]
    live_world["to_state"]("live")
    client.get(f"/api/webinars/by-slug/{webinar.slug}/status/")
    response, queries = _queries(client, "get", f"/api/webinars/by-slug/{webinar.slug}/status/")
    assert response.status_code == 200 and queries == []
    etag = response["ETag"]
    response, queries = _queries(client, "get", f"/api/webinars/by-slug/{webinar.slug}/status/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and queries == []


@pytest.mark.parametrize("crowd", [1, 30])
def test_a_registration_costs_a_fixed_number_of_queries(client, make_user, make_webinar, crowd, django_capture_on_commit_callbacks):
    webinar = make_webinar(capacity=1000)
    _crowd(webinar, make_user, crowd)
    newcomer = make_user()
    response, queries = _queries(client, "post", f"/api/webinars/{webinar.pk}/register/", **_bearer(newcomer))
    assert response.status_code == 201
    assert len(queries) <= 7, queries


@pytest.mark.parametrize(
    "path",
    [
        "/api/webinars/",
        "/api/webinars/?status=scheduled",
        "/api/auth/me/registrations/",
        "/api/webinars/{pk}/registrations/",
        "/api/webinars/{pk}/live/participants/",
        "/api/webinars/{pk}/attendance/",
    ],
)
def test_list_endpoints_cost_the_same_for_3_rows_and_for_30(client, make_user, make_webinar, path):
    host = make_user()
    counts = []
    for rows in (3, 30):
        webinars = [make_webinar(organizer=host, co_hosts=[make_user()]) for _ in range(rows)]
        target = webinars[0]
        people = _crowd(target, make_user, rows)
        for webinar in webinars[1:]:
            Registration.objects.create(webinar=webinar, user=people[0], status="approved")
        live_session_start(webinar=target, by=host)
        for person in people:
            live_session_join(webinar_id=target.pk, user=person)
        caller = people[0] if "/me/" in path else host
        response, queries = _queries(client, "get", path.format(pk=target.pk), **_bearer(caller))
        assert response.status_code == 200, response.content
        counts.append(len(queries))
        AttendanceInterval.objects.all().delete()
    assert counts[0] == counts[1], counts
