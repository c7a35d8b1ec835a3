"""The OpenAPI schema is complete and warning-free; Swagger UI works offline; errors keep one shape."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

CONTRACT_PATHS = [
    "/api/auth/register/",
    "/api/auth/token/",
    "/api/auth/token/refresh/",
    "/api/auth/logout/",
    "/api/auth/me/",
    "/api/auth/me/registrations/",
    "/api/webinars/",
    "/api/webinars/{id}/",
    "/api/webinars/by-slug/{slug}/",
    "/api/webinars/{id}/publish/",
    "/api/webinars/{id}/cancel/",
    "/api/webinars/{id}/register/",
    "/api/webinars/{id}/unregister/",
    "/api/webinars/{id}/registrations/",
    "/api/webinars/{id}/registrations.csv",
    "/api/webinars/{id}/registrations/{registration_id}/approve/",
    "/api/webinars/{id}/registrations/{registration_id}/reject/",
    "/api/webinars/{id}/registrations/bulk/",
    "/api/webinars/instant/",
    "/api/webinars/{id}/live/start/",
    "/api/webinars/{id}/live/open/",
    "/api/webinars/{id}/live/end/",
    "/api/webinars/{id}/live/join/",
    "/api/webinars/{id}/live/leave/",
    "/api/webinars/{id}/live/participants/",
    "/api/webinars/{id}/attendance/",
    "/api/webinars/{id}/attendance.csv",
    "/api/webinars/{id}/status/",
    "/api/webinars/by-slug/{slug}/status/",
]


def test_schema_generates_without_warnings_and_lists_every_contract_path(tmp_path):
    target = tmp_path / "schema.json"
    call_command("spectacular", "--fail-on-warn", "--format", "openapi-json", "--file", str(target))
    import json

    paths = json.loads(target.read_text())["paths"]
    missing = [path for path in CONTRACT_PATHS if path not in paths]
    assert missing == []


def test_swagger_ui_is_served_without_a_cdn(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html and "cdn.jsdelivr" not in html and "unpkg" not in html


def test_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/no-such-thing/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_method_not_allowed_keeps_the_error_shape(api, make_user):
    response = api.as_(make_user()).put("/api/webinars/", {}, format="json")
    assert response.status_code == 405 and response.json()["code"] == "method_not_allowed"


def test_health(client):
    assert client.get("/api/health/").json() == {"status": "ok"}


def test_the_benchmark_floors_are_not_served_unless_asked_for(client):
    # BENCHMARK_FLOOR=1 mounts them for `make bench` only (benchmarks/floor.py).
    assert client.get("/api/bench/floor/").status_code == 404
    assert client.post("/api/bench/join-round-trips/1/").status_code == 404
    assert client.post("/api/bench/register-round-trips/1/").status_code == 404
