"""Start-up refuses unsafe production settings; the documented production settings pass check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "p" * 20 + "-production-like-secret-key-for-the-check-" + "q" * 20,
    "JITSI_APP_SECRET": "a-production-like-jitsi-secret-of-40-bytes!",
    "JITSI_EVENTS_SECRET": "a-production-like-events-secret-0123456789",
    "ALLOWED_HOSTS": "webinars.example.com",
    "DJANGO_BEHIND_PROXY": "1",
    "REDIS_URL": "redis://127.0.0.1:6379/0",  # check does not connect
}


def manage(*args, **env_overrides):
    inherited = ("DJANGO_", "JITSI_", "RECORDINGS_", "MEDIA_ROOT", "DATABASE_URL", "REDIS_URL", "ALLOW_LOCAL_MEMORY_CACHE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(inherited)}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings"} | PRODUCTION | env_overrides
    env = {k: v for k, v in env.items() if v is not None}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=BACKEND, env=env, capture_output=True, text=True, timeout=120)


def test_documented_production_settings_pass_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"DJANGO_SECRET_KEY": None}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "short"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "django-insecure-stagecall-development-key-do-not-use-in-production"}, "DJANGO_SECRET_KEY"),
        ({"JITSI_APP_SECRET": None}, "JITSI_APP_SECRET"),
        ({"JITSI_APP_SECRET": "too-short"}, "JITSI_APP_SECRET"),
        ({"JITSI_APP_SECRET": "stagecall-development-jitsi-secret-do-not-use-in-production"}, "JITSI_APP_SECRET"),
        ({"JITSI_SUBJECT": "*"}, "JITSI_SUBJECT"),
        ({"DJANGO_DEBUG": "maybe"}, "DJANGO_DEBUG"),
        ({"JITSI_TOKEN_TTL": "soon"}, "JITSI_TOKEN_TTL"),
        ({"TASKS_BACKEND": "celery"}, "TASKS_BACKEND"),
        ({"REMINDER_OFFSETS_MINUTES": "1440,-15"}, "REMINDER_OFFSETS_MINUTES"),
        ({"REMINDER_OFFSETS_MINUTES": "15,015"}, "REMINDER_OFFSETS_MINUTES"),
        ({"NOTIFY_BATCH_SIZE": "0"}, "NOTIFY_BATCH_SIZE"),
        # Each worker process would have its own cache: invalidations would reach one of them only.
        ({"REDIS_URL": None}, "REDIS_URL"),
        ({"RECORDINGS_SECRET": "too-short"}, "RECORDINGS_SECRET"),
        ({"RECORDINGS_SECRET": "a-production-like-events-secret-0123456789"}, "RECORDINGS_SECRET"),  # = JITSI_EVENTS_SECRET
        ({"RECORDINGS_RETENTION_DAYS": "-1"}, "RECORDINGS_RETENTION_DAYS"),
        ({"RECORDINGS_STORAGE": "ftp"}, "RECORDINGS_STORAGE"),
        ({"RECORDINGS_LINK_TTL": "forever"}, "RECORDINGS_LINK_TTL"),
    ],
)
def test_start_up_refuses_unsafe_or_malformed_settings(overrides, message):
    result = manage("check", **overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_debug_mode_starts_with_development_defaults():
    result = manage("check", DJANGO_DEBUG="1", DJANGO_SECRET_KEY=None, JITSI_APP_SECRET=None)
    assert result.returncode == 0, result.stderr


def test_check_deploy_fails_on_a_per_process_cache_even_when_start_up_was_told_to_allow_it():
    result = manage("check", "--deploy", REDIS_URL=None, ALLOW_LOCAL_MEMORY_CACHE="1")
    assert result.returncode != 0
    assert "common.E001" in result.stderr and "REDIS_URL" in result.stderr


def _num_proxies(**env):
    result = manage("shell", "-c", "from django.conf import settings; print(settings.REST_FRAMEWORK['NUM_PROXIES'])", **env)
    return result.returncode, result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "", result.stderr


@pytest.mark.parametrize("value, expected", [(None, "0"), ("0", "0"), ("1", "1"), ("2", "2")])
def test_the_trusted_proxy_count_becomes_drfs_num_proxies(value, expected):
    returncode, out, err = _num_proxies(TRUSTED_PROXY_COUNT=value)
    assert returncode == 0, err
    assert out == expected


@pytest.mark.parametrize("overrides", [{"TRUSTED_PROXY_COUNT": "-1"}, {"TRUSTED_PROXY_COUNT": "one"}, {"THROTTLE_JOIN_RATE": "lots"}])
def test_start_up_refuses_a_malformed_proxy_count_or_rate(overrides):
    result = manage("check", **overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and next(iter(overrides)) in result.stderr


def _database_options(**env):
    code = "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS'))"
    result = manage("shell", "-c", code, **env)
    return result.returncode, result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "", result.stderr


def test_postgresql_gets_a_connect_and_a_statement_timeout():
    returncode, out, err = _database_options(DATABASE_URL="postgres://u:p@db:5432/x", DATABASE_STATEMENT_TIMEOUT_MS="7000")
    assert returncode == 0, err
    assert "'connect_timeout': 5" in out and "-c statement_timeout=7000" in out


@pytest.mark.parametrize("name", ["DATABASE_CONNECT_TIMEOUT", "DATABASE_STATEMENT_TIMEOUT_MS"])
def test_start_up_refuses_a_malformed_database_timeout(name):
    result = manage("check", DATABASE_URL="postgres://u:p@db:5432/x", **{name: "forever"})
    assert result.returncode != 0 and name in result.stderr
