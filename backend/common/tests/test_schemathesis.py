"""Schemathesis, with all its checks and every phase, finds the API and its OpenAPI schema in agreement.

Run against a live test server as three roles (anonymous, an organizer, an attendee), each with
data to act on. The examples per operation are bounded to keep CI short; `make security-report`
runs the long version (common/schemathesis_run.py, docs/security.md).
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from rest_framework.throttling import SimpleRateThrottle
from rest_framework_simplejwt.tokens import AccessToken

from common.schemathesis_run import run_schemathesis
from common.throttling import CountingRateThrottle
from registrations.models import Registration
from webinars.models import Webinar

# Bounded for CI; `make security-report` raises it, draws a fresh seed and keeps the reports.
MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "4"))
SEED = int(os.environ.get("SCHEMATHESIS_SEED", "20261125"))
REPORT_DIR = os.environ.get("SCHEMATHESIS_REPORT_DIR")

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def unthrottled(monkeypatch):
    """Throttles are tested in their own suites; here every generated case must reach its view."""
    for throttle in (SimpleRateThrottle, CountingRateThrottle):
        monkeypatch.setattr(throttle, "allow_request", lambda self, request, view: True)


@pytest.fixture
def cast(make_user, make_webinar):
    """An organizer with webinars in several states, and an attendee registered to one of them."""
    organizer, attendee = make_user("st-organizer"), make_user("st-attendee")
    scheduled = make_webinar(organizer=organizer, title="Scheduled")
    make_webinar(organizer=organizer, title="Draft", status=Webinar.Status.DRAFT)
    make_webinar(organizer=organizer, title="Soon", starts_in=timedelta(minutes=5), capacity=1)
    Registration.objects.create(webinar=scheduled, user=attendee, status=Registration.Status.APPROVED)
    return {"anonymous": None, "organizer": organizer, "attendee": attendee}


def _token(user) -> str | None:
    if user is None:
        return None
    token = AccessToken.for_user(user)
    token.set_exp(from_time=timezone.now(), lifetime=timedelta(hours=2))
    return str(token)


@pytest.mark.parametrize("role", ["anonymous", "organizer", "attendee"])
def test_schemathesis_finds_no_failure(role, live_server, cast, unthrottled, tmp_path):
    outcome = run_schemathesis(
        base_url=live_server.url,
        role=role,
        token=_token(cast[role]),
        max_examples=MAX_EXAMPLES,
        report_dir=Path(REPORT_DIR) if REPORT_DIR else tmp_path,
        seed=SEED,
    )
    assert outcome.operations > 0 and outcome.cases > 0, outcome.output[-3000:]
    assert outcome.failures == [], outcome.output[-6000:]
    assert outcome.exit_code == 0, outcome.output[-3000:]
