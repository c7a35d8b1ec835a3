"""POST /api/jitsi/recordings: Jibri's finalize script announces a file; the worker copies it, never the request."""

import logging

import pytest

from recordings.models import Recording
from recordings.storage import recordings_storage
from recordings.tests.conftest import SECRET

pytestmark = pytest.mark.django_db
URL = "/api/jitsi/recordings"


@pytest.fixture
def session(live_world):
    return live_world["to_state"]("ended")


def announce(api, body, secret=SECRET):
    return api.post(URL, body, format="json", HTTP_AUTHORIZATION=f"Bearer {secret}" if secret else "")


def test_it_answers_at_once_and_leaves_the_copy_to_the_worker(api, session, media, jibri_file, django_capture_on_commit_callbacks):
    path = jibri_file(session.room)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = announce(api, {"room": session.room, "path": path})
    assert response.status_code == 202, response.content
    recording = Recording.objects.get()
    assert response.json() == {"id": recording.pk, "status": "processing"}
    assert recording.session == session and recording.source_path == path and not recording.published
    assert len(callbacks) == 1  # the copy is enqueued after commit ...
    assert not media.exists() or not any(media.rglob("*.mp4"))  # ... and nothing was copied on the request path


def test_the_worker_stores_the_file_with_its_size_and_duration_and_frees_jibris_disk(
    api, session, media, inbox, jibri_file, django_capture_on_commit_callbacks
):
    path = jibri_file(session.room)
    size = (inbox / path).stat().st_size
    with django_capture_on_commit_callbacks(execute=True):
        assert announce(api, {"room": session.room, "path": path}).status_code == 202
    recording = Recording.objects.get()
    assert recording.status == "ready"
    assert recording.size_bytes == size and recording.duration_seconds == 90
    assert recordings_storage().exists(recording.file)
    assert recordings_storage().size(recording.file) == size
    assert not (inbox / path).exists() and not (inbox / path).parent.exists()


def test_a_repeated_finalize_makes_no_duplicate(api, session, media, jibri_file, django_capture_on_commit_callbacks):
    path = jibri_file(session.room)
    with django_capture_on_commit_callbacks(execute=False):
        first = announce(api, {"room": session.room, "path": path})
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        second = announce(api, {"room": session.room, "path": path})
    assert (first.status_code, second.status_code) == (202, 200)
    assert first.json()["id"] == second.json()["id"]
    assert Recording.objects.count() == 1
    assert callbacks == []  # nothing enqueued twice


def test_a_failed_copy_is_retried_by_a_repeated_finalize(api, session, media, inbox, jibri_file, django_capture_on_commit_callbacks):
    path = jibri_file(session.room)
    with django_capture_on_commit_callbacks(execute=False):
        announce(api, {"room": session.room, "path": path})
    content = (inbox / path).read_bytes()
    (inbox / path).unlink()  # the file vanished before the worker ran
    from recordings.tasks import store_recording

    store_recording.call(Recording.objects.get().pk)
    assert Recording.objects.get().status == "failed"
    (inbox / path).write_bytes(content)
    with django_capture_on_commit_callbacks(execute=True):
        assert announce(api, {"room": session.room, "path": path}).status_code == 200
    assert Recording.objects.get().status == "ready"


def test_a_recording_of_the_upper_cased_room_finds_its_session(api, session, media, jibri_file, django_capture_on_commit_callbacks):
    path = jibri_file(session.room)
    with django_capture_on_commit_callbacks(execute=False):
        assert announce(api, {"room": session.room.upper(), "path": path}).status_code == 202


def test_unknown_rooms_are_refused_and_logged(api, session, media, jibri_file, caplog):
    path = jibri_file("f" * 32)
    with caplog.at_level(logging.WARNING, logger="recordings.services"):
        response = announce(api, {"room": "f" * 32, "path": path})
    assert response.status_code == 404
    assert response.json()["code"] == "unknown_room" and "room" in response.json()["fields"]
    assert "unknown room" in caplog.text
    assert Recording.objects.count() == 0


@pytest.mark.parametrize("secret", [None, "wrong-secret-wrong-secret-wrong-secret", "test-jitsi-events-secret-0123456789abcdef"])
def test_only_the_recordings_secret_is_accepted(api, session, media, jibri_file, secret):
    response = announce(api, {"room": session.room, "path": jibri_file(session.room)}, secret=secret)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert Recording.objects.count() == 0


def test_without_a_configured_secret_the_endpoint_stays_shut(api, session, media, jibri_file, settings):
    settings.RECORDINGS_SECRET = ""
    assert announce(api, {"room": session.room, "path": jibri_file(session.room)}, secret="").status_code == 401


@pytest.mark.parametrize(
    "body, field",
    [
        ({"path": "a/b.mp4"}, "room"),
        ({"room": "a/b", "path": "a/b.mp4"}, "room"),
        ({"room": "r" * 65, "path": "a/b.mp4"}, "room"),
        ({"room": "abc"}, "path"),
        ({"room": "abc", "path": "../etc/passwd.mp4"}, "path"),
        ({"room": "abc", "path": "/etc/x.mp4"}, "path"),
        ({"room": "abc", "path": "a/.hidden.mp4"}, "path"),
        ({"room": "abc", "path": "a/b.mkv"}, "path"),
        ({"room": "abc", "path": "a/b\u0000.mp4"}, "path"),
        ({"room": ["abc"], "path": "a/b.mp4"}, "room"),
        ({"room": "abc", "path": "missing/file.mp4"}, "path"),
    ],
)
def test_bad_announcements_are_400_naming_the_field(api, session, inbox, body, field):
    response = announce(api, body)
    assert response.status_code == 400, response.content
    assert field in response.json()["fields"]
    assert Recording.objects.count() == 0


def test_a_symlink_out_of_the_inbox_is_refused(api, session, inbox, tmp_path):
    secret_file = tmp_path / "outside.mp4"
    secret_file.write_bytes(b"not yours")
    (inbox / "s").mkdir()
    (inbox / "s" / "link.mp4").symlink_to(secret_file)
    response = announce(api, {"room": session.room, "path": "s/link.mp4"})
    assert response.status_code == 400 and "path" in response.json()["fields"]


@pytest.mark.parametrize(
    "raw, field", [(b'{"room": "\\ud800", "path": "a/b.mp4"}', "room"), (b'{"room": "abc", "path": "a/\\udfff.mp4"}', "path")]
)
def test_unpaired_surrogates_are_400_naming_the_field(api, session, inbox, raw, field):
    response = api.post(URL, raw, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {SECRET}")
    assert response.status_code == 400, response.content
    assert field in response.json()["fields"]


@pytest.mark.parametrize("raw", [b"{not json", b"[]", b'"text"', b"null"])
def test_malformed_bodies_are_400(api, session, inbox, raw):
    response = api.post(URL, raw, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {SECRET}")
    assert response.status_code == 400
    assert response.json()["code"] in {"parse_error", "validation_error"}
