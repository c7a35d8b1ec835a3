"""Run Schemathesis (all checks, every phase) against a running API as one role, and count the result.

Used by `common/tests/test_schemathesis.py` (bounded, in `make test`) and by `make security-report`
(the long run that writes the figures table in docs/security.md).
"""

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

CONFIG_FILE = Path(__file__).resolve().parent.parent / "schemathesis.toml"


@dataclass
class Outcome:
    role: str
    operations: int = 0
    cases: int = 0
    failures: list[str] = field(default_factory=list)
    exit_code: int = 0
    output: str = ""


def run_schemathesis(
    *,
    base_url: str,
    role: str,
    token: str | None,
    max_examples: int,
    report_dir: Path,
    seed: int | None = None,
    max_time: int | None = None,
) -> Outcome:
    """Run `st run <base_url>/api/schema/ --checks all` with every phase; return cases and failures."""
    report_dir.mkdir(parents=True, exist_ok=True)
    report = report_dir / f"schemathesis-{role}.json"
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        f"{base_url}/api/schema/",
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-examples",
        str(max_examples),
        "--workers",
        "1",
        "--no-shrink",
        "--suppress-health-check",
        "all",
        "--report",
        "json",
        "--report-json-path",
        str(report),
        "--output-truncate",
        "true",
    ]
    command[3:3] = ["--config-file", str(CONFIG_FILE)]  # a global option, before `run`
    if seed is not None:
        command += ["--seed", str(seed)]
    if max_time is not None:
        command += ["--max-time", str(max_time)]
    if token:
        command += ["--header", f"Authorization: Bearer {token}"]
    # Our own fixed command line; only the base URL, token and numbers vary.
    process = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)  # noqa: S603
    outcome = Outcome(role=role, exit_code=process.returncode, output=process.stdout + process.stderr)
    if report.is_file():
        _count(outcome, json.loads(report.read_text()))
    return outcome


def _count(outcome: Outcome, report: dict) -> None:
    """Read the JSON run report: operations tested, cases generated, and each kind of failure."""
    outcome.operations = report.get("operations", {}).get("tested", 0)
    outcome.cases = report.get("test_cases", {}).get("generated", 0)
    for failure in report.get("failures", []):
        operations = ", ".join(failure.get("operations", []))
        outcome.failures.append(f"{failure.get('code')} {failure.get('title')} x{failure.get('count')}: {operations}")
