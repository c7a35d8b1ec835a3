"""Findings 7 (parallel sign-ups), 8 (usernames differing in case) and 9 (refresh-token rotation), raced
for real: threads released together by a barrier, on PostgreSQL, for several rounds."""

import pytest
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from accounts.models import User
from common.testing import run_at_once

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ROUNDS = 10
THREADS = 20
PASSWORD = "correct-horse-battery-staple"


def _sign_up(username, email):
    body = {"username": username, "email": email, "password": PASSWORD}
    return APIClient().post("/api/auth/register/", body, format="json")


@pytest.fixture(autouse=True)
def _no_throttle(monkeypatch):
    """Every thread comes from one address: lift the per-client limits (the dict is shared by every throttle)."""
    for scope in ("auth", "refresh"):
        monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, scope, "100000/min")


def _assert_one_winner(responses, field):
    codes = sorted(response.status_code for response in responses)
    assert codes == [201] + [400] * (THREADS - 1), [r.content for r in responses if r.status_code != 400]
    for response in responses:
        if response.status_code == 400:
            assert list(response.json()["fields"]) == [field]


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_parallel_sign_ups_with_one_username_whatever_its_case_give_one_account(round_):
    # Differently cased names race past the "is it taken?" check; only the database can say no.
    names = [f"Racer{round_}".upper() if i % 2 else f"racer{round_}" for i in range(THREADS)]
    responses, errors = run_at_once([lambda i=i, n=n: _sign_up(n, f"r{round_}-{i}@example.com") for i, n in enumerate(names)])
    assert errors == []
    _assert_one_winner(responses, "username")
    assert User.objects.filter(username__iexact=f"racer{round_}").count() == 1


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_parallel_sign_ups_with_one_email_give_one_account(round_):
    emails = [f"same{round_}@example.com" if i % 2 else f"SAME{round_}@Example.com" for i in range(THREADS)]
    responses, errors = run_at_once([lambda i=i, e=e: _sign_up(f"u{round_}x{i}", e) for i, e in enumerate(emails)])
    assert errors == []
    _assert_one_winner(responses, "email")


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_exactly_one_of_parallel_refreshes_of_one_token_wins(make_user, round_):
    make_user("ada")
    refresh = APIClient().post("/api/auth/token/", {"username": "ada", "password": "a-long-test-password"}, format="json").json()["refresh"]

    def attempt():
        return APIClient().post("/api/auth/token/refresh/", {"refresh": refresh}, format="json")

    responses, errors = run_at_once([attempt for _ in range(THREADS)])
    assert errors == []
    codes = sorted(response.status_code for response in responses)
    assert codes == [200] + [401] * (THREADS - 1)
    assert all(r.json()["code"] == "token_not_valid" for r in responses if r.status_code == 401)
