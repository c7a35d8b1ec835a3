"""`make run` as a person runs it: links follow HOST and PORT, and an unchanged frontend is not rebuilt."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def dry_run(*args: str) -> str:
    """What `make run` would do (-n: print, run nothing)."""
    return subprocess.run(["make", "-n", "run", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_links_follow_the_port_people_open():
    assert "FRONTEND_URL=http://127.0.0.1:8017" in dry_run("PORT=8017")
    assert "FRONTEND_URL=http://0.0.0.0:8000" in dry_run("HOST=0.0.0.0")


def test_an_explicit_frontend_url_wins():
    assert "FRONTEND_URL=https://webinars.example.com" in dry_run("PORT=8017", "FRONTEND_URL=https://webinars.example.com")


def test_npm_runs_only_when_the_lockfile_or_the_sources_changed():
    built = ["--assume-old=frontend/node_modules/.package-lock.json", "--assume-old=frontend/dist/index.html"]
    unchanged = dry_run(*built)
    assert "npm ci" not in unchanged and "npm run build" not in unchanged
    assert "npm ci" in dry_run("--assume-new=frontend/package-lock.json")
    assert "npm run build" in dry_run("--assume-old=frontend/node_modules/.package-lock.json", "--assume-new=frontend/src/main.tsx")
