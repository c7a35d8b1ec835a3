"""Security headers: a Content-Security-Policy that lets in exactly the Jitsi embed; token answers never stored."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part}


def test_app_pages_carry_a_csp_that_allows_exactly_the_jitsi_embed(client, tmp_path, settings):
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    settings.FRONTEND_DIST = tmp_path
    response = client.get("/dashboard")
    assert response.status_code == 200
    csp = _directives(response)
    jitsi = f"https://{settings.JITSI_DOMAIN}"
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'", jitsi]
    assert csp["frame-src"] == [jitsi]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"] and csp["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]


def test_api_answers_carry_the_policy_too(client):
    assert "default-src 'self'" in client.get("/api/health/")["Content-Security-Policy"]


def test_the_api_docs_page_runs_under_the_policy(client):
    """Swagger UI's inline start-up script would be blocked: the page loads it from a URL instead."""
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html.replace(" ", "")


def test_other_security_headers(client):
    response = client.get("/api/health/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_token_answers_are_never_stored(api, make_user):
    user = make_user()
    response = api.post("/api/auth/token/", {"username": user.username, "password": "a-long-test-password"}, format="json")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    refreshed = api.post("/api/auth/token/refresh/", {"refresh": response.json()["refresh"]}, format="json")
    assert refreshed.status_code == 200
    assert "no-store" in refreshed["Cache-Control"]


def test_refused_token_answers_are_not_stored_either(api):
    response = api.post("/api/auth/token/", {"username": "nobody", "password": "wrong-password"}, format="json")
    assert response.status_code == 401 and "no-store" in response["Cache-Control"]


def test_the_public_status_keeps_its_short_public_cache(api, make_webinar):
    webinar = make_webinar()
    response = api.get(f"/api/webinars/by-slug/{webinar.slug}/status/")
    assert response.status_code == 200
    assert response["Cache-Control"] == f"public, max-age={settings.STATUS_MAX_AGE}"


def _policy(text: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in text.split(";")) if part}


def test_the_compose_nginx_sends_the_same_headers_on_what_it_serves(client, settings):
    """frontend/nginx.conf serves the app shell and bundles itself: the same policy and headers as Django's."""
    conf = (settings.REPO_DIR / "frontend" / "nginx.conf").read_text().replace("${JITSI_DOMAIN}", settings.JITSI_DOMAIN)
    django = client.get("/api/health/")
    for location in ("location / {", "location = /index.html {", "location /assets/ {"):
        block = conf.split(location, 1)[1].split("}", 1)[0]
        headers = {}
        for line in block.splitlines():
            if line.strip().startswith("add_header "):
                name, value = line.strip().removeprefix("add_header ").split(" ", 1)
                headers[name] = value
        security = {}
        for name in (
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "X-Frame-Options",
            "Referrer-Policy",
            "Cross-Origin-Opener-Policy",
        ):
            assert headers[name].endswith('" always;'), (location, name)  # on error answers too
            security[name] = headers[name].removesuffix(" always;").strip('"')
        assert _policy(security.pop("Content-Security-Policy")) == _policy(django["Content-Security-Policy"]), location
        assert security == {name: django[name] for name in security}, location
