"""Reminders, calendar updates and the rendering of every message: who gets them, when, and who does not."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from icalendar import Calendar

from registrations import tasks
from registrations.models import Notice, Registration
from registrations.notifications import reminders_send_due
from webinars.services import webinar_cancel, webinar_update

pytestmark = pytest.mark.django_db
R = Registration.Status


@pytest.fixture
def world(make_user, make_webinar):
    """A webinar two days away, registered two days before it starts by one person of each kind."""
    host = make_user("host")
    webinar = make_webinar(organizer=host, starts_in=timedelta(days=2), title="Scaling Django")
    registered_at = webinar.starts_at - timedelta(days=2)
    people = {}
    for name, status, fields in [
        ("approved", R.APPROVED, {}),
        ("waitlisted", R.WAITLISTED, {}),
        ("pending", R.PENDING, {}),
        ("cancelled", R.CANCELLED, {}),
        ("unsubscribed", R.APPROVED, {"email_reminders": False, "email_follow_ups": False}),
    ]:
        people[name] = make_user(name, **fields)
        Registration.objects.create(webinar=webinar, user=people[name], status=status, created_at=registered_at)
    return {"webinar": webinar, "host": host, "people": people}


def before(webinar, **delta):
    return webinar.starts_at - timedelta(**delta)


def sent(subject_prefix=""):
    return sorted(m.to[0].split("@")[0] for m in mail.outbox if m.subject.startswith(subject_prefix))


def calendar_event(message):
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("webinar.ics", "text/calendar")
    calendar = Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    return calendar, event


class TestReminders:
    def test_each_offset_reminds_approved_registrants_once(self, world):
        webinar = world["webinar"]
        assert reminders_send_due(now=before(webinar, hours=25)) == 0  # not due yet
        assert reminders_send_due(now=before(webinar, hours=23, minutes=59)) == 1
        assert sent("Reminder") == ["approved"]  # not the waitlisted, pending, cancelled or unsubscribed
        [message] = mail.outbox
        assert message.subject == "Reminder: Scaling Django"
        assert f"/w/{webinar.slug}/live" in message.body and f"/w/{webinar.slug}" in message.body
        assert calendar_event(message)[1]["uid"] == f"webinar-{webinar.pk}@stagecall"

        assert reminders_send_due(now=before(webinar, hours=23, minutes=58)) == 0  # the next minute: no second one
        assert reminders_send_due(now=before(webinar, hours=3)) == 0  # between the offsets: nothing
        assert reminders_send_due(now=before(webinar, minutes=14)) == 1
        assert sent("Reminder") == ["approved", "approved"]
        assert reminders_send_due(now=before(webinar, minutes=1)) == 0
        assert Notice.objects.filter(kind="reminder").count() == 2

    def test_a_late_registration_gets_no_stale_reminder(self, make_user, world):
        webinar, late = world["webinar"], make_user("late")
        Registration.objects.create(webinar=webinar, user=late, status=R.APPROVED, created_at=before(webinar, hours=2))
        reminders_send_due(now=before(webinar, hours=1, minutes=59))
        assert sent("Reminder") == ["approved"]  # the 24-hour one, late as it is for the others
        reminders_send_due(now=before(webinar, minutes=15))
        assert sent("Reminder") == ["approved", "approved", "late"]

    def test_rescheduling_moves_the_reminders(self, world, django_capture_on_commit_callbacks):
        webinar = world["webinar"]
        reminders_send_due(now=before(webinar, hours=23))
        old_start = webinar.starts_at
        with django_capture_on_commit_callbacks(execute=True):
            webinar = webinar_update(
                webinar=webinar, by=world["host"], starts_at=old_start + timedelta(days=2), ends_at=old_start + timedelta(days=2, hours=1)
            )
        mail.outbox.clear()
        assert reminders_send_due(now=old_start - timedelta(minutes=10)) == 0  # the old time: nothing
        assert reminders_send_due(now=before(webinar, hours=23)) == 1  # the new time: reminded again
        assert sent("Reminder") == ["approved"]

    def test_a_batch_queued_before_a_reschedule_sends_nothing(self, world, django_capture_on_commit_callbacks):
        webinar = world["webinar"]
        approved = Registration.objects.get(user=world["people"]["approved"])
        stale_key = f"1440m@{webinar.starts_at:%Y%m%dT%H%M%SZ}"
        with django_capture_on_commit_callbacks(execute=True):
            webinar_update(webinar=webinar, by=world["host"], starts_at=webinar.starts_at - timedelta(hours=1))
        mail.outbox.clear()
        assert tasks.send_notices.call("reminder", webinar.pk, stale_key, [approved.pk]) == 0
        assert mail.outbox == []

    def test_cancelling_drops_the_reminders(self, world):
        webinar = world["webinar"]
        webinar_cancel(webinar=webinar, by=world["host"])
        mail.outbox.clear()
        assert reminders_send_due(now=before(webinar, minutes=10)) == 0
        assert mail.outbox == []

    def test_recipients_are_sent_in_chunks_one_task_each(self, make_user, world, settings):
        webinar = world["webinar"]
        for _ in range(4):
            Registration.objects.create(webinar=webinar, user=make_user(), status=R.APPROVED, created_at=before(webinar, days=2))
        settings.NOTIFY_BATCH_SIZE = 2
        with mock.patch.object(tasks, "send_notices") as send_notices:
            assert reminders_send_due(now=before(webinar, hours=23)) == 5
        assert [len(call.args[3]) for call in send_notices.enqueue.call_args_list] == [2, 2, 1]


class TestCalendarUpdates:
    def test_a_new_time_sends_the_same_uid_with_a_higher_sequence(self, world, django_capture_on_commit_callbacks):
        webinar, approved = world["webinar"], world["people"]["approved"]
        first = tasks.render("confirmed", Registration.objects.select_related("user", "webinar__organizer").get(user=approved))
        _, original = calendar_event(mock.Mock(attachments=first["attachments"]))
        new_start = webinar.starts_at + timedelta(hours=3)
        with django_capture_on_commit_callbacks(execute=True):
            webinar_update(webinar=webinar, by=world["host"], starts_at=new_start, ends_at=new_start + timedelta(hours=1))
        assert sent() == ["approved", "unsubscribed"]  # transactional: no preference turns it off
        assert sent() == sent("Updated")
        message = mail.outbox[0]
        calendar, updated = calendar_event(message)
        assert str(calendar["method"]) == "PUBLISH"
        assert updated["uid"] == original["uid"]
        assert int(updated["sequence"]) > int(original["sequence"])
        assert updated.decoded("dtstart") == new_start.replace(microsecond=0)

        with django_capture_on_commit_callbacks(execute=True):
            webinar_update(webinar=webinar, by=world["host"], title="Scaling Django, part 2")
        _, retitled = calendar_event(mail.outbox[-1])
        assert int(retitled["sequence"]) > int(updated["sequence"]) and str(retitled["summary"]) == "Scaling Django, part 2"

    def test_other_edits_send_no_calendar_update(self, world, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            webinar_update(webinar=world["webinar"], by=world["host"], description="More details.", capacity=50)
        assert mail.outbox == []

    def test_a_cancellation_sends_method_cancel_to_every_active_registrant(self, world, django_capture_on_commit_callbacks):
        webinar = world["webinar"]
        with django_capture_on_commit_callbacks(execute=True):
            webinar_cancel(webinar=webinar, by=world["host"])
        assert sent() == ["approved", "pending", "unsubscribed", "waitlisted"]  # not the one who cancelled
        calendar, event = calendar_event(mail.outbox[0])
        assert str(calendar["method"]) == "CANCEL" and str(event["status"]) == "CANCELLED"
        assert event["uid"] == f"webinar-{webinar.pk}@stagecall" and int(event["sequence"]) == 1


class TestRendering:
    def _reminder(self, world):
        reminders_send_due(now=before(world["webinar"], minutes=10))
        [message] = mail.outbox
        return message

    def test_the_time_is_in_the_recipients_zone_else_the_organizers_else_utc(self, world):
        webinar, approved, host = world["webinar"], world["people"]["approved"], world["host"]
        webinar.starts_at = webinar.starts_at.replace(month=1, day=15, hour=15, minute=0, second=0, microsecond=0, year=2099)
        webinar.ends_at = webinar.starts_at + timedelta(hours=1)
        webinar.save()
        registration = Registration.objects.select_related("user", "webinar__organizer").get(user=approved)
        assert "Thursday 15 January 2099, 15:00 UTC" in tasks.render("confirmed", registration)["body"]
        host.timezone = "America/New_York"
        host.save()
        registration.webinar.organizer = host
        assert "10:00 EST" in tasks.render("confirmed", registration)["body"]
        registration.user.timezone = "Europe/Paris"
        assert "16:00 CET" in tasks.render("confirmed", registration)["html"]

    def test_every_message_has_a_text_and_an_html_part(self, world):
        message = self._reminder(world)
        [(html, mimetype)] = message.alternatives
        assert mimetype == "text/html" and "<a href=" in html and "Scaling Django" in html
        assert "<" not in message.body  # the text part is not HTML-escaped either

    def test_reminders_carry_a_one_click_unsubscribe_and_transactional_mail_does_not(self, world):
        message = self._reminder(world)
        link = message.extra_headers["List-Unsubscribe"].strip("<>")
        assert "/api/auth/unsubscribe/" in link and link in message.body
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        registration = Registration.objects.select_related("user", "webinar__organizer").get(user=world["people"]["approved"])
        confirmation = tasks.render("confirmed", registration)
        assert confirmation["headers"] == {} and "nsubscribe" not in confirmation["body"]
