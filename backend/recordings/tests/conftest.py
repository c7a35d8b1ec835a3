import itertools
import struct

import pytest
from django.core.files.base import ContentFile

from live.tests.conftest import LIVE_ROLES, live_world  # noqa: F401  (the fixture, reused)
from recordings.models import Recording
from recordings.storage import recordings_storage

SECRET = "test-recordings-secret-0123456789abcdef"
RECORDING_ROLES = LIVE_ROLES
_paths = itertools.count(1)


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def mp4_bytes(*, seconds: float = 90.5, timescale: int = 1000, version: int = 0, media: bytes = b"\0" * 64) -> bytes:
    """A minimal MP4: ftyp, a moov holding only mvhd, and an mdat of filler."""
    duration = int(seconds * timescale)
    if version == 1:
        mvhd = bytes([1, 0, 0, 0]) + struct.pack(">QQIQ", 0, 0, timescale, duration) + b"\0" * 80
    else:
        mvhd = bytes(4) + struct.pack(">IIII", 0, 0, timescale, duration) + b"\0" * 80
    return box(b"ftyp", b"isom\0\0\0\0isom") + box(b"mdat", media) + box(b"moov", box(b"mvhd", mvhd))


@pytest.fixture
def inbox(tmp_path, settings):
    """Jibri's recordings directory, as the backend sees it."""
    directory = tmp_path / "inbox"
    directory.mkdir()
    settings.RECORDINGS_INBOX_DIR = directory
    return directory


@pytest.fixture
def media(tmp_path, settings):
    """The local recordings storage, in a throw-away directory."""
    directory = tmp_path / "media"
    settings.MEDIA_ROOT = directory
    settings.STORAGES = {
        **settings.STORAGES,
        "recordings": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": directory}},
    }
    settings.RECORDINGS_ACCEL_REDIRECT_PREFIX = ""
    return directory


@pytest.fixture
def jibri_file(inbox):
    """Write a finished recording the way Jibri lays it out: <session id>/<room>_<timestamp>.mp4 + metadata.json."""

    def write(room: str, *, session_id: str = "abcdefghijklmnop", content: bytes | None = None) -> str:
        directory = inbox / session_id
        directory.mkdir(exist_ok=True)
        name = f"{room}_2026-11-25-14-00-00.mp4"
        (directory / name).write_bytes(mp4_bytes() if content is None else content)
        (directory / "metadata.json").write_text(f'{{"meeting_url": "https://meet.example.test/{room}", "participants": []}}')
        return f"{session_id}/{name}"

    return write


@pytest.fixture
def stored_recording(media):
    """A recording already in storage, for a session: ready, published or not."""

    def make(session, *, published: bool = False, status=Recording.Status.READY, content: bytes = b"video") -> Recording:
        recording = Recording.objects.create(session=session, status=status, published=published, source_path=f"x/{next(_paths)}.mp4")
        if status == Recording.Status.READY:
            recording.file = recordings_storage().save(f"recordings/r{recording.pk}.mp4", ContentFile(content))
            recording.size_bytes = len(content)
            recording.save()
        return recording

    return make
