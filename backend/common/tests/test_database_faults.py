"""Finding 6: a database that is down, slow or hung answers 503 in the error shape, quickly, instead of
holding a worker until gunicorn kills it (and the client gets gunicorn's HTML 500)."""

import copy
import socket
import time

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db
UNAVAILABLE = {"code": "database_unavailable", "detail": "The database is unavailable. Try again in a moment."}


def _broken(*args, **kwargs):
    raise OperationalError("could not connect to server: Connection refused")


def test_an_api_call_answers_503_when_the_database_is_unavailable(api, make_user, monkeypatch):
    monkeypatch.setattr("accounts.api.user_by_username", _broken)
    response = api.as_(make_user()).get("/api/auth/users/lookup/", {"username": "anyone"})
    assert response.status_code == 503
    assert response.json() == UNAVAILABLE
    assert int(response["Retry-After"]) > 0


def test_the_health_check_answers_503_when_the_database_is_unavailable(api, monkeypatch):
    class Down:
        def cursor(self):
            raise OperationalError("the database system is starting up")

    monkeypatch.setattr("common.views.connection", Down())
    response = api.get("/api/health/")
    assert response.status_code == 503
    assert response.json() == UNAVAILABLE


@pytest.mark.postgres
def test_postgresql_connections_carry_the_configured_timeouts(settings):
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["connect_timeout"] == settings.DATABASE_CONNECT_TIMEOUT
    with connection.cursor() as cursor:
        cursor.execute("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'")  # in ms
        assert int(cursor.fetchone()[0]) == settings.DATABASE_STATEMENT_TIMEOUT_MS > 0


@pytest.mark.postgres
def test_a_query_past_the_statement_timeout_answers_503(api, make_user, monkeypatch):
    def slow(username):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 200")  # the configured one, shortened for the test
            cursor.execute("SELECT pg_sleep(5)")

    monkeypatch.setattr("accounts.api.user_by_username", slow)
    client = api.as_(make_user())
    started = time.monotonic()
    response = client.get("/api/auth/users/lookup/", {"username": "anyone"})
    assert response.status_code == 503, response.content
    assert time.monotonic() - started < 3


@pytest.mark.postgres
def test_a_database_that_accepts_but_never_answers_fails_within_the_connect_timeout(settings):
    from django.db.backends.postgresql.base import DatabaseWrapper

    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(16)  # the handshake completes; the server never says a word
    try:
        params = copy.deepcopy(connection.settings_dict) | {"HOST": "127.0.0.1", "PORT": hung.getsockname()[1], "CONN_MAX_AGE": 0}
        wrapper = DatabaseWrapper(params, alias="hung")
        started = time.monotonic()
        with pytest.raises(OperationalError):
            wrapper.ensure_connection()
        assert time.monotonic() - started < settings.DATABASE_CONNECT_TIMEOUT + 2
    finally:
        hung.close()
