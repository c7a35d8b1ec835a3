"""Recordings raced for real (PostgreSQL row locks): finalize twice at once, a host deleting while Jibri announces."""

import pytest

from common.testing import run_at_once
from live.services import live_session_end, live_session_start
from recordings.models import Recording
from recordings.services import recording_announce, recording_delete

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ROUNDS = 5


def test_the_same_finalize_twice_at_once_makes_one_recording(make_webinar, inbox, media, jibri_file, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # no copy: only the rows matter
    for round_ in range(ROUNDS):
        webinar = make_webinar()
        live_session_start(webinar=webinar, by=webinar.organizer)
        session = live_session_end(webinar=webinar, by=webinar.organizer)
        path = jibri_file(session.room, session_id=f"round{round_}")
        results, errors = run_at_once([lambda room=session.room, path=path: recording_announce(room=room, path=path)] * 4)
        assert errors == []
        assert sorted(created for _, created in results) == [False, False, False, True]
        assert Recording.objects.filter(source_path=path).count() == 1


def test_deleting_while_another_host_publishes_never_fails_with_a_server_error(make_webinar, make_user, media, stored_recording):
    from recordings.services import recording_set_published

    for _ in range(ROUNDS):
        co_host = make_user()
        webinar = make_webinar(co_hosts=[co_host])
        live_session_start(webinar=webinar, by=webinar.organizer)
        session = live_session_end(webinar=webinar, by=webinar.organizer)
        recording = stored_recording(session)
        results, errors = run_at_once(
            [
                lambda recording=recording, host=webinar.organizer: recording_delete(recording=recording, by=host),
                lambda recording=recording, host=co_host: recording_set_published(recording=recording, published=True, by=host),
            ]
        )
        # Either order is fine; the loser of a delete-first race gets the domain's 404, never a database error.
        assert all(getattr(error, "code", None) == "not_found" for error in errors), errors
        assert not Recording.objects.filter(pk=recording.pk).exists()
