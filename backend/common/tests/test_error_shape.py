"""Every /api/ answer that is an error carries the one JSON shape {code, detail, fields?}, whoever produced it."""

import json

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def assert_error_shape(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert set(body) <= {"code", "detail", "fields"} and {"code", "detail"} <= set(body), body
    if code:
        assert body["code"] == code, body
    return body


def test_a_body_over_the_upload_limit_is_a_json_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    payload = json.dumps({"username": "x" * 2000, "password": "y"})
    response = client.post("/api/auth/token/", payload, content_type="application/json")
    assert_error_shape(response, 413, "payload_too_large")


def test_a_form_body_over_the_upload_limit_is_a_json_413_too(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post("/api/auth/token/", {"username": "x" * 2000, "password": "y"})
    assert_error_shape(response, 413, "payload_too_large")


def test_a_bad_host_header_is_a_json_400(client):
    response = client.get("/api/health/", HTTP_HOST="evil.example")
    assert_error_shape(response, 400, "bad_request")


@override_settings(DEBUG=True)
def test_an_unknown_api_path_is_a_json_404_with_debug_on(client):
    response = client.get("/api/no-such-thing/")
    assert_error_shape(response, 404, "not_found")


@override_settings(DEBUG=True)
def test_an_unknown_api_path_without_its_slash_is_a_json_404_with_debug_on(client):
    response = client.post("/api/no-such-thing", {}, content_type="application/json")
    assert_error_shape(response, 404, "not_found")


@pytest.mark.parametrize("page", ["-1", "0", "abc", "1.5", ""])
def test_a_malformed_page_is_a_400_naming_page(client, page):
    body = assert_error_shape(client.get("/api/webinars/", {"page": page}), 400, "validation_error")
    assert list(body["fields"]) == ["page"]


def test_a_page_past_the_last_is_a_404_in_the_error_shape(client):
    assert_error_shape(client.get("/api/webinars/", {"page": "99"}), 404, "not_found")


def test_the_first_page_and_last_page_still_work(client):
    assert client.get("/api/webinars/", {"page": "1"}).status_code == 200
    assert client.get("/api/webinars/", {"page": "last"}).status_code == 200


def test_a_csrf_refusal_on_the_api_is_in_the_error_shape(make_user):
    """The admin's session login needs CSRF; the API never does, but any HTML refusal under /api/ is reshaped."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/auth/token/", {"username": "a", "password": "b"})
    # DRF views are CSRF-exempt: the answer is the API's own (a 400 or 401 in the shape), never Django's HTML page.
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("host", ["4344402701020850814976", "0", "1.5"])
def test_an_id_filter_outside_whole_numbers_the_database_stores_is_a_400_naming_it(client, host):
    body = assert_error_shape(client.get("/api/webinars/", {"host": host}), 400, "validation_error")
    assert list(body["fields"]) == ["host"]
