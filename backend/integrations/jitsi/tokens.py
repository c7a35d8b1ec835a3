"""Build and sign the JWT that Jitsi's Prosody `token` authentication accepts.

Every claim is checked by Prosody (jitsi-meet `resources/prosody-plugins/token/util.lib.lua`):
`iss` an accepted issuer (the app id), `aud` a *string* among the accepted audiences, `sub` the XMPP
domain or tenant, `room` the exact room (compared lower-cased; `*` would open every room, so it is
never issued), and `nbf`/`exp` with no clock leeway at all. Prosody does not check the types of the
`context.user` values; we send strings, lib-jitsi-meet's documented form. `context.user.moderator` is
read by Prosody's `token_affiliation`. No `lobby_bypass`: the stack runs without a lobby (docs/jitsi.md).
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

# Prosody refuses a token whose nbf lies in its future; a few seconds back absorbs clock skew
# between this server and Prosody's.
NOT_BEFORE_SKEW = timedelta(seconds=30)
# Rooms we create: lowercase letters and digits only, so Jitsi's lower-casing and URL-encoding of
# room names never changes them.
ROOM_NAME = re.compile(r"^[a-z0-9]{26,64}$")


@lru_cache(maxsize=4)
def _private_key(path: str) -> RSAPrivateKey:
    """The RS256 key, parsed once per process (parsing a PEM costs more than signing); a new key needs a restart."""
    return serialization.load_pem_private_key(Path(path).read_bytes(), password=None)


@dataclass(frozen=True)
class TokenConfig:
    app_id: str
    audience: str
    subject: str
    ttl: timedelta
    algorithm: str  # HS256 (shared secret) or RS256 (private key, with a key id)
    signing_key: str | RSAPrivateKey
    key_id: str = ""

    @classmethod
    def from_settings(cls, settings) -> "TokenConfig":
        if settings.JITSI_TOKEN_ALGORITHM == "RS256":
            signing_key = _private_key(settings.JITSI_PRIVATE_KEY_FILE)
        else:
            signing_key = settings.JITSI_APP_SECRET
        return cls(
            app_id=settings.JITSI_APP_ID,
            audience=settings.JITSI_AUDIENCE,
            subject=settings.JITSI_SUBJECT,
            ttl=timedelta(seconds=settings.JITSI_TOKEN_TTL),
            algorithm=settings.JITSI_TOKEN_ALGORITHM,
            signing_key=signing_key,
            key_id=settings.JITSI_KEY_ID,
        )


@dataclass(frozen=True)
class JitsiUser:
    id: str
    name: str
    email: str
    avatar: str
    moderator: bool


@dataclass(frozen=True)
class RoomToken:
    jwt: str
    expires_at: datetime


def room_token(*, config: TokenConfig, room: str, user: JitsiUser, now: datetime | None = None) -> RoomToken:
    """Sign a token that admits `user` to exactly `room` until now + ttl."""
    if not ROOM_NAME.match(room):
        raise ValueError("A room token needs one concrete room: lowercase letters and digits, never '*'.")
    if not config.subject or config.subject == "*":
        raise ValueError("The token subject must name the XMPP domain or tenant, never '*'.")
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    expires_at = now + config.ttl
    claims = {
        "iss": config.app_id,
        "aud": config.audience,
        "sub": config.subject,
        "room": room,
        "iat": int(now.timestamp()),
        "nbf": int((now - NOT_BEFORE_SKEW).timestamp()),
        "exp": int(expires_at.timestamp()),
        "context": {
            "user": {
                "id": str(user.id),
                "name": str(user.name),
                "email": str(user.email or ""),
                "avatar": str(user.avatar or ""),
                "moderator": bool(user.moderator),
            }
        },
    }
    headers = {"typ": "JWT"}
    if config.algorithm == "RS256":
        headers["kid"] = config.key_id
    token = jwt.encode(claims, config.signing_key, algorithm=config.algorithm, headers=headers)
    return RoomToken(jwt=token, expires_at=expires_at)
