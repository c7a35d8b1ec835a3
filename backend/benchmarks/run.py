"""Measure the hot endpoints in-process (Django test client, no network): `make benchmark`.

The figures go into docs/benchmarks.md. Targets (p95 on the 2-core CI machine):
public status from cache < 5 ms, 304 revalidation < 5 ms, join (token issued) < 30 ms,
registration < 50 ms. Uses a throw-away SQLite database unless DATABASE_URL is set.
"""

import logging
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BACKEND))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from datetime import timedelta  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from rest_framework_simplejwt.tokens import AccessToken  # noqa: E402

from accounts.models import User  # noqa: E402
from live.services import live_session_start  # noqa: E402
from registrations.services import registration_create  # noqa: E402
from webinars.models import Webinar  # noqa: E402

TARGETS_MS = {"status (cached)": 5, "status 304": 5, "join": 30, "register": 50}


def measure(name, request, n):
    timings = []
    for _ in range(n):
        start = time.perf_counter()
        response = request()
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 201, 304), (name, response.status_code, response.content[:200])
    timings.sort()
    p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95) - 1]
    verdict = "ok" if p95 <= TARGETS_MS[name] else "OVER TARGET"
    print(f"| {name} | {n} | {p50:.2f} | {p95:.2f} | {1000 / statistics.mean(timings):.0f} | {TARGETS_MS[name]} | {verdict} |")
    return p95 <= TARGETS_MS[name]


def main():
    logging.getLogger("django_tasks").setLevel(logging.WARNING)  # one line per email otherwise
    warnings.filterwarnings("ignore", message="No directory at")
    call_command("migrate", verbosity=0)
    host = User.objects.create(username="bench-host")
    now = timezone.now()
    webinar = Webinar.objects.create(
        title="Bench", organizer=host, status="scheduled", starts_at=now, ends_at=now + timedelta(hours=1), capacity=None
    )
    attendees = [User.objects.create(username=f"bench-{i}") for i in range(600)]
    for user in attendees[:100]:
        registration_create(webinar=webinar, user=user)
    live_session_start(webinar=webinar, by=host)
    anonymous = Client()
    status_url = f"/api/webinars/by-slug/{webinar.slug}/status/"
    etag = anonymous.get(status_url)["ETag"]
    tokens = [f"Bearer {AccessToken.for_user(u)}" for u in attendees]
    joiner = iter(tokens[:100] * 3)
    registrant = iter(zip(attendees[100:], tokens[100:], strict=True))

    def register():
        user, token = next(registrant)
        return Client().post(f"/api/webinars/{webinar.pk}/register/", HTTP_AUTHORIZATION=token)

    print(f"database: {connection.vendor}; machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    print("| endpoint | requests | p50 ms | p95 ms | req/s (one client) | target p95 ms | |")
    print("|---|---|---|---|---|---|---|")
    results = [
        measure("status (cached)", lambda: anonymous.get(status_url), 2000),
        measure("status 304", lambda: anonymous.get(status_url, HTTP_IF_NONE_MATCH=etag), 2000),
        measure("join", lambda: Client().post(f"/api/webinars/{webinar.pk}/live/join/", HTTP_AUTHORIZATION=next(joiner)), 300),
        measure("register", register, 400),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
