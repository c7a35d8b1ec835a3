"""`manage.py jitsi_check` against local stand-ins: an HTTPS server with a self-signed certificate that
serves a stand-in external_api.js, and the live event endpoint served by Django's test server."""

import datetime
import ipaddress
import json
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from live.models import AttendanceInterval, LiveSession

EXTERNAL_API_JS = (
    b"(function(){ function JitsiMeetExternalAPI(domain, options) {} window.JitsiMeetExternalAPI = JitsiMeetExternalAPI; })();"
)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A throw-away CA-less certificate for localhost/127.0.0.1: only trusted when given as the CA bundle."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    directory = tmp_path_factory.mktemp("tls")
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_file, key_file


class StandIn:
    """What the stand-in Jitsi web server answers for /external_api.js."""

    status, content_type, body = 200, "application/javascript", EXTERNAL_API_JS


@pytest.fixture
def jitsi_web(certificate, settings):
    answer = StandIn()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            found = self.path == "/external_api.js"
            self.send_response(answer.status if found else 404)
            self.send_header("Content-Type", answer.content_type if found else "text/html")
            body = answer.body if found else b"<html>not found</html>"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):  # noqa: N802
            # As a TLS proxy that sends plain HTTP to HTTPS would: Prosody does not follow it.
            self.send_response(301)
            self.send_header("Location", "https://elsewhere.example" + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.JITSI_DOMAIN = f"localhost:{server.server_address[1]}"
    yield answer
    server.shutdown()
    server.server_close()


def prosody_env(tmp_path, settings, **overrides):
    """The Prosody side, as `docker compose exec -T prosody env` prints it (compose wires these)."""
    values = {
        "PUBLIC_URL": f"https://{settings.JITSI_DOMAIN}",
        "ENABLE_AUTH": "1",
        "AUTH_TYPE": "jwt",
        "JWT_APP_ID": settings.JITSI_APP_ID,
        "JWT_APP_SECRET": settings.JITSI_APP_SECRET,
        "JWT_ACCEPTED_ISSUERS": settings.JITSI_APP_ID,
        "JWT_ACCEPTED_AUDIENCES": settings.JITSI_AUDIENCE,
        "JWT_ALLOW_EMPTY": "0",
        "ENABLE_GUESTS": "0",
        "ENABLE_LOBBY": "0",
        "XMPP_DOMAIN": settings.JITSI_SUBJECT,
        "XMPP_MUC_MODULES": "token_affiliation",
        "JITSI_EVENTS_SECRET": settings.JITSI_EVENTS_SECRET,
        "JITSI_EVENTS_API_PREFIX": settings.JITSI_EVENTS_API_PREFIX,
        "HOME": "/",
    } | overrides
    path = tmp_path / "prosody.env"
    path.write_text("".join(f"{key}={value}\n" for key, value in values.items() if value is not None))
    return path


def run_check(*args):
    """Run the command; return (exit code, output)."""
    from io import StringIO

    out = StringIO()
    try:
        call_command("jitsi_check", *args, stdout=out, stderr=out)
    except CommandError as error:
        return error.returncode, out.getvalue() + str(error)
    return 0, out.getvalue()


def lines(output, status):
    return [line for line in output.splitlines() if line.startswith(status)]


@pytest.fixture
def events(live_server, settings):
    settings.JITSI_EVENTS_API_PREFIX = f"{live_server.url}/api/jitsi"


@pytest.mark.django_db(transaction=True)
def test_a_matching_deployment_passes_every_check(jitsi_web, certificate, events, tmp_path, settings):
    code, output = run_check("--ca-bundle", str(certificate[0]), "--jitsi-env", str(prosody_env(tmp_path, settings)))
    assert code == 0, output
    assert not lines(output, "FAIL") and not lines(output, "SKIP")
    for check in ("external_api.js", "JWT_APP_ID", "JWT_APP_SECRET", "JWT_ACCEPTED_AUDIENCES", "JITSI_EVENTS_SECRET", "self-test"):
        assert any(check in line for line in lines(output, "PASS")), (check, output)
    # Secrets are compared, never printed.
    for secret in (settings.JITSI_APP_SECRET, settings.JITSI_EVENTS_SECRET):
        assert secret not in output
    assert not AttendanceInterval.objects.exists() and not LiveSession.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "status, content_type, body, reason",
    [
        (200, "text/html", b"<html>login</html>", "not JavaScript"),
        (200, "application/javascript", b"console.log('hello')", "JitsiMeetExternalAPI"),
        (502, "text/html", b"bad gateway", "502"),
    ],
)
def test_a_missing_or_wrong_external_api_fails(jitsi_web, certificate, events, tmp_path, settings, status, content_type, body, reason):
    jitsi_web.status, jitsi_web.content_type, jitsi_web.body = status, content_type, body
    code, output = run_check("--ca-bundle", str(certificate[0]), "--jitsi-env", str(prosody_env(tmp_path, settings)))
    assert code != 0
    [failure] = lines(output, "FAIL")
    assert "external_api.js" in failure and reason in failure


@pytest.mark.django_db(transaction=True)
def test_an_untrusted_certificate_fails_unless_its_ca_bundle_is_given(jitsi_web, events, tmp_path, settings):
    code, output = run_check("--jitsi-env", str(prosody_env(tmp_path, settings)))
    assert code != 0
    [failure] = lines(output, "FAIL")
    assert "external_api.js" in failure and "certificate" in failure.lower()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "overrides, failing",
    [
        ({"JWT_APP_ID": "someone-else", "JWT_ACCEPTED_ISSUERS": "someone-else"}, ["JWT_APP_ID", "JWT_ACCEPTED_ISSUERS"]),
        ({"JWT_APP_SECRET": "another-secret-that-is-long-enough-000"}, ["JWT_APP_SECRET", "probe-room token"]),
        ({"JWT_ACCEPTED_AUDIENCES": "other-audience"}, ["JWT_ACCEPTED_AUDIENCES"]),
        ({"JWT_ENABLE_DOMAIN_VERIFICATION": "true", "XMPP_DOMAIN": "other.domain"}, ["XMPP_DOMAIN"]),
        ({"PUBLIC_URL": "https://elsewhere.example"}, ["PUBLIC_URL"]),
        ({"ENABLE_LOBBY": "1", "XMPP_MUC_MODULES": ""}, ["ENABLE_LOBBY", "XMPP_MUC_MODULES"]),
        ({"JITSI_EVENTS_SECRET": "a-different-events-secret-0123456789"}, ["JITSI_EVENTS_SECRET", "self-test"]),
    ],
)
def test_each_setting_that_differs_between_the_two_sides_fails_by_name(
    jitsi_web, certificate, events, tmp_path, settings, overrides, failing
):
    code, output = run_check("--ca-bundle", str(certificate[0]), "--jitsi-env", str(prosody_env(tmp_path, settings, **overrides)))
    assert code != 0
    failures = lines(output, "FAIL")
    for name in failing:
        assert any(name in line for line in failures), (name, output)
    assert len(failures) == len(failing), output
    assert "another-secret" not in output and "a-different-events-secret" not in output


@pytest.mark.django_db(transaction=True)
def test_an_events_url_that_does_not_reach_the_endpoint_fails(jitsi_web, certificate, events, tmp_path, settings):
    settings.JITSI_EVENTS_API_PREFIX = settings.JITSI_EVENTS_API_PREFIX.replace("/api/jitsi", "/api/elsewhere")
    code, output = run_check("--ca-bundle", str(certificate[0]), "--jitsi-env", str(prosody_env(tmp_path, settings)))
    assert code != 0
    assert any("self-test" in line and "404" in line for line in lines(output, "FAIL")), output


@pytest.mark.django_db(transaction=True)
def test_an_events_url_that_redirects_fails_because_prosody_follows_no_redirects(jitsi_web, certificate, tmp_path, settings):
    settings.JITSI_EVENTS_API_PREFIX = f"https://{settings.JITSI_DOMAIN}/api/jitsi"
    code, output = run_check("--ca-bundle", str(certificate[0]), "--jitsi-env", str(prosody_env(tmp_path, settings)))
    assert code != 0
    assert any("self-test" in line and "redirect" in line for line in lines(output, "FAIL")), output


@pytest.mark.django_db(transaction=True)
def test_without_the_jitsi_side_the_comparisons_are_skipped_not_passed(jitsi_web, certificate, events):
    code, output = run_check("--ca-bundle", str(certificate[0]))
    assert code == 0, output
    assert any("JWT_APP_ID" in line for line in lines(output, "SKIP"))
    assert any("self-test" in line for line in lines(output, "PASS"))


@pytest.mark.django_db(transaction=True)
def test_an_rs256_token_is_checked_with_the_public_half_of_the_key(jitsi_web, certificate, events, tmp_path, settings):
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = tmp_path / "jitsi.pem"
    pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    settings.JITSI_TOKEN_ALGORITHM, settings.JITSI_PRIVATE_KEY_FILE, settings.JITSI_KEY_ID = "RS256", str(pem), "stagecall/key-1"
    code, output = run_check("--ca-bundle", str(certificate[0]), "--jitsi-env", str(prosody_env(tmp_path, settings)))
    assert code == 0, output
    assert any("probe-room token: RS256" in line for line in lines(output, "PASS"))
    assert "JWT_APP_SECRET" not in output  # no shared secret to compare with RS256
    assert "public half" in output


def test_an_unreadable_jitsi_env_is_a_clear_error(tmp_path):
    code, output = run_check("--jitsi-env", str(tmp_path / "missing.env"))
    assert code == 1 and "--jitsi-env" in output and "Traceback" not in output


class TestSelfTestEndpoint:
    """POST /api/jitsi/events/self-test: the same bearer check as every event, and nothing written."""

    def post(self, body, auth=f"Bearer {settings.JITSI_EVENTS_SECRET}"):
        headers = {"HTTP_AUTHORIZATION": auth} if auth else {}
        return Client().post("/api/jitsi/events/self-test", body, content_type="application/json", **headers)

    @pytest.mark.django_db
    def test_it_echoes_the_nonce_and_touches_no_table(self, django_assert_num_queries):
        with django_assert_num_queries(0):
            response = self.post(json.dumps({"event_name": "stagecall-self-test", "nonce": "ab12" * 8}))
        assert response.status_code == 200
        assert response.json() == {"result": "self-test", "nonce": "ab12" * 8}

    @pytest.mark.django_db
    @pytest.mark.parametrize("auth", [None, "Bearer wrong", f"Bearer {settings.JITSI_EVENTS_SECRET}x"])
    def test_a_wrong_secret_is_401(self, auth):
        response = self.post(json.dumps({"nonce": "ab12" * 8}), auth=auth)
        assert response.status_code == 401 and response.json()["code"] == "not_authenticated"

    @pytest.mark.django_db
    @pytest.mark.parametrize("body", [{}, {"nonce": ""}, {"nonce": 42}, {"nonce": "x" * 65}, {"nonce": "ab\x00cd"}])
    def test_a_missing_or_bad_nonce_is_400_naming_it(self, body):
        response = self.post(json.dumps(body))
        assert response.status_code == 400 and "nonce" in response.json()["fields"]
