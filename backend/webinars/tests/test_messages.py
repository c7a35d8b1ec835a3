"""Messages people read say it in plain, grammatical English."""

import pytest

from webinars.models import Webinar

pytestmark = pytest.mark.django_db
S = Webinar.Status


def test_an_ended_webinar_reads_as_ended(api, make_user, make_webinar):
    webinar = make_webinar(status=S.ENDED)
    host = api.as_(webinar.organizer)
    assert host.patch(f"/api/webinars/{webinar.pk}/", {"title": "New"}, format="json").json()["detail"] == (
        "An ended webinar can no longer be edited."
    )
    assert host.post(f"/api/webinars/{webinar.pk}/publish/").json()["detail"] == "An ended webinar cannot become scheduled."
    register = api.as_(make_user()).post(f"/api/webinars/{webinar.pk}/register/")
    assert register.json()["detail"] == "Registration is closed: the webinar has ended."


def test_a_cancelled_webinar_reads_as_cancelled(api, make_user, make_webinar):
    webinar = make_webinar(status=S.CANCELLED)
    register = api.as_(make_user()).post(f"/api/webinars/{webinar.pk}/register/")
    assert register.json()["detail"] == "Registration is closed: the webinar was cancelled."


def test_list_limits_count_in_words_not_elements(api, make_webinar):
    webinar = make_webinar()
    host = api.as_(webinar.organizer)
    bulk = host.post(f"/api/webinars/{webinar.pk}/registrations/bulk/", {"action": "approve", "ids": []}, format="json")
    assert bulk.status_code == 400 and bulk.json()["fields"] == {"ids": ["Choose at least one registration."]}
    tags = host.patch(f"/api/webinars/{webinar.pk}/", {"tags": [f"t{n}" for n in range(11)]}, format="json")
    assert tags.status_code == 400 and tags.json()["fields"] == {"tags": ["Use at most 10 tags."]}
