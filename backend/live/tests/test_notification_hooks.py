"""What registrants hear when a webinar goes live and when it ends (registrations.notifications, called from live)."""

import pytest
from django.core import mail
from django.utils import timezone

from live.models import AttendanceInterval
from live.services import live_session_end, live_session_open, live_session_start
from registrations.models import Registration
from registrations.notifications import registrants_notify_recording
from registrations.providers import providers

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user, make_webinar):
    host = make_user("host")
    webinar = make_webinar(organizer=host, title="Scaling Django")
    people = {}
    for name, status, fields in [
        ("approved", "approved", {}),
        ("present", "approved", {}),
        ("waitlisted", "waitlisted", {}),
        ("cancelled", "cancelled", {}),
        ("unsubscribed", "approved", {"email_reminders": False, "email_follow_ups": False}),
    ]:
        people[name] = make_user(name, **fields)
        Registration.objects.create(webinar=webinar, user=people[name], status=status)
    return {"webinar": webinar, "host": host, "people": people}


def sent(subject_prefix=""):
    return sorted(m.to[0].split("@")[0] for m in mail.outbox if m.subject.startswith(subject_prefix))


class TestWereLive:
    def test_the_green_room_sends_nothing_and_opening_it_tells_those_not_in_the_room(self, world, django_capture_on_commit_callbacks):
        webinar, host = world["webinar"], world["host"]
        with django_capture_on_commit_callbacks(execute=True):
            session, _ = live_session_start(webinar=webinar, by=host, practice=True)
        assert mail.outbox == []
        # Someone already in the room (say, from Prosody's events) needs no email.
        AttendanceInterval.objects.create(session=session, user=world["people"]["present"], source="jitsi", joined_at=timezone.now())
        with django_capture_on_commit_callbacks(execute=True):
            live_session_open(webinar=webinar, by=host)
        assert sent() == ["approved"]  # not present, waitlisted, cancelled, unsubscribed
        [message] = mail.outbox
        assert message.subject == "Live now: Scaling Django" and f"/w/{webinar.slug}/live" in message.body
        assert "List-Unsubscribe" in message.extra_headers

    def test_going_live_at_once_tells_them_once(self, world, django_capture_on_commit_callbacks):
        webinar, host = world["webinar"], world["host"]
        with django_capture_on_commit_callbacks(execute=True):
            live_session_start(webinar=webinar, by=host)
            live_session_start(webinar=webinar, by=host)  # a second click finds the running session
        assert sent() == ["approved", "present"]


class TestFollowUp:
    def _run(self, world, django_capture_on_commit_callbacks, api):
        webinar, host = world["webinar"], world["host"]
        live_session_start(webinar=webinar, by=host)
        for name in ("present", "unsubscribed"):
            assert api.as_(world["people"][name]).post(f"/api/webinars/{webinar.pk}/live/join/").status_code == 200
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            live_session_end(webinar=webinar, by=host)

    def test_attendees_are_thanked_and_the_others_missed(self, api, world, django_capture_on_commit_callbacks):
        self._run(world, django_capture_on_commit_callbacks, api)
        assert sent("Thank you for attending") == ["present"]
        assert sent("Sorry we missed you") == ["approved"]
        assert sent() == ["approved", "present"]  # not the waitlisted, the cancelled, the unsubscribed (who attended)

    def test_they_carry_the_recording_link_once_there_is_one(self, api, world, django_capture_on_commit_callbacks, monkeypatch):
        monkeypatch.setattr(providers, "recording_url", lambda webinar: f"https://example.test/recordings/{webinar.pk}")
        self._run(world, django_capture_on_commit_callbacks, api)
        assert all(f"https://example.test/recordings/{world['webinar'].pk}" in m.body for m in mail.outbox)

    def test_a_published_recording_is_announced_once(self, api, world, django_capture_on_commit_callbacks):
        self._run(world, django_capture_on_commit_callbacks, api)
        mail.outbox.clear()
        for _ in range(2):  # published, unpublished, published again
            with django_capture_on_commit_callbacks(execute=True):
                registrants_notify_recording(webinar_id=world["webinar"].pk, recording_id=7)
        assert sent("Recording available") == ["approved", "present"]
        assert len(mail.outbox) == 2

    def test_a_green_room_closed_before_opening_sends_no_follow_up(self, world, django_capture_on_commit_callbacks):
        webinar, host = world["webinar"], world["host"]
        live_session_start(webinar=webinar, by=host, practice=True)
        with django_capture_on_commit_callbacks(execute=True):
            live_session_end(webinar=webinar, by=host)
        assert mail.outbox == []
