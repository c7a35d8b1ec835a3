"""`make bench`: the Go-Live rush over HTTP, against the production configuration, as ratios to the floor.

gunicorn (gthread) + PostgreSQL + Redis with debug off, loaded by wrk on loopback. Every scenario is
divided by the floor (a bare DRF view, benchmarks/floor.py) measured by the same server in the same
round; rounds interleave the scenarios, since the machine is shared. Prints one table and writes JSON.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]
LUA = Path(__file__).with_name("bench.lua")
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "stagecall_bench"
ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DATABASE_URL": f"{POSTGRES}/{DATABASE}",
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "bench-" + "k" * 60,
    "JITSI_APP_SECRET": "bench-jitsi-app-secret-at-least-32-bytes",
    "JITSI_EVENTS_SECRET": "bench-jitsi-events-secret-0123456789",
    "JITSI_DOMAIN": "meet.example.test",
    "ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "TASKS_BACKEND": "database",  # emails are enqueued (a row), as in production
    "BENCHMARK_FLOOR": "1",
    "API_ACCESS_TOKEN_MINUTES": "600",
    "LOG_LEVEL": "WARNING",
}
os.environ.update(ENV)
sys.path.insert(0, str(BACKEND))


def _reset_database() -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DATABASE}")


def _users(prefix: str, count: int):
    from accounts.models import User

    users = [
        User(username=f"{prefix}{i}", email=f"{prefix}{i}@bench.test", display_name=f"{prefix} {i}", password="!") for i in range(count)
    ]
    return User.objects.bulk_create(users, batch_size=5000)


def _tokens(users, path: Path) -> Path:
    from rest_framework_simplejwt.tokens import AccessToken

    path.write_text("\n".join(str(AccessToken.for_user(user)) for user in users) + "\n")
    return path


def _webinar(organizer, *, title: str, capacity=None, starts_in=timedelta(days=1)):
    from django.utils import timezone

    from webinars.models import Webinar

    starts_at = timezone.now() + starts_in
    return Webinar.objects.create(
        organizer=organizer, title=title, starts_at=starts_at, ends_at=starts_at + timedelta(hours=1), capacity=capacity, status="scheduled"
    )


def seed(workdir: Path, *, attendees: int, burst_users: int, rounds: int) -> dict:
    """A fresh database: many webinars, one live with `attendees` approved, one register-burst webinar per round."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    from live.services import live_session_start
    from registrations.models import Registration
    from webinars.models import Webinar

    call_command("migrate", verbosity=0)
    cache.clear()
    [organizer] = _users("organizer", 1)
    for i in range(200):
        _webinar(organizer, title=f"Listed webinar {i}", starts_in=timedelta(days=1 + i))
    live = _webinar(organizer, title="The live one", starts_in=timedelta(minutes=-1))
    people = _users("attendee", attendees)
    Registration.objects.bulk_create([Registration(webinar=live, user=u, status="approved") for u in people], batch_size=5000)
    live_session_start(webinar=live, by=organizer)
    burst = []
    for r in range(rounds):
        users = _users(f"burst{r}_", burst_users)
        webinar = _webinar(organizer, title=f"Register burst {r}", capacity=burst_users // 4)
        # The same people register for a twin through the round-trip floor (benchmarks/floor.py).
        twin = _webinar(organizer, title=f"Register floor {r}", capacity=burst_users // 4)
        tokens = str(_tokens(users, workdir / f"burst{r}.txt"))
        burst.append({"id": webinar.pk, "twin": twin.pk, "tokens": tokens, "capacity": webinar.capacity})
    return {
        "live": {"id": live.pk, "slug": live.slug, "tokens": str(_tokens(people, workdir / "attendees.txt"))},
        "burst": burst,
        "webinars": Webinar.objects.count(),
    }


def grow_registrations(live_id: int, total: int) -> int:
    """Bring the live webinar to `total` approved registrations (for the 100,000 case)."""
    from registrations.models import Registration

    have = Registration.objects.filter(webinar_id=live_id).count()
    people = _users("crowd", total - have)
    Registration.objects.bulk_create([Registration(webinar_id=live_id, user=u, status="approved") for u in people], batch_size=5000)
    return Registration.objects.filter(webinar_id=live_id).count()


class Server:
    def __init__(self, port: int, workers: int, threads: int, connections: int, worker_class: str = "gthread"):
        self.url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "gunicorn", "config.wsgi:application", "-k", worker_class, "-w", str(workers)]
        command += ["--threads", str(threads), "-b", f"127.0.0.1:{port}", "--log-level", "warning"]
        # wrk opens all its keep-alive connections at once, and the first worker to wake may accept
        # every one of them: that run measures one core (seen: 32 of 32 on one worker, half the
        # throughput, at random in one run of three). Production traffic reaches gunicorn through
        # nginx, one connection per request, which spreads by itself. Capping each worker at its
        # share makes wrk's connections split evenly, for the floor and every scenario alike.
        command += ["--worker-connections", str(-(-connections // workers))]
        self.process = subprocess.Popen(command, cwd=BACKEND, env=os.environ.copy())
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{self.url}/api/bench/floor/", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def worker_rss_kib(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        rss = []
        for pid in children:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss.append(int(line.split()[1]))
        return rss

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(server: Server, *, path: str, seconds: int, connections: int, method="GET", tokens=None, etag=None) -> dict:
    env = os.environ | {"BENCH_PATH": path, "BENCH_METHOD": method, "BENCH_THREADS": "2"}
    env |= {"BENCH_TOKENS": tokens} if tokens else {}
    env |= {"BENCH_ETAG": etag} if etag else {}
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(LUA), server.url]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    [line] = [line for line in output.splitlines() if line.startswith("BENCH-RESULT ")]
    result = json.loads(line.removeprefix("BENCH-RESULT "))
    result["rps"] = result["requests"] / result["seconds"]
    return result


def _etag(server: Server, path: str) -> str:
    return urllib.request.urlopen(server.url + path).headers["ETag"]


def _approved(webinar_id: int) -> int:
    from registrations.models import Registration

    return Registration.objects.filter(webinar_id=webinar_id, status="approved").count()


def run_phase(server: Server, data: dict, *, rounds: int, seconds: int, connections: int, with_register: bool) -> dict:
    live = data["live"]
    status_path = f"/api/webinars/by-slug/{live['slug']}/status/"
    join_path = f"/api/webinars/{live['id']}/live/join/"
    results: dict[str, list[dict]] = {}
    rss = []
    for r in range(rounds):
        scenarios = {
            "floor": dict(path="/api/bench/floor/"),
            "status 200": dict(path=status_path),
            "status 304": dict(path=status_path, etag=_etag(server, status_path)),
            "join": dict(path=join_path, method="POST", tokens=live["tokens"]),
            "join round trips": dict(path=f"/api/bench/join-round-trips/{live['id']}/", method="POST", tokens=live["tokens"]),
        }
        if with_register:
            burst = data["burst"][r]
            scenarios["register burst"] = dict(path=f"/api/webinars/{burst['id']}/register/", method="POST", tokens=burst["tokens"])
            scenarios["register round trips"] = dict(
                path=f"/api/bench/register-round-trips/{burst['twin']}/", method="POST", tokens=burst["tokens"]
            )
        for name, options in scenarios.items():
            result = wrk(server, seconds=seconds, connections=connections, **options)
            if name.startswith("register"):
                webinar_id = burst["id"] if name == "register burst" else burst["twin"]
                result["approved"], result["capacity"] = _approved(webinar_id), burst["capacity"]
            results.setdefault(name, []).append(result)
        rss.append(server.worker_rss_kib())
        floor = results["floor"][-1]["rps"]
        print(f"  round {r + 1}: " + ", ".join(f"{n} {v[-1]['rps']:.0f}/s ({v[-1]['rps'] / floor:.2f}x)" for n, v in results.items()))
    return {"scenarios": results, "worker_rss_kib": rss}


def summarize(phase: dict) -> dict:
    scenarios = phase["scenarios"]
    floors = [r["rps"] for r in scenarios["floor"]]
    summary = {}
    for name, runs in scenarios.items():
        ratios = [run["rps"] / floor for run, floor in zip(runs, floors, strict=True)]
        summary[name] = {
            "rps": statistics.median(r["rps"] for r in runs),
            "ratio": statistics.median(ratios),
            "p50_ms": statistics.median(r["p50_ms"] for r in runs),
            "p99_ms": statistics.median(r["p99_ms"] for r in runs),
            "statuses": [r["statuses"] for r in runs],
        }
        if name.startswith("register"):
            summary[name]["overbooked"] = sum(max(0, r["approved"] - r["capacity"]) for r in runs)
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"])
    parser.add_argument("--attendees", type=int, default=2000)
    parser.add_argument("--crowd", type=int, default=100_000, help="registrations for the large case")
    parser.add_argument("--burst-users", type=int, default=4000)
    parser.add_argument("--json", default=str(BACKEND / "benchmarks" / "results" / "latest.json"))
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    _reset_database()
    workdir = Path(tempfile.mkdtemp(prefix="stagecall-bench-"))
    data = seed(workdir, attendees=args.attendees, burst_users=args.burst_users, rounds=args.rounds)
    options = dict(rounds=args.rounds, seconds=args.seconds, connections=args.connections)

    def phase(registrations: int, *, with_register: bool) -> dict:
        server = Server(8765, args.workers, args.threads, args.connections, args.worker_class)  # fresh per phase: memory is per phase
        try:
            print(f"{registrations} registrations:")
            return run_phase(server, data, with_register=with_register, **options)
        finally:
            server.stop()

    small = phase(args.attendees, with_register=True)
    registrations = grow_registrations(data["live"]["id"], args.crowd)
    large = phase(registrations, with_register=False)

    report = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "config": vars(args) | {"server": f"gunicorn {args.worker_class} {args.workers}x{args.threads}", "webinars": data["webinars"]},
        "small": summarize(small) | {"worker_rss_kib": small["worker_rss_kib"]},
        "large": summarize(large) | {"worker_rss_kib": large["worker_rss_kib"], "registrations": registrations},
    }
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n")

    print("\n| scenario | req/s | x floor | p50 ms | p99 ms |\n|---|---|---|---|---|")
    for label, phase in ((f"{args.attendees}", report["small"]), (f"{registrations}", report["large"])):
        for name, row in phase.items():
            if isinstance(row, dict) and "rps" in row:
                print(f"| {name} ({label} reg.) | {row['rps']:.0f} | {row['ratio']:.2f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} |")
    rss = report["small"]["worker_rss_kib"]
    print(f"\nworker RSS after each round (KiB): {rss}; growth first→last round: {[b - a for a, b in zip(rss[0], rss[-1], strict=True)]}")
    print(f"register burst overbooked seats: {report['small']['register burst']['overbooked']}")
    print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
