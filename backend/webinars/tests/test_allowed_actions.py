"""The webinar's API answer lists what the caller may do now; the UI shows exactly those actions."""

import pytest
from django.core import mail

from registrations.models import Registration
from webinars.models import Webinar

pytestmark = pytest.mark.django_db
S = Webinar.Status


def actions(api, webinar, user):
    return api.as_(user).get(f"/api/webinars/{webinar.pk}/" if user else f"/api/webinars/by-slug/{webinar.slug}/").json()["allowed_actions"]


@pytest.mark.parametrize(
    "status, expected",
    [
        (S.DRAFT, ["edit", "publish", "cancel", "delete"]),
        (S.SCHEDULED, ["edit", "cancel", "decide"]),
        (S.LIVE, ["edit", "decide"]),
        (S.ENDED, []),
        (S.CANCELLED, ["delete"]),
    ],
)
def test_hosts_get_the_actions_the_lifecycle_allows(api, make_webinar, status, expected):
    webinar = make_webinar(status=status)
    assert actions(api, webinar, webinar.organizer) == expected


@pytest.mark.parametrize(
    "status, registration, expected",
    [
        (S.SCHEDULED, None, ["register"]),
        (S.LIVE, None, ["register"]),
        (S.SCHEDULED, "approved", ["unregister"]),
        (S.SCHEDULED, "waitlisted", ["unregister"]),
        (S.SCHEDULED, "cancelled", ["register"]),
        (S.SCHEDULED, "rejected", []),
        (S.ENDED, "approved", []),
        (S.CANCELLED, "approved", []),
        (S.ENDED, None, []),
    ],
)
def test_attendees_may_register_or_unregister_only_while_registration_is_open(api, make_user, make_webinar, status, registration, expected):
    webinar, attendee = make_webinar(status=status), make_user()
    if registration:
        Registration.objects.create(webinar=webinar, user=attendee, status=registration)
    assert actions(api, webinar, attendee) == expected


def test_visitors_see_what_they_could_do_once_signed_in(api, make_webinar):
    assert actions(api, make_webinar(), None) == ["register"]


@pytest.mark.parametrize("status", [S.ENDED, S.CANCELLED])
def test_unregistering_after_the_webinar_is_over_is_refused_and_sends_nothing(
    api, make_user, make_webinar, status, django_capture_on_commit_callbacks
):
    webinar, attendee = make_webinar(status=status), make_user()
    Registration.objects.create(webinar=webinar, user=attendee, status="approved")
    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_(attendee).post(f"/api/webinars/{webinar.pk}/unregister/")
    assert response.status_code == 409 and response.json()["code"] == "registration_closed"
    assert Registration.objects.get(webinar=webinar, user=attendee).status == "approved"
    assert mail.outbox == []


def test_deleting_an_ended_webinar_does_not_ask_for_an_impossible_cancel(api, make_webinar):
    webinar = make_webinar(status=S.ENDED)
    response = api.as_(webinar.organizer).delete(f"/api/webinars/{webinar.pk}/")
    assert response.status_code == 409
    assert response.json()["detail"] == "An ended webinar cannot be deleted: its registrations and attendance stay on record."
