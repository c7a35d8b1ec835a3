import pytest
from django.conf import settings

from accounts.models import User

pytestmark = pytest.mark.django_db

SIGN_UP = "/api/auth/register/"
TOKEN = "/api/auth/token/"
REFRESH = "/api/auth/token/refresh/"
LOGOUT = "/api/auth/logout/"
ME = "/api/auth/me/"
PASSWORD = "correct-horse-battery-staple"


def sign_up(api, **overrides):
    body = {"username": "ada", "email": "ada@example.com", "password": PASSWORD, "display_name": "Ada L."} | overrides
    return api.post(SIGN_UP, body, format="json")


def test_sign_up_creates_an_account_without_echoing_the_password(api):
    response = sign_up(api)
    assert response.status_code == 201
    assert response.json() == {
        "id": response.json()["id"],
        "username": "ada",
        "email": "ada@example.com",
        "display_name": "Ada L.",
        "avatar_url": "",
        "is_staff": False,
        "timezone": "",
        "email_reminders": True,
        "email_follow_ups": True,
    }
    assert User.objects.get(username="ada").check_password(PASSWORD)


def test_sign_up_refuses_a_weak_password_naming_the_field(api):
    response = sign_up(api, password="12345678")
    assert response.status_code == 400
    assert response.json()["code"] == "weak_password"
    assert "password" in response.json()["fields"]
    assert not User.objects.exists()


@pytest.mark.parametrize("field, value", [("username", "ADA"), ("email", "ADA@example.com")])
def test_sign_up_refuses_a_taken_username_or_email_whatever_its_case(api, field, value):
    assert sign_up(api).status_code == 201
    other = {"username": "grace", "email": "grace@example.com"} | {field: value}
    response = sign_up(api, **other)
    assert response.status_code == 400
    assert list(response.json()["fields"]) == [field]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"username": "bad name!", "email": "x@example.com", "password": PASSWORD}, "username"),
        ({"username": "x", "email": "not-an-email", "password": PASSWORD}, "email"),
        ({"username": "x", "email": "x@example.com"}, "password"),
    ],
)
def test_sign_up_names_the_field_at_fault(api, body, field):
    response = api.post(SIGN_UP, body, format="json")
    assert response.status_code == 400
    assert field in response.json()["fields"]


def test_login_returns_both_tokens_and_sets_an_httponly_refresh_cookie(api):
    sign_up(api)
    response = api.post(TOKEN, {"username": "ada", "password": PASSWORD}, format="json")
    assert response.status_code == 200
    assert set(response.json()) == {"access", "refresh"}
    cookie = response.cookies[settings.REFRESH_COOKIE_NAME]
    assert cookie.value == response.json()["refresh"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/api/auth/"


def test_login_with_a_wrong_password_is_401_in_the_error_shape(api):
    sign_up(api)
    response = api.post(TOKEN, {"username": "ada", "password": "wrong"}, format="json")
    assert response.status_code == 401
    assert set(response.json()) == {"code", "detail"}


def test_refresh_works_from_the_cookie_and_rotates_the_token(api):
    sign_up(api)
    first = api.post(TOKEN, {"username": "ada", "password": PASSWORD}, format="json").json()
    response = api.post(REFRESH, {}, format="json")
    assert response.status_code == 200
    assert response.json()["refresh"] != first["refresh"]
    # The rotated-out token is blacklisted: using it again fails.
    again = api.post(REFRESH, {"refresh": first["refresh"]}, format="json")
    assert again.status_code == 401


def test_refresh_without_any_token_is_401(api):
    response = api.post(REFRESH, {}, format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_logout_blacklists_the_refresh_token_and_clears_the_cookie(api):
    sign_up(api)
    tokens = api.post(TOKEN, {"username": "ada", "password": PASSWORD}, format="json").json()
    response = api.post(LOGOUT, {}, format="json")
    assert response.status_code == 204
    assert response.cookies[settings.REFRESH_COOKIE_NAME].value == ""
    assert api.post(REFRESH, {"refresh": tokens["refresh"]}, format="json").status_code == 401


def test_me_needs_a_token(api):
    assert api.get(ME).status_code == 401


def test_me_with_a_bearer_token(api):
    sign_up(api)
    access = api.post(TOKEN, {"username": "ada", "password": PASSWORD}, format="json").json()["access"]
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    assert api.get(ME).json()["username"] == "ada"


def test_me_patch_changes_the_profile_but_not_the_username(api, make_user):
    user = make_user("ada")
    response = api.as_(user).patch(ME, {"display_name": "Ada", "avatar_url": "https://example.com/a.png", "username": "eve"}, format="json")
    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.username, user.display_name, user.avatar_url) == ("ada", "Ada", "https://example.com/a.png")


@pytest.mark.parametrize("body, field", [({"email": "nope"}, "email"), ({"avatar_url": "javascript:alert(1)"}, "avatar_url")])
def test_me_patch_refuses_bad_values(api, make_user, body, field):
    response = api.as_(make_user()).patch(ME, body, format="json")
    assert response.status_code == 400
    assert field in response.json()["fields"]


def test_me_patch_refuses_an_email_someone_else_has(api, make_user):
    make_user("grace", email="grace@example.com")
    response = api.as_(make_user()).patch(ME, {"email": "Grace@Example.com"}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "email_taken"


def test_malformed_json_is_a_400_parse_error(api):
    response = api.generic("POST", SIGN_UP, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_an_invalid_bearer_token_is_401_in_the_error_shape(api):
    api.credentials(HTTP_AUTHORIZATION="Bearer not.a.token")
    response = api.get(ME)
    assert response.status_code == 401
    assert response.json() == {"code": "token_not_valid", "detail": "Given token not valid for any token type"}


class TestUserLookup:
    URL = "/api/auth/users/lookup/"

    def test_finds_one_person_by_exact_username_whatever_its_case(self, api, make_user):
        grace = make_user("grace", display_name="Grace Hopper")
        response = api.as_(make_user()).get(self.URL, {"username": "GRACE"})
        assert response.status_code == 200
        assert response.json() == {"id": grace.pk, "username": "grace", "display_name": "Grace Hopper"}

    def test_partial_names_and_inactive_accounts_are_not_found(self, api, make_user):
        make_user("grace")
        make_user("gone", is_active=False)
        client = api.as_(make_user())
        assert client.get(self.URL, {"username": "gra"}).status_code == 404
        assert client.get(self.URL, {"username": "gone"}).status_code == 404

    def test_needs_a_username_and_a_signed_in_caller(self, api, make_user):
        response = api.as_(make_user()).get(self.URL)
        assert response.status_code == 400 and list(response.json()["fields"]) == ["username"]
        assert api.as_(None).get(self.URL, {"username": "x"}).status_code == 401

    def test_it_is_rate_limited(self, api, make_user, monkeypatch):
        from rest_framework.throttling import ScopedRateThrottle

        monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "lookup", "2/min")
        client = api.as_(make_user())
        codes = [client.get(self.URL, {"username": "nobody"}).status_code for _ in range(3)]
        assert codes == [404, 404, 429]
