"""Apps depend one way: recordings → live → registrations → webinars → accounts (docs/architecture.md)."""

import ast
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[2]
ABOVE = {
    "accounts": {"webinars", "registrations", "live", "recordings"},
    "webinars": {"registrations", "live", "recordings"},
    "registrations": {"live", "recordings"},
    "live": {"recordings"},
    "integrations": {"accounts", "webinars", "registrations", "live", "recordings"},
}


def _imported_apps(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
    return names


@pytest.mark.parametrize("app", sorted(ABOVE))
def test_an_app_never_imports_the_apps_built_on_it(app):
    offending = {
        str(path.relative_to(BACKEND)): sorted(_imported_apps(path) & ABOVE[app])
        for path in (BACKEND / app).rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts and _imported_apps(path) & ABOVE[app]
    }
    assert offending == {}
