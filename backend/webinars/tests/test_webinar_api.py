from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from registrations.models import Registration
from webinars.models import Webinar
from webinars.services import co_host_invitation_accept, co_host_invite

pytestmark = pytest.mark.django_db
S = Webinar.Status
LIST = "/api/webinars/"


def url(webinar, suffix=""):
    return f"/api/webinars/{webinar.pk}/{suffix}"


def valid_body(**overrides):
    starts = timezone.now() + timedelta(days=2)
    return {
        "title": "Deep dive",
        "description": "All about it",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=1)).isoformat(),
        "capacity": 10,
        "registration_policy": "open",
        "visibility": "public",
        "tags": ["Django", "django", "WebRTC"],
    } | overrides


def test_create_makes_a_draft_owned_by_the_caller(api, make_user):
    organizer = make_user()
    # Co-hosts are invited by username once the webinar exists (test_co_host_invitations); listing the
    # organizer is harmless (not counted twice).
    response = api.as_(organizer).post(LIST, valid_body(co_hosts=[organizer.pk]), format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft"
    assert body["organizer"] == organizer.pk
    assert body["co_hosts"] == [] and body["co_host_details"] == [] and body["co_host_invitations"] == []
    assert sorted(body["tags"]) == ["django", "webrtc"]
    assert body["is_host"] is True and body["my_registration"] is None
    assert body["slug"].startswith("deep-dive-")
    assert body["event_url"].endswith(f"/w/{body['slug']}")


def test_status_is_read_only_in_writes(api, make_user):
    response = api.as_(make_user()).post(LIST, valid_body(status="live"), format="json")
    assert response.status_code == 201
    assert response.json()["status"] == "draft"


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"title": ""}, "title"),
        ({"capacity": -1}, "capacity"),
        ({"capacity": 0}, "capacity"),
        ({"capacity": "ten"}, "capacity"),
        ({"starts_at": "tomorrow"}, "starts_at"),
        ({"starts_at": "2030-01-01T10:00:00"}, "starts_at"),  # no UTC offset: ambiguous
        ({"registration_policy": "lottery"}, "registration_policy"),
        ({"visibility": "secret"}, "visibility"),
        ({"tags": "django"}, "tags"),
        ({"tags": ["x" * 31]}, "tags.0"),
        ({"co_hosts": [999999]}, "co_hosts"),
    ],
)
def test_create_refuses_bad_input_naming_the_field(api, make_user, overrides, field):
    response = api.as_(make_user()).post(LIST, valid_body(**overrides), format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "validation_error"
    assert field in response.json()["fields"]
    assert not Webinar.objects.exists()


def test_end_before_start_is_refused(api, make_user):
    starts = timezone.now() + timedelta(days=1)
    body = valid_body(starts_at=starts.isoformat(), ends_at=(starts - timedelta(minutes=1)).isoformat())
    response = api.as_(make_user()).post(LIST, body, format="json")
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["ends_at"]


def test_patch_cannot_move_the_end_before_the_start(api, make_webinar):
    webinar = make_webinar()
    response = api.as_(webinar.organizer).patch(
        url(webinar), {"ends_at": (webinar.starts_at - timedelta(hours=1)).isoformat()}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["ends_at"]


def test_malformed_json_is_a_400_not_a_500(api, make_user):
    response = api.as_(make_user()).generic("POST", LIST, '{"title": ', content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_listing_hides_drafts_and_unlisted_webinars_from_non_hosts(api, make_user, make_webinar):
    host = make_user()
    public = make_webinar(organizer=host, title="Public")
    make_webinar(organizer=host, title="Draft", status=S.DRAFT)
    make_webinar(organizer=host, title="Unlisted", visibility="unlisted")
    titles = lambda r: sorted(w["title"] for w in r.json()["results"])  # noqa: E731
    assert titles(api.as_(None).get(LIST)) == [public.title]
    assert titles(api.as_(make_user()).get(LIST)) == [public.title]
    assert titles(api.as_(host).get(LIST)) == ["Draft", "Public", "Unlisted"]


def test_unlisted_webinars_are_reachable_by_slug_but_drafts_are_not(api, make_webinar):
    unlisted = make_webinar(visibility="unlisted")
    draft = make_webinar(status=S.DRAFT)
    assert api.get(f"{LIST}by-slug/{unlisted.slug}/").status_code == 200
    assert api.get(f"{LIST}by-slug/{draft.slug}/").status_code == 404
    assert api.get(f"{LIST}by-slug/no-such-slug/").status_code == 404


def test_list_filters(api, make_user, make_webinar):
    host, co_host = make_user(), make_user()
    soon = make_webinar(organizer=host, title="Soon python", starts_in=timedelta(hours=2))
    later = make_webinar(title="Later", starts_in=timedelta(days=10), co_hosts=[co_host])
    done = make_webinar(title="Done", status=S.ENDED, starts_in=timedelta(days=-3))
    soon.tags.create(name="python")

    def ids(**params):
        response = api.get(LIST, params)
        assert response.status_code == 200, response.json()
        return [w["id"] for w in response.json()["results"]]

    assert ids(tag="PYTHON") == [soon.pk]
    assert ids(status="ended") == [done.pk]
    assert ids(host=host.pk) == [soon.pk]
    assert ids(host=co_host.pk) == [later.pk]
    assert ids(search="pyth") == [soon.pk]
    assert ids(starts_after=(timezone.now() + timedelta(days=1)).isoformat()) == [later.pk]
    assert ids(starts_before=timezone.now().isoformat()) == [done.pk]
    assert ids(ordering="-starts_at") == [later.pk, soon.pk, done.pk]
    assert ids(ordering="title") == [done.pk, later.pk, soon.pk]


@pytest.mark.parametrize(
    "params, field",
    [
        ({"colour": "red"}, "colour"),
        ({"status": "sleeping"}, "status"),
        ({"ordering": "password"}, "ordering"),
        ({"starts_after": "yesterday"}, "starts_after"),
        ({"host": "me"}, "host"),
        ({"page_size": "1000"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "many"}, "page_size"),
    ],
)
def test_bad_list_parameters_are_a_400_naming_the_parameter(api, params, field):
    response = api.get(LIST, params)
    assert response.status_code == 400
    assert field in response.json()["fields"]


def test_list_is_paginated(api, make_webinar):
    for _ in range(3):
        make_webinar()
    body = api.get(LIST, {"page_size": 2}).json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 3 and len(body["results"]) == 2 and body["next"]


def test_role_host_lists_what_the_caller_hosts_drafts_included(api, make_user, make_webinar):
    host = make_user()
    mine = make_webinar(organizer=host, status=S.DRAFT)
    co = make_webinar(co_hosts=[host])
    make_webinar()
    ids = sorted(w["id"] for w in api.as_(host).get(LIST, {"role": "host"}).json()["results"])
    assert ids == sorted([mine.pk, co.pk])


def test_list_makes_a_fixed_number_of_queries(api, make_user, make_webinar, django_assert_max_num_queries):
    user = make_user()
    for _ in range(15):
        webinar = make_webinar(co_hosts=[make_user()])
        webinar.tags.create(name=f"tag{webinar.pk}")
    with django_assert_max_num_queries(8):
        assert len(api.as_(user).get(LIST).json()["results"]) == 15


class TestLifecycle:
    def test_publish_moves_a_draft_to_scheduled_once(self, api, make_webinar):
        webinar = make_webinar(status=S.DRAFT)
        client = api.as_(webinar.organizer)
        assert client.post(url(webinar, "publish/")).json()["status"] == "scheduled"
        second = client.post(url(webinar, "publish/"))
        assert second.status_code == 409
        assert second.json()["code"] == "illegal_transition"

    @pytest.mark.parametrize("status", [S.LIVE, S.ENDED, S.CANCELLED])
    def test_cancel_is_refused_once_live_or_over(self, api, make_webinar, status):
        webinar = make_webinar(status=status)
        response = api.as_(webinar.organizer).post(url(webinar, "cancel/"))
        assert response.status_code == 409
        webinar.refresh_from_db()
        assert webinar.status == status

    def test_cancel_emails_every_active_registrant(self, api, make_user, make_webinar, django_capture_on_commit_callbacks):
        webinar = make_webinar()
        statuses = ["approved", "pending", "waitlisted", "cancelled", "rejected"]
        for status in statuses:
            Registration.objects.create(webinar=webinar, user=make_user(f"u-{status}"), status=status)
        with django_capture_on_commit_callbacks(execute=True):
            response = api.as_(webinar.organizer).post(url(webinar, "cancel/"))
        assert response.status_code == 200 and response.json()["status"] == "cancelled"
        cancelled_mails = sorted(m.to[0] for m in mail.outbox if m.subject.startswith("Cancelled:"))
        assert cancelled_mails == ["u-approved@example.com", "u-pending@example.com", "u-waitlisted@example.com"]

    def test_ended_webinars_cannot_be_edited(self, api, make_webinar):
        webinar = make_webinar(status=S.ENDED)
        response = api.as_(webinar.organizer).patch(url(webinar), {"title": "New"}, format="json")
        assert response.status_code == 409
        assert response.json()["code"] == "not_editable"

    @pytest.mark.parametrize("status, expected", [(S.DRAFT, 204), (S.CANCELLED, 204), (S.SCHEDULED, 409), (S.ENDED, 409)])
    def test_only_drafts_and_cancelled_webinars_can_be_deleted(self, api, make_webinar, status, expected):
        webinar = make_webinar(status=status)
        assert api.as_(webinar.organizer).delete(url(webinar)).status_code == expected
        assert Webinar.objects.filter(pk=webinar.pk).exists() == (expected != 204)


def test_patch_updates_fields_tags_and_co_hosts(api, make_user, make_webinar):
    webinar = make_webinar()
    co_host, leaving = make_user(), make_user()
    for person in (co_host, leaving):
        invitation = co_host_invite(webinar=webinar, by=webinar.organizer, username=person.username)
        co_host_invitation_accept(invitation=invitation, by=person)
    response = api.as_(webinar.organizer).patch(url(webinar), {"title": "Renamed", "tags": ["a"], "co_hosts": [co_host.pk]}, format="json")
    assert response.status_code == 200
    assert (response.json()["title"], response.json()["tags"], response.json()["co_hosts"]) == ("Renamed", ["a"], [co_host.pk])
    # A co-host who accepted has every right a host has.
    assert api.as_(co_host).patch(url(webinar), {"title": "By co-host"}, format="json").status_code == 200


def test_unknown_webinar_is_404_in_the_error_shape(api, make_user):
    response = api.as_(make_user()).get("/api/webinars/999999/")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "Not found."}
