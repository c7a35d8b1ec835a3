"""`make security-report`: run the security suites long, and write their figures into docs/security.md.

Runs Schemathesis (all checks, every phase) as anonymous, organizer and attendee with many more
examples per operation than `make test`, and a fresh seed; then the suites that probe across users,
tokens, throttles, faults, bad input and headers. The table between the markers in docs/security.md
is replaced with what this run measured, saying when, where and with which command.
"""

import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

BACKEND = Path(__file__).resolve().parent.parent
DOC = BACKEND.parent / "docs" / "security.md"
START, END = "<!-- security-report:start -->", "<!-- security-report:end -->"
ROLES = ("anonymous", "organizer", "attendee")

# What each group of suites tests; files that do not exist (yet) are reported as absent.
GROUPS = [
    (
        "Cross-user probes: every role × action, hidden objects by id",
        [
            "webinars/tests/test_permission_matrix.py",
            "live/tests/test_live_permissions.py",
            "webinars/tests/test_hidden_by_id.py",
        ],
    ),
    (
        "API and room tokens: forged, expired, rotated, blacklisted",
        ["accounts/tests/test_auth_api.py", "integrations/jitsi/tests/test_tokens.py"],
    ),
    ("Throttles", ["*/tests/test_throttl*.py"]),
    (
        "Faults: Redis and the database down or hanging",
        ["*/tests/test_*redis*.py", "*/tests/test_*fault*.py", "*/tests/test_*database*.py"],
    ),
    (
        "Bad input and the one error shape",
        ["common/tests/test_bad_inputs.py", "common/tests/test_error_shape.py", "integrations/jitsi/tests/test_events.py"],
    ),
    ("Security headers (CSP, no-store, nginx)", ["common/tests/test_headers.py"]),
    ("Races (PostgreSQL only; skipped on SQLite)", ["*/tests/test_races.py", "*/tests/test_concurrency.py"]),
]


def _pytest(args: list[str], env: dict | None = None) -> int:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]
    return subprocess.run(command, cwd=BACKEND, env={**os.environ, **(env or {})}, check=False).returncode  # noqa: S603


def _junit_counts(path: Path) -> dict[str, int]:
    counts = {"tests": 0, "failures": 0, "skipped": 0}
    if not path.is_file():
        return counts
    for suite in ET.parse(path).getroot().iter("testsuite"):  # noqa: S314 - our own pytest's report
        counts["tests"] += int(suite.get("tests", 0))
        counts["failures"] += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        counts["skipped"] += int(suite.get("skipped", 0))
    return counts


def main() -> int:
    max_examples = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "50"))
    seed = int(os.environ.get("SCHEMATHESIS_SEED", random.randrange(1, 2**31)))  # noqa: S311 - a test seed
    started = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="stagecall-security-") as tmp:
        tmp_dir = Path(tmp)
        env = {
            "SCHEMATHESIS_MAX_EXAMPLES": str(max_examples),
            "SCHEMATHESIS_SEED": str(seed),
            "SCHEMATHESIS_REPORT_DIR": str(tmp_dir),
        }
        schemathesis_exit = _pytest(["common/tests/test_schemathesis.py"], env)
        roles = {}
        for role in ROLES:
            report = tmp_dir / f"schemathesis-{role}.json"
            data = json.loads(report.read_text()) if report.is_file() else {}
            roles[role] = {
                "operations": data.get("operations", {}).get("tested", 0),
                "cases": data.get("test_cases", {}).get("generated", 0),
                "failures": data.get("test_cases", {}).get("unique_failures", "no report"),
                "seconds": round(data.get("running_time", 0)),
            }
        groups = []
        for title, patterns in GROUPS:
            files = sorted({str(p.relative_to(BACKEND)) for pattern in patterns for p in BACKEND.glob(pattern)})
            if not files:
                groups.append((title, [], None))
                continue
            junit = tmp_dir / f"group-{len(groups)}.xml"
            _pytest([*files, f"--junitxml={junit}"])
            groups.append((title, files, _junit_counts(junit)))

    from django.conf import settings  # the settings the suites ran with (config.settings_test)

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    lines = [
        START,
        f"Measured {started:%Y-%m-%d %H:%M} UTC on `{platform.node()}` ({os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {engine}, {cache}) by `make security-report`: Schemathesis "
        f"{_schemathesis_version()} with `--checks all` and every phase (examples, coverage, fuzzing, stateful), "
        f"at most {max_examples} examples per operation, seed {seed}.",
        "",
        "| Schemathesis role | operations | cases | failures | seconds |",
        "|---|---|---|---|---|",
    ]
    for role, figures in roles.items():
        lines.append(f"| {role} | {figures['operations']} | {figures['cases']} | {figures['failures']} | {figures['seconds']} |")
    lines += ["", "| what is tested | suites | tests | failed | skipped |", "|---|---|---|---|---|"]
    for title, files, counts in groups:
        if counts is None:
            lines.append(f"| {title} | none in this tree | – | – | – |")
        else:
            suites = "<br>".join(f"`{file}`" for file in files)
            lines.append(f"| {title} | {suites} | {counts['tests']} | {counts['failures']} | {counts['skipped']} |")
    lines.append(END)
    _write_table("\n".join(lines))
    print("\n".join(lines))
    failed = schemathesis_exit != 0 or any(counts and counts["failures"] for _, _, counts in groups)
    return 1 if failed else 0


def _schemathesis_version() -> str:
    from importlib.metadata import version

    return version("schemathesis")


def _write_table(table: str) -> None:
    text = DOC.read_text()
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + table + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n## Figures\n\n" + table + "\n"
    DOC.write_text(text)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
    sys.path.insert(0, str(BACKEND))
    import django

    django.setup()
    sys.exit(main())
