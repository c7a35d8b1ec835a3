"""Fixtures shared by every app's tests."""

import itertools
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from webinars.models import Webinar

_counter = itertools.count(1)


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache_backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return f"stagecall: database={engine}, cache={cache_backend}"


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests are skipped on SQLite, and the run says so."""
    from django.conf import settings

    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL row locking: run with DATABASE_URL=postgres://… (make test-postgres)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _clear_cache():
    from webinars.cache import public_status_near

    cache.clear()
    public_status_near.clear()
    yield
    cache.clear()
    public_status_near.clear()


@pytest.fixture
def make_user(db):
    def make(username: str | None = None, **fields) -> User:
        n = next(_counter)
        username = username or f"user{n}"
        fields.setdefault("email", f"{username}@example.com")
        fields.setdefault("display_name", username.title())
        user = User.objects.create(username=username, **fields)
        user.set_password("a-long-test-password")
        user.save(update_fields=["password"])
        return user

    return make


@pytest.fixture
def make_webinar(db, make_user):
    def make(
        *, organizer: User | None = None, co_hosts=(), status=Webinar.Status.SCHEDULED, starts_in=timedelta(days=1), **fields
    ) -> Webinar:
        starts_at = timezone.now() + starts_in
        fields.setdefault("title", "A webinar")
        fields.setdefault("ends_at", starts_at + timedelta(hours=1))
        webinar = Webinar.objects.create(organizer=organizer or make_user(), status=status, starts_at=starts_at, **fields)
        webinar.co_hosts.set(co_hosts)
        return webinar

    return make


@pytest.fixture
def api():
    """An API client; `api.as_(user)` signs in (None signs out)."""
    client = APIClient()

    def as_(user):
        client.force_authenticate(user)
        return client

    client.as_ = as_
    return client


@pytest.fixture
def is_postgres():
    return connection.vendor == "postgresql"
