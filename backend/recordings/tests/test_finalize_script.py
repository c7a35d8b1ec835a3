"""jitsi/jibri/finalize.sh against running servers: Django's live server (the real endpoint) and a scripted one."""

import json
import os
import shutil
import socket
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from recordings.models import Recording
from recordings.storage import recordings_storage
from recordings.tests.conftest import SECRET

SCRIPT = Path(__file__).resolve().parents[3] / "jitsi" / "jibri" / "finalize.sh"
ON_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(autouse=True)
def _tools():
    missing = [tool for tool in ("bash", "curl") if shutil.which(tool) is None]
    if missing:
        if ON_CI:
            pytest.fail(f"finalize.sh needs {missing}")
        pytest.skip(f"finalize.sh needs {missing}")


def run_finalize(directory: Path, url: str, secret: str = SECRET, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"STAGECALL_URL", "RECORDINGS_SECRET"}}
    environment = {**clean, "STAGECALL_URL": url, "RECORDINGS_SECRET": secret, "RECORDINGS_RETRY_DELAY": "0", **env}
    return subprocess.run(["bash", str(SCRIPT), str(directory)], capture_output=True, text=True, env=environment, timeout=120)


def test_the_script_is_executable_for_jibri():
    # Jibri's image chmods a non-executable script, which fails on a read-only mount.
    assert os.access(SCRIPT, os.X_OK)


class TestAgainstTheRealEndpoint:
    @pytest.fixture
    def world(self, transactional_db, live_world, media, inbox, jibri_file):
        session = live_world["to_state"]("ended")
        return {"session": session, "path": jibri_file(session.room), "inbox": inbox}

    def test_it_announces_the_file_and_the_backend_stores_it(self, live_server, world):
        result = run_finalize(world["inbox"] / world["path"].split("/")[0], live_server.url)
        assert result.returncode == 0, result.stderr
        recording = Recording.objects.get()
        assert recording.session == world["session"] and recording.source_path == world["path"]
        assert recording.status == "ready"  # tasks run at once in tests
        assert recordings_storage().exists(recording.file)

    def test_running_it_twice_makes_one_recording(self, live_server, world):
        directory = world["inbox"] / world["path"].split("/")[0]
        backup = {p.name: p.read_bytes() for p in directory.iterdir()}
        assert run_finalize(directory, live_server.url).returncode == 0
        directory.mkdir(exist_ok=True)  # the worker freed Jibri's disk: put the file back, as a retry would find it
        for name, content in backup.items():
            (directory / name).write_bytes(content)
        assert run_finalize(directory, live_server.url).returncode == 0
        assert Recording.objects.count() == 1

    def test_a_wrong_secret_is_refused_without_retrying(self, live_server, world):
        result = run_finalize(
            world["inbox"] / world["path"].split("/")[0], live_server.url, secret="wrong" * 8, RECORDINGS_RETRY_DELAY="30"
        )
        assert result.returncode == 1
        assert "refused" in result.stderr and "401" in result.stderr
        assert Recording.objects.count() == 0

    def test_an_unknown_room_is_refused(self, live_server, world):
        directory = world["inbox"] / world["path"].split("/")[0]
        (directory / "metadata.json").write_text(json.dumps({"meeting_url": "https://meet.example.test/" + "f" * 32}))
        result = run_finalize(directory, live_server.url)
        assert result.returncode == 1 and "unknown_room" in result.stderr


class ScriptedServer(BaseHTTPRequestHandler):
    answers: list[int] = []
    seen: list[dict] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).seen.append({"path": self.path, "auth": self.headers["Authorization"], "body": json.loads(body)})
        code = type(self).answers.pop(0)
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"id": 1, "status": "processing"}')

    def log_message(self, *args):
        pass


@pytest.fixture
def scripted():
    ScriptedServer.answers, ScriptedServer.seen = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), ScriptedServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield ScriptedServer, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def recording_dir(tmp_path):
    directory = tmp_path / "recordings" / "sessionid_123"
    directory.mkdir(parents=True)
    (directory / "abc123_2026-11-25-14-00-00.mp4").write_bytes(b"video")
    (directory / "metadata.json").write_text(
        '{"meeting_url":"https://meet.example.test/ABC123#config.iAmRecorder=true","participants":[{"name":"x"}]}'
    )
    return directory


def test_it_posts_room_and_relative_path_with_the_bearer_secret(scripted, recording_dir):
    server, url = scripted
    server.answers = [202]
    result = run_finalize(recording_dir, url + "/")
    assert result.returncode == 0, result.stderr
    assert server.seen == [
        {
            "path": "/api/jitsi/recordings",
            "auth": f"Bearer {SECRET}",
            "body": {"room": "ABC123", "path": "sessionid_123/abc123_2026-11-25-14-00-00.mp4"},
        }
    ]
    assert SECRET not in result.stderr


def test_it_retries_server_errors_then_succeeds(scripted, recording_dir):
    server, url = scripted
    server.answers = [503, 500, 202]
    result = run_finalize(recording_dir, url)
    assert result.returncode == 0, result.stderr
    assert len(server.seen) == 3


def test_it_gives_up_after_the_last_attempt(scripted, recording_dir):
    server, url = scripted
    server.answers = [503, 503, 503]
    assert run_finalize(recording_dir, url, RECORDINGS_RETRIES="3").returncode == 3
    assert len(server.seen) == 3


def test_it_retries_when_nobody_answers(recording_dir):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_finalize(recording_dir, f"http://127.0.0.1:{port}", RECORDINGS_RETRIES="2")
    assert result.returncode == 3
    assert result.stderr.count("no answer") == 2


def test_a_refusal_is_not_retried(scripted, recording_dir):
    server, url = scripted
    server.answers = [400, 202]
    assert run_finalize(recording_dir, url).returncode == 1
    assert len(server.seen) == 1


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: (d / "metadata.json").unlink(), "no metadata.json"),
        (lambda d: (d / "metadata.json").write_text('{"participants":[]}'), "no room name"),
        (lambda d: (d / "metadata.json").write_text('{"meeting_url":"https://meet.example.test/a\\"b"}'), "no room name"),
        (lambda d: (d / "abc123_2026-11-25-14-00-00.mp4").unlink(), "no .mp4"),
    ],
)
def test_a_broken_recording_directory_exits_2_without_calling_the_api(scripted, recording_dir, change, message):
    server, url = scripted
    change(recording_dir)
    result = run_finalize(recording_dir, url)
    assert result.returncode == 2 and message in result.stderr
    assert server.seen == []


def test_it_refuses_to_run_without_its_environment(recording_dir):
    result = subprocess.run(["bash", str(SCRIPT), str(recording_dir)], capture_output=True, text=True, env={"PATH": os.environ["PATH"]})
    assert result.returncode == 2 and "STAGECALL_URL" in result.stderr
