"""Test settings: the production settings (debug off) with test secrets and immediate tasks."""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-" + "s" * 60)
os.environ.setdefault("JITSI_APP_SECRET", "test-jitsi-app-secret-at-least-32-bytes-long")
os.environ.setdefault("JITSI_EVENTS_SECRET", "test-jitsi-events-secret-0123456789abcdef")
os.environ.setdefault("RECORDINGS_SECRET", "test-recordings-secret-0123456789abcdef")
os.environ.setdefault("JITSI_DOMAIN", "meet.example.test")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
# One process: the local-memory cache is shared by every test (`make test-postgres` sets REDIS_URL).
os.environ.setdefault("ALLOW_LOCAL_MEMORY_CACHE", "1")
# Tasks run at once, in the test's process, when the transaction commits.
os.environ["TASKS_BACKEND"] = "immediate"

from config.settings import *  # noqa: E402,F403

# Hashing with the default PBKDF2 costs ~0.3 s per password: too slow for hundreds of test users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
