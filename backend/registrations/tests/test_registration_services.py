"""Registration rules through the API: seats, waitlist, approval, and the emails that follow."""

import csv
import io

import pytest
from django.core import mail

from registrations.models import Registration
from webinars.models import Webinar

pytestmark = pytest.mark.django_db
R = Registration.Status


def url(webinar, suffix):
    return f"/api/webinars/{webinar.pk}/{suffix}"


def register(api, webinar, user):
    return api.as_(user).post(url(webinar, "register/"))


def status_of(webinar, user):
    return Registration.objects.get(webinar=webinar, user=user).status


def test_open_webinar_with_seats_approves_and_emails_a_calendar_file(api, make_user, make_webinar, django_capture_on_commit_callbacks):
    webinar, user = make_webinar(capacity=2), make_user()
    with django_capture_on_commit_callbacks(execute=True):
        response = register(api, webinar, user)
    assert response.status_code == 201
    assert {k: response.json()[k] for k in ("webinar", "user", "status")} == {"webinar": webinar.pk, "user": user.pk, "status": "approved"}
    [message] = mail.outbox
    assert message.to == [user.email] and message.subject.startswith("You're registered")
    assert message.attachments[0][0] == "webinar.ics" and "BEGIN:VEVENT" in message.attachments[0][1]


def test_full_webinar_waitlists(api, make_user, make_webinar):
    webinar = make_webinar(capacity=1)
    first, second = make_user(), make_user()
    assert register(api, webinar, first).json()["status"] == "approved"
    assert register(api, webinar, second).json()["status"] == "waitlisted"


def test_unlimited_capacity_never_waitlists(api, make_user, make_webinar):
    webinar = make_webinar(capacity=None)
    assert all(register(api, webinar, make_user()).json()["status"] == "approved" for _ in range(5))


def test_approval_policy_makes_registrations_pending(api, make_user, make_webinar):
    webinar = make_webinar(registration_policy="approval")
    assert register(api, webinar, make_user()).json()["status"] == "pending"


def test_registering_twice_is_refused_the_second_time(api, make_user, make_webinar):
    webinar, user = make_webinar(), make_user()
    assert register(api, webinar, user).status_code == 201
    second = register(api, webinar, user)
    assert second.status_code == 409 and second.json()["code"] == "already_registered"
    assert Registration.objects.filter(webinar=webinar, user=user).count() == 1


@pytest.mark.parametrize("status", [Webinar.Status.DRAFT, Webinar.Status.CANCELLED, Webinar.Status.ENDED])
def test_registration_is_closed_unless_scheduled_or_live(api, make_user, make_webinar, status):
    webinar = make_webinar(status=status, visibility="public")
    response = register(api, webinar, make_user())
    # A draft is invisible to non-hosts (404); others answer with the reason (409).
    assert response.status_code == (404 if status == Webinar.Status.DRAFT else 409)
    assert not Registration.objects.exists()


def test_late_registration_is_allowed_while_live(api, make_user, make_webinar):
    assert register(api, make_webinar(status=Webinar.Status.LIVE), make_user()).json()["status"] == "approved"


def test_hosts_cannot_register_for_their_own_webinar(api, make_user, make_webinar):
    co_host = make_user()
    webinar = make_webinar(co_hosts=[co_host])
    for host in (webinar.organizer, co_host):
        response = register(api, webinar, host)
        assert response.status_code == 409 and response.json()["code"] == "host_cannot_register"


def test_cancelling_a_seat_promotes_the_oldest_waitlisted(api, make_user, make_webinar, django_capture_on_commit_callbacks):
    webinar = make_webinar(capacity=1)
    holder, oldest, newer = make_user(), make_user(), make_user()
    for user in (holder, oldest, newer):
        register(api, webinar, user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_(holder).post(url(webinar, "unregister/"))
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    assert (status_of(webinar, oldest), status_of(webinar, newer)) == ("approved", "waitlisted")
    assert sorted((m.to[0], m.subject.split(":")[0]) for m in mail.outbox) == sorted(
        [(holder.email, "Registration cancelled"), (oldest.email, "A seat freed up for you")]
    )


def test_cancelling_a_waitlisted_registration_promotes_nobody(api, make_user, make_webinar):
    webinar = make_webinar(capacity=1)
    holder, waiting, other = make_user(), make_user(), make_user()
    for user in (holder, waiting, other):
        register(api, webinar, user)
    api.as_(waiting).post(url(webinar, "unregister/"))
    assert (status_of(webinar, holder), status_of(webinar, other)) == ("approved", "waitlisted")


def test_unregister_without_a_registration_is_409(api, make_user, make_webinar):
    response = api.as_(make_user()).post(url(make_webinar(), "unregister/"))
    assert response.status_code == 409 and response.json()["code"] == "not_registered"


def test_registering_again_after_cancelling_goes_to_the_back_of_the_queue(api, make_user, make_webinar):
    webinar = make_webinar(capacity=1)
    first, second = make_user(), make_user()
    register(api, webinar, first)
    register(api, webinar, second)
    api.as_(first).post(url(webinar, "unregister/"))
    assert register(api, webinar, first).json()["status"] == "waitlisted"
    assert status_of(webinar, second) == "approved"


def test_rejected_people_cannot_register_again(api, make_user, make_webinar):
    webinar, user = make_webinar(registration_policy="approval"), make_user()
    registration_id = register(api, webinar, user).json()["id"]
    api.as_(webinar.organizer).post(url(webinar, f"registrations/{registration_id}/reject/"))
    response = register(api, webinar, user)
    assert response.status_code == 409 and response.json()["code"] == "registration_rejected"


class TestHostDecisions:
    def test_approve_past_capacity_waitlists_and_reject_of_a_seat_promotes(self, api, make_user, make_webinar):
        webinar = make_webinar(capacity=1, registration_policy="approval")
        a, b = make_user(), make_user()
        ids = [register(api, webinar, user).json()["id"] for user in (a, b)]
        host = api.as_(webinar.organizer)
        assert host.post(url(webinar, f"registrations/{ids[0]}/approve/")).json()["status"] == "approved"
        assert host.post(url(webinar, f"registrations/{ids[1]}/approve/")).json()["status"] == "waitlisted"
        assert host.post(url(webinar, f"registrations/{ids[0]}/reject/")).json()["status"] == "rejected"
        assert status_of(webinar, b) == "approved"

    def test_bulk_approve_gives_seats_first_come_first_served(self, api, make_user, make_webinar, django_capture_on_commit_callbacks):
        webinar = make_webinar(capacity=2, registration_policy="approval")
        users = [make_user() for _ in range(3)]
        ids = [register(api, webinar, user).json()["id"] for user in users]
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = api.as_(webinar.organizer).post(
                url(webinar, "registrations/bulk/"), {"action": "approve", "ids": ids[::-1]}, format="json"
            )
        assert response.status_code == 200
        assert [r["status"] for r in response.json()["results"]] == ["approved", "approved", "waitlisted"]
        assert [r["id"] for r in response.json()["results"]] == ids
        assert sorted(m.subject.split(":")[0] for m in mail.outbox) == [
            "Registration approved",
            "Registration approved",
            "You're on the waitlist",
        ]

    def test_bulk_with_an_unknown_id_changes_nothing(self, api, make_user, make_webinar):
        webinar = make_webinar(registration_policy="approval")
        other = make_webinar(registration_policy="approval")
        mine = register(api, webinar, make_user()).json()["id"]
        foreign = register(api, other, make_user()).json()["id"]
        response = api.as_(webinar.organizer).post(
            url(webinar, "registrations/bulk/"), {"action": "approve", "ids": [mine, foreign]}, format="json"
        )
        assert response.status_code == 400 and list(response.json()["fields"]) == ["ids"]
        assert Registration.objects.get(pk=mine).status == "pending"

    @pytest.mark.parametrize(
        "body, field",
        [
            ({"action": "maybe", "ids": [1]}, "action"),
            ({"action": "approve", "ids": []}, "ids"),
            ({"action": "approve", "ids": ["x"]}, "ids.0"),
            ({"action": "approve"}, "ids"),
        ],
    )
    def test_bulk_refuses_bad_input(self, api, make_webinar, body, field):
        webinar = make_webinar()
        response = api.as_(webinar.organizer).post(url(webinar, "registrations/bulk/"), body, format="json")
        assert response.status_code == 400 and field in response.json()["fields"]

    def test_a_cancelled_registration_cannot_be_approved(self, api, make_user, make_webinar):
        webinar, user = make_webinar(), make_user()
        registration_id = register(api, webinar, user).json()["id"]
        api.as_(user).post(url(webinar, "unregister/"))
        response = api.as_(webinar.organizer).post(url(webinar, f"registrations/{registration_id}/approve/"))
        assert response.status_code == 409 and response.json()["code"] == "registration_cancelled"

    def test_registration_of_another_webinar_is_404(self, api, make_user, make_webinar):
        webinar, other = make_webinar(), make_webinar()
        foreign = register(api, other, make_user()).json()["id"]
        assert api.as_(webinar.organizer).post(url(webinar, f"registrations/{foreign}/approve/")).status_code == 404


class TestHostViews:
    def test_list_filters_by_status_and_search(self, api, make_user, make_webinar):
        webinar = make_webinar(capacity=1)
        ada, bob = make_user("ada", display_name="Ada Lovelace"), make_user("bob")
        register(api, webinar, ada)
        register(api, webinar, bob)
        host = api.as_(webinar.organizer)
        assert [r["user"] for r in host.get(url(webinar, "registrations/"), {"status": "waitlisted"}).json()["results"]] == [bob.pk]
        assert [r["user"] for r in host.get(url(webinar, "registrations/"), {"search": "lovelace"}).json()["results"]] == [ada.pk]
        assert host.get(url(webinar, "registrations/"), {"status": "maybe"}).status_code == 400

    def test_csv_export_lists_registrants_and_defuses_formulas(self, api, make_user, make_webinar):
        webinar = make_webinar()
        register(api, webinar, make_user("eve", display_name='=HYPERLINK("http://evil")'))
        response = api.as_(webinar.organizer).get(url(webinar, "registrations.csv"))
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert rows[0] == ["id", "username", "display_name", "email", "status", "registered_at"]
        assert rows[1][1:5] == ["eve", '\'=HYPERLINK("http://evil")', "eve@example.com", "approved"]

    def test_my_registrations_lists_only_mine(self, api, make_user, make_webinar):
        me, other = make_user(), make_user()
        webinar = make_webinar(title="Mine")
        register(api, webinar, me)
        register(api, make_webinar(), other)
        body = api.as_(me).get("/api/auth/me/registrations/").json()
        assert [(r["webinar_title"], r["status"]) for r in body["results"]] == [("Mine", "approved")]
        assert api.as_(None).get("/api/auth/me/registrations/").status_code == 401

    def test_calendar_file_is_for_approved_registrants_and_hosts(self, api, make_user, make_webinar):
        webinar = make_webinar(capacity=1)
        approved, waiting = make_user(), make_user()
        register(api, webinar, approved)
        register(api, webinar, waiting)
        assert api.as_(approved).get(url(webinar, "calendar.ics")).content.startswith(b"BEGIN:VCALENDAR")
        assert api.as_(webinar.organizer).get(url(webinar, "calendar.ics")).status_code == 200
        assert api.as_(waiting).get(url(webinar, "calendar.ics")).status_code == 403


class TestCapacityChanges:
    def test_capacity_cannot_drop_below_the_seats_taken(self, api, make_user, make_webinar):
        webinar = make_webinar(capacity=3)
        for _ in range(2):
            register(api, webinar, make_user())
        response = api.as_(webinar.organizer).patch(f"/api/webinars/{webinar.pk}/", {"capacity": 1}, format="json")
        assert response.status_code == 400 and list(response.json()["fields"]) == ["capacity"]

    def test_raising_capacity_promotes_the_waitlist(self, api, make_user, make_webinar):
        webinar = make_webinar(capacity=1)
        users = [make_user() for _ in range(3)]
        for user in users:
            register(api, webinar, user)
        api.as_(webinar.organizer).patch(f"/api/webinars/{webinar.pk}/", {"capacity": 2}, format="json")
        assert [status_of(webinar, u) for u in users] == ["approved", "approved", "waitlisted"]
        api.as_(webinar.organizer).patch(f"/api/webinars/{webinar.pk}/", {"capacity": None}, format="json")
        assert status_of(webinar, users[2]) == "approved"


@pytest.mark.parametrize("closing", ["cancel", "end"])
def test_unregistering_from_a_closed_webinar_is_refused_and_moves_no_seat(
    api, make_user, make_webinar, closing, django_capture_on_commit_callbacks
):
    webinar = make_webinar(capacity=1)
    holder, waiting = make_user(), make_user()
    register(api, webinar, holder), register(api, webinar, waiting)
    if closing == "cancel":
        assert api.as_(webinar.organizer).post(f"/api/webinars/{webinar.pk}/cancel/").status_code == 200
    else:
        assert api.as_(webinar.organizer).post(url(webinar, "live/start/")).status_code == 201
        assert api.as_(webinar.organizer).post(url(webinar, "live/end/")).status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_(holder).post(url(webinar, "unregister/"))
    assert response.status_code == 409 and response.json()["code"] == "registration_closed"
    assert (status_of(webinar, holder), status_of(webinar, waiting)) == (R.APPROVED, R.WAITLISTED)
    assert mail.outbox == []
