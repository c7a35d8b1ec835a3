"""Finding 4: nobody becomes a co-host without saying yes, and adding one exposes no account.

Hosts invite by exact username (the lookup's rules and rate bucket); the invitee accepts or declines;
a co-host may leave; a webinar has at most MAX_CO_HOSTS co-hosts and pending invitations together.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.throttling import SimpleRateThrottle

from webinars.models import Webinar
from webinars.services import MAX_CO_HOSTS

pytestmark = pytest.mark.django_db
MINE = "/api/auth/me/co-host-invitations/"


def invite_url(webinar):
    return f"/api/webinars/{webinar.pk}/co-hosts/invite/"


def hosted_ids(api, user):
    return [w["id"] for w in api.as_(user).get("/api/webinars/", {"role": "host"}).json()["results"]]


def new_body(**overrides):
    starts = timezone.now() + timedelta(days=3)
    return {"title": "New", "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=1)).isoformat()} | overrides


class TestNoCoHostsById:
    def test_a_new_webinar_cannot_name_co_hosts_by_id(self, api, make_user):
        organizer, victim = make_user(), make_user("victim", display_name="Secret Name")
        response = api.as_(organizer).post("/api/webinars/", new_body(co_hosts=[victim.pk]), format="json")
        assert response.status_code == 400, response.content
        assert list(response.json()["fields"]) == ["co_hosts"]
        assert "Secret Name" not in response.content.decode() and "victim" not in response.content.decode()
        assert not Webinar.objects.exists()
        assert hosted_ids(api, victim) == []

    def test_an_edit_cannot_add_a_co_host_by_id(self, api, make_user, make_webinar):
        webinar, victim = make_webinar(), make_user("victim")
        response = api.as_(webinar.organizer).patch(f"/api/webinars/{webinar.pk}/", {"co_hosts": [victim.pk]}, format="json")
        assert response.status_code == 400, response.content
        assert list(response.json()["fields"]) == ["co_hosts"]
        assert list(webinar.co_hosts.all()) == []
        assert hosted_ids(api, victim) == []

    def test_an_unknown_id_and_a_real_one_get_the_same_answer(self, api, make_user, make_webinar):
        webinar, someone = make_webinar(), make_user()
        client = api.as_(webinar.organizer)
        real = client.patch(f"/api/webinars/{webinar.pk}/", {"co_hosts": [someone.pk]}, format="json").json()
        unknown = client.patch(f"/api/webinars/{webinar.pk}/", {"co_hosts": [999_999]}, format="json").json()
        assert real == unknown

    def test_hosts_still_remove_co_hosts_by_listing_the_ones_who_stay(self, api, make_user, make_webinar):
        stays, goes = make_user(), make_user()
        webinar = make_webinar(co_hosts=[stays, goes])
        response = api.as_(webinar.organizer).patch(f"/api/webinars/{webinar.pk}/", {"co_hosts": [stays.pk]}, format="json")
        assert response.status_code == 200, response.content
        assert response.json()["co_hosts"] == [stays.pk]


class TestInvitations:
    def test_an_invitee_is_not_a_host_until_they_accept(self, api, make_user, make_webinar):
        webinar, grace = make_webinar(), make_user("grace", display_name="Grace")
        response = api.as_(webinar.organizer).post(invite_url(webinar), {"username": "GRACE"}, format="json")
        assert response.status_code == 201, response.content
        invitation = response.json()
        assert invitation["user"] == {"id": grace.pk, "username": "grace", "display_name": "Grace"}
        assert hosted_ids(api, grace) == []
        assert api.as_(grace).patch(f"/api/webinars/{webinar.pk}/", {"title": "x"}, format="json").status_code == 403
        # The hosts see who is invited; nobody else does.
        host_view = api.as_(webinar.organizer).get(f"/api/webinars/{webinar.pk}/").json()
        assert [i["user"]["username"] for i in host_view["co_host_invitations"]] == ["grace"]
        assert api.as_(make_user()).get(f"/api/webinars/{webinar.pk}/").json()["co_host_invitations"] == []

        mine = api.as_(grace).get(MINE).json()["results"]
        assert [(i["id"], i["webinar"], i["webinar_title"]) for i in mine] == [(invitation["id"], webinar.pk, webinar.title)]
        accepted = api.as_(grace).post(f"/api/co-host-invitations/{invitation['id']}/accept/")
        assert accepted.status_code == 200, accepted.content
        assert accepted.json()["is_host"] is True and grace.pk in accepted.json()["co_hosts"]
        assert hosted_ids(api, grace) == [webinar.pk]
        assert api.as_(grace).get(MINE).json()["results"] == []
        assert api.as_(grace).post(f"/api/co-host-invitations/{invitation['id']}/accept/").status_code == 404  # used up

    def test_a_declined_invitation_leaves_no_trace(self, api, make_user, make_webinar):
        webinar, grace = make_webinar(), make_user("grace")
        invitation = api.as_(webinar.organizer).post(invite_url(webinar), {"username": "grace"}, format="json").json()
        assert api.as_(grace).post(f"/api/co-host-invitations/{invitation['id']}/decline/").status_code == 204
        assert hosted_ids(api, grace) == [] and list(webinar.co_hosts.all()) == []
        assert api.as_(grace).get(MINE).json()["results"] == []

    def test_only_the_invitee_answers_and_only_hosts_withdraw(self, api, make_user, make_webinar):
        webinar, grace, mallory = make_webinar(), make_user("grace"), make_user("mallory")
        invitation = api.as_(webinar.organizer).post(invite_url(webinar), {"username": "grace"}, format="json").json()
        for action in ("accept/", "decline/"):
            assert api.as_(mallory).post(f"/api/co-host-invitations/{invitation['id']}/{action}").status_code == 404
        assert api.as_(mallory).delete(f"/api/co-host-invitations/{invitation['id']}/").status_code == 404
        assert api.as_(webinar.organizer).delete(f"/api/co-host-invitations/{invitation['id']}/").status_code == 204
        assert api.as_(grace).post(f"/api/co-host-invitations/{invitation['id']}/accept/").status_code == 404

    @pytest.mark.parametrize(
        "username, status, code",
        [("nobody", 400, "unknown_user"), ("gone", 400, "unknown_user"), ("org", 409, "already_host"), ("", 400, "validation_error")],
    )
    def test_bad_invitations_name_the_field(self, api, make_user, make_webinar, username, status, code):
        make_user("gone", is_active=False)
        webinar = make_webinar(organizer=make_user("org"))
        response = api.as_(webinar.organizer).post(invite_url(webinar), {"username": username}, format="json")
        assert response.status_code == status, response.content
        assert response.json()["code"] == code and list(response.json()["fields"]) == ["username"]

    def test_inviting_twice_or_a_co_host_is_a_409(self, api, make_user, make_webinar):
        co_host = make_user("co")
        webinar = make_webinar(co_hosts=[co_host])
        make_user("grace")
        client = api.as_(webinar.organizer)
        assert client.post(invite_url(webinar), {"username": "grace"}, format="json").status_code == 201
        assert client.post(invite_url(webinar), {"username": "grace"}, format="json").json()["code"] == "already_invited"
        assert client.post(invite_url(webinar), {"username": "co"}, format="json").json()["code"] == "already_host"

    def test_co_hosts_and_invitations_are_capped(self, api, make_user, make_webinar):
        webinar = make_webinar(co_hosts=[make_user()])
        client = api.as_(webinar.organizer)
        for n in range(MAX_CO_HOSTS - 1):
            make_user(f"p{n}")
            assert client.post(invite_url(webinar), {"username": f"p{n}"}, format="json").status_code == 201
        make_user("one-too-many")
        response = client.post(invite_url(webinar), {"username": "one-too-many"}, format="json")
        assert response.status_code == 409 and response.json()["code"] == "too_many_co_hosts"

    def test_only_hosts_invite_and_hidden_webinars_stay_hidden(self, api, make_user, make_webinar):
        make_user("grace")
        public, unlisted = make_webinar(), make_webinar(visibility="unlisted")
        outsider = api.as_(make_user())
        assert outsider.post(invite_url(public), {"username": "grace"}, format="json").status_code == 403
        assert outsider.post(invite_url(unlisted), {"username": "grace"}, format="json").status_code == 404

    def test_invitations_share_the_lookups_rate_bucket(self, api, make_user, make_webinar, monkeypatch):
        monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "lookup", "2/min")
        webinar = make_webinar()
        client = api.as_(webinar.organizer)
        assert client.get("/api/auth/users/lookup/", {"username": "nobody"}).status_code == 404
        assert client.post(invite_url(webinar), {"username": "nobody"}, format="json").status_code == 400
        assert client.post(invite_url(webinar), {"username": "nobody2"}, format="json").status_code == 429

    def test_no_invitations_to_an_ended_webinar(self, api, make_user, make_webinar):
        make_user("grace")
        webinar = make_webinar(status="ended")
        response = api.as_(webinar.organizer).post(invite_url(webinar), {"username": "grace"}, format="json")
        assert response.status_code == 409 and response.json()["code"] == "not_editable"


class TestLeaving:
    def test_a_co_host_can_leave(self, api, make_user, make_webinar):
        co_host = make_user()
        webinar = make_webinar(co_hosts=[co_host])
        assert api.as_(co_host).post(f"/api/webinars/{webinar.pk}/co-hosts/leave/").status_code == 204
        assert list(webinar.co_hosts.all()) == [] and hosted_ids(api, co_host) == []

    def test_the_organizer_cannot_leave_and_others_are_not_co_hosts(self, api, make_user, make_webinar):
        webinar = make_webinar()
        assert api.as_(webinar.organizer).post(f"/api/webinars/{webinar.pk}/co-hosts/leave/").json()["code"] == "organizer_cannot_leave"
        assert api.as_(make_user()).post(f"/api/webinars/{webinar.pk}/co-hosts/leave/").json()["code"] == "not_co_host"
