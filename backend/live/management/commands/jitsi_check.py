"""Smoke-test a running deployment from the backend's side: Jitsi's web app, room tokens, events, shared settings.

Prints one line per check, PASS / FAIL / SKIP, and exits non-zero on any FAIL. Secrets are compared, never
printed. docs/deployment.md, "First thing after docker compose up".
"""

import hmac
import secrets
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import jwt
import requests
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from integrations.jitsi.tokens import JitsiUser, TokenConfig, room_token

TRUE = {"1", "true", "yes", "on"}


def _listed(value: str | None, default: list[str]) -> list[str]:
    """A docker-jitsi-meet comma list (JWT_ACCEPTED_ISSUERS, XMPP_MUC_MODULES); unset means the default."""
    return default if value is None else [item.strip() for item in value.split(",") if item.strip()]


def _read_env(source: str) -> dict[str, str]:
    """KEY=VALUE lines: docker-jitsi-meet's .env, or `docker compose exec -T prosody env` ("-" reads stdin)."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"--jitsi-env {source}: cannot read it ({error.__class__.__name__})") from None
    values = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() and not key.lstrip().startswith("#"):
            values[key.strip()] = value.strip()
    return values


class Command(BaseCommand):
    help = "Check a running Jitsi deployment against this backend's settings; exits non-zero on any FAIL."

    def add_arguments(self, parser):
        parser.add_argument(
            "--jitsi-env",
            metavar="FILE",
            help="Prosody's environment as KEY=VALUE lines, '-' for stdin: `docker compose exec -T prosody env`",
        )
        parser.add_argument(
            "--ca-bundle", metavar="FILE", help="trust this CA bundle for the HTTPS requests (a private CA or a self-signed test stack)"
        )
        parser.add_argument("--timeout", type=float, default=10.0, help="seconds per HTTP request (default 10)")

    def handle(self, *args, jitsi_env=None, ca_bundle=None, timeout=10.0, **options):
        self.failures = 0
        self.timeout = timeout
        self.verify = ca_bundle or True
        jitsi = _read_env(jitsi_env) if jitsi_env else None
        self.stdout.write(f"Jitsi {settings.JITSI_DOMAIN}, events {settings.JITSI_EVENTS_API_PREFIX}")
        self.check_external_api()
        self.check_token(jitsi)
        self.check_shared_settings(jitsi)
        self.check_events(jitsi)
        if self.failures:
            raise CommandError(f"{self.failures} check(s) failed.", returncode=1)
        self.stdout.write("All checks passed.")

    def report(self, ok: bool | None, name: str, detail: str = "") -> None:
        """One line per check; None is a SKIP (nothing to compare with), which does not fail the run."""
        status = "SKIP" if ok is None else "PASS" if ok else "FAIL"
        self.failures += ok is False
        self.stdout.write(f"{status}  {name}" + (f": {detail}" if detail else ""))

    def check_external_api(self) -> None:
        url = f"https://{settings.JITSI_DOMAIN}/external_api.js"
        name = f"external_api.js ({url})"
        started = time.monotonic()
        try:
            response = requests.get(url, timeout=self.timeout, verify=self.verify)
        except requests.exceptions.SSLError as error:
            return self.report(
                False, name, f"TLS certificate not trusted or invalid ({error.__class__.__name__}); --ca-bundle for a private CA"
            )
        except requests.RequestException as error:
            return self.report(False, name, f"unreachable: {error.__class__.__name__}")
        elapsed = (time.monotonic() - started) * 1000
        content_type = response.headers.get("Content-Type", "")
        if response.status_code != 200:
            return self.report(False, name, f"HTTP {response.status_code}")
        if "javascript" not in content_type:
            return self.report(False, name, f"not JavaScript (Content-Type {content_type or 'missing'})")
        if "JitsiMeetExternalAPI" not in response.text:
            return self.report(False, name, "JavaScript, but it does not define JitsiMeetExternalAPI")
        self.report(True, name, f"{len(response.content)} bytes of {content_type.split(';')[0]} in {elapsed:.0f} ms")

    def check_token(self, jitsi: dict | None) -> None:
        """Sign a token for a probe room and read it back the way Prosody's token/util.lib.lua does."""
        config = TokenConfig.from_settings(settings)
        room = secrets.token_hex(16)
        probe = JitsiUser(id="0", name="jitsi_check", email="", avatar="", moderator=False)
        token = room_token(config=config, room=room, user=probe).jwt
        key, verified_with = config.signing_key, "the backend's key"
        if config.algorithm == "RS256":
            key = key.public_key()
            verified_with = "the public half of JITSI_PRIVATE_KEY_FILE"
        elif jitsi is not None:
            key, verified_with = jitsi.get("JWT_APP_SECRET", ""), "Prosody's JWT_APP_SECRET"  # the real test
        header = jwt.get_unverified_header(token)
        try:
            claims = jwt.decode(token, key, algorithms=[config.algorithm], options={"verify_aud": False})
        except jwt.PyJWTError as error:
            return self.report(False, "probe-room token", f"does not verify: {error}")
        now = datetime.now(UTC).timestamp()
        problems = [
            header.get("typ") != "JWT" and "header typ is not JWT",
            config.algorithm == "RS256" and not header.get("kid") and "RS256 without kid",
            claims.get("iss") != settings.JITSI_APP_ID and "iss is not JITSI_APP_ID",
            not isinstance(claims.get("aud"), str) and "aud is not a string",
            claims.get("aud") != settings.JITSI_AUDIENCE and "aud is not JITSI_AUDIENCE",
            claims.get("sub") in (None, "", "*") and "sub missing or '*'",
            claims.get("room") != room.lower() and "room differs from the probe room",
            not claims.get("nbf", now) <= now < claims.get("exp", 0) and "not valid now (nbf/exp)",
        ]
        problems = [problem for problem in problems if problem]
        detail = f"{config.algorithm}, iss={claims.get('iss')}, aud={claims.get('aud')}, sub={claims.get('sub')}, "
        detail += f"valid {int(claims['exp'] - now)} s, signature checked with {verified_with}"
        self.report(not problems, "probe-room token", "; ".join(problems) if problems else detail)

    def check_shared_settings(self, jitsi: dict | None) -> None:
        """The values both sides must agree on, each named as the backend and as docker-jitsi-meet calls it."""
        if jitsi is None:
            for pair in ("JITSI_APP_ID = JWT_APP_ID", "JITSI_APP_SECRET = JWT_APP_SECRET", "JITSI_EVENTS_SECRET = JITSI_EVENTS_SECRET"):
                self.report(None, pair, "no Jitsi side to compare with: --jitsi-env")
            return
        same = lambda a, b: hmac.compare_digest(a.encode(), b.encode())  # noqa: E731
        app_id = settings.JITSI_APP_ID
        self.report(jitsi.get("JWT_APP_ID") == app_id, "JITSI_APP_ID = JWT_APP_ID", app_id)
        issuers = _listed(jitsi.get("JWT_ACCEPTED_ISSUERS"), [jitsi.get("JWT_APP_ID", "")])
        self.report(app_id in issuers, "JITSI_APP_ID in JWT_ACCEPTED_ISSUERS", ",".join(issuers))
        if settings.JITSI_TOKEN_ALGORITHM == "HS256":
            ok = same(settings.JITSI_APP_SECRET, jitsi.get("JWT_APP_SECRET", ""))
            self.report(ok, "JITSI_APP_SECRET = JWT_APP_SECRET", "same" if ok else "differ")
        audiences = _listed(jitsi.get("JWT_ACCEPTED_AUDIENCES"), ["*"])
        ok = "*" in audiences or settings.JITSI_AUDIENCE in audiences
        self.report(ok, "JITSI_AUDIENCE in JWT_ACCEPTED_AUDIENCES", f"{settings.JITSI_AUDIENCE} in {','.join(audiences)}")
        domain = jitsi.get("XMPP_DOMAIN", "meet.jitsi")
        if jitsi.get("JWT_ENABLE_DOMAIN_VERIFICATION", "").lower() in TRUE:
            self.report(settings.JITSI_SUBJECT == domain, "JITSI_SUBJECT = XMPP_DOMAIN", f"{settings.JITSI_SUBJECT} vs {domain}")
        else:
            self.report(True, "JITSI_SUBJECT = XMPP_DOMAIN", "not compared by Prosody: domain verification is off")
        public_url = f"https://{settings.JITSI_DOMAIN}"
        self.report(jitsi.get("PUBLIC_URL", "").rstrip("/") == public_url, "https://JITSI_DOMAIN = PUBLIC_URL", jitsi.get("PUBLIC_URL", ""))
        ok = same(settings.JITSI_EVENTS_SECRET, jitsi.get("JITSI_EVENTS_SECRET", ""))
        self.report(ok and bool(settings.JITSI_EVENTS_SECRET), "JITSI_EVENTS_SECRET = JITSI_EVENTS_SECRET", "same" if ok else "differ")
        prefix = jitsi.get("JITSI_EVENTS_API_PREFIX", "")
        ok = prefix == settings.JITSI_EVENTS_API_PREFIX
        self.report(ok, "JITSI_EVENTS_API_PREFIX = JITSI_EVENTS_API_PREFIX", prefix or "missing")
        # Jitsi-side values our security rests on (docs/deployment.md, "Who becomes moderator").
        self.report(jitsi.get("ENABLE_AUTH", "").lower() in TRUE and jitsi.get("AUTH_TYPE") == "jwt", "ENABLE_AUTH=1, AUTH_TYPE=jwt")
        self.report(jitsi.get("JWT_ALLOW_EMPTY", "0").lower() not in TRUE, "JWT_ALLOW_EMPTY=0")
        self.report(jitsi.get("ENABLE_GUESTS", "0").lower() not in TRUE, "ENABLE_GUESTS=0")
        self.report(jitsi.get("ENABLE_LOBBY", "1").lower() not in TRUE, "ENABLE_LOBBY=0")
        modules = _listed(jitsi.get("XMPP_MUC_MODULES"), [])
        self.report("token_affiliation" in modules, "token_affiliation in XMPP_MUC_MODULES", ",".join(modules))

    def check_events(self, jitsi: dict | None) -> None:
        """POST a signed self-test the way event_sync posts: same prefix, bearer secret, no redirects followed."""
        url = f"{settings.JITSI_EVENTS_API_PREFIX.rstrip('/')}/events/self-test"
        name = f"events self-test ({url})"
        # The secret Prosody sends, when we have it; else ours.
        secret = jitsi.get("JITSI_EVENTS_SECRET", "") if jitsi is not None else settings.JITSI_EVENTS_SECRET
        nonce = secrets.token_hex(16)
        started = time.monotonic()
        try:
            response = requests.post(
                url,
                json={"nonce": nonce},
                headers={"Authorization": f"Bearer {secret}"},
                timeout=self.timeout,
                allow_redirects=False,
                verify=self.verify,
            )
        except requests.RequestException as error:
            return self.report(False, name, f"unreachable: {error.__class__.__name__}")
        elapsed = (time.monotonic() - started) * 1000
        if response.is_redirect:
            return self.report(
                False, name, f"HTTP {response.status_code} redirect to {response.headers.get('Location')}: Prosody follows none"
            )
        if response.status_code == 401:
            return self.report(False, name, "HTTP 401: the endpoint refuses this secret")
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if response.status_code != 200 or answer != {"result": "self-test", "nonce": nonce}:
            return self.report(False, name, f"HTTP {response.status_code}, not our endpoint's answer")
        self.report(True, name, f"accepted in {elapsed:.0f} ms, nothing recorded")
