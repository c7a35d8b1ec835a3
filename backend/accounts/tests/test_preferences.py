"""Email preferences on /me, the time zone, and the one-click unsubscribe link."""

import pytest
from django.core import signing

from accounts.models import User
from accounts.services import _UNSUBSCRIBE_SALT, unsubscribe_token

pytestmark = pytest.mark.django_db
ME = "/api/auth/me/"


def unsubscribe_url(token):
    return f"/api/auth/unsubscribe/{token}/"


def test_me_shows_and_changes_the_preferences_and_time_zone(api, make_user):
    user = make_user()
    assert {k: api.as_(user).get(ME).json()[k] for k in ("timezone", "email_reminders", "email_follow_ups")} == {
        "timezone": "",
        "email_reminders": True,
        "email_follow_ups": True,
    }
    response = api.as_(user).patch(ME, {"timezone": "Europe/Paris", "email_reminders": False}, format="json")
    assert response.status_code == 200
    assert (response.json()["timezone"], response.json()["email_reminders"], response.json()["email_follow_ups"]) == (
        "Europe/Paris",
        False,
        True,
    )
    assert api.as_(user).patch(ME, {"timezone": ""}, format="json").json()["timezone"] == ""  # back to the organizer's


@pytest.mark.parametrize(
    "body, field",
    [
        ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"timezone": "../../etc/passwd"}, "timezone"),
        ({"timezone": "x" * 65}, "timezone"),
        ({"timezone": 5}, "timezone"),
        ({"email_reminders": "sometimes"}, "email_reminders"),
        ({"email_follow_ups": None}, "email_follow_ups"),
    ],
)
def test_bad_preferences_are_400_naming_the_field(api, make_user, body, field):
    user = make_user()
    response = api.as_(user).patch(ME, body, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "validation_error" and field in response.json()["fields"]
    user.refresh_from_db()
    assert (user.timezone, user.email_reminders, user.email_follow_ups) == ("", True, True)


def test_the_link_asks_first_then_unsubscribes_without_a_login(api, make_user):
    user = make_user()
    token = unsubscribe_token(user=user, topic="reminders")
    page = api.get(unsubscribe_url(token))
    assert page.status_code == 200 and "<form" in page.content.decode()
    assert User.objects.get(pk=user.pk).email_reminders is True  # link scanners open links: GET changes nothing

    # RFC 8058's one-click POST, as a mail client sends it.
    done = api.generic("POST", unsubscribe_url(token), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert done.status_code == 200 and "unsubscribed" in done.content.decode()
    user.refresh_from_db()
    assert (user.email_reminders, user.email_follow_ups) == (False, True)
    assert api.post(unsubscribe_url(token)).status_code == 200  # again: still fine


def test_follow_ups_have_their_own_link(api, make_user):
    user = make_user()
    api.post(unsubscribe_url(unsubscribe_token(user=user, topic="follow_ups")))
    user.refresh_from_db()
    assert (user.email_reminders, user.email_follow_ups) == (True, False)


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_or_mangled_link_is_400_naming_the_token(api, make_user, method):
    user = make_user()
    good = unsubscribe_token(user=user, topic="reminders")
    unknown_topic = signing.dumps([user.pk, "is_staff"], salt=_UNSUBSCRIBE_SALT)
    for token in [good[:-2] + "xx", "nonsense", good.replace(":", "-", 1), unknown_topic]:
        response = getattr(api, method)(unsubscribe_url(token))
        assert response.status_code == 400
        assert response.json()["code"] == "bad_token" and "token" in response.json()["fields"]
    user.refresh_from_db()
    assert user.email_reminders is True


def test_a_link_for_a_deleted_account_is_400(api, make_user):
    user = make_user()
    token = unsubscribe_token(user=user, topic="reminders")
    user.delete()
    assert api.post(unsubscribe_url(token)).status_code == 400
