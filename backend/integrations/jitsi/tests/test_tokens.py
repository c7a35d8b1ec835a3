"""Room tokens, decoded with PyJWT (algorithms pinned) and checked claim by claim."""

from datetime import UTC, datetime, timedelta

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from integrations.jitsi.tokens import JitsiUser, TokenConfig, room_token

SECRET = "s" * 40
ROOM = "0123456789abcdef0123456789abcdef"
NOW = datetime(2026, 1, 5, 12, 0, 0, tzinfo=UTC)  # in the past: PyJWT refuses a future iat
CONFIG = TokenConfig(
    app_id="stagecall", audience="jitsi", subject="meet.jitsi", ttl=timedelta(minutes=5), algorithm="HS256", signing_key=SECRET
)
HOST = JitsiUser(id="7", name="Olivia", email="o@example.com", avatar="https://example.com/o.png", moderator=True)


def decode(token, key=SECRET, algorithm="HS256"):
    return jwt.decode(
        token, key, algorithms=[algorithm], audience="jitsi", issuer="stagecall", options={"verify_exp": False, "verify_nbf": False}
    )


def test_claims_are_exactly_what_prosody_checks():
    issued = room_token(config=CONFIG, room=ROOM, user=HOST, now=NOW)
    claims = decode(issued.jwt)
    assert claims == {
        "iss": "stagecall",
        "aud": "jitsi",
        "sub": "meet.jitsi",
        "room": ROOM,
        "iat": int(NOW.timestamp()),
        "nbf": int(NOW.timestamp()) - 30,
        "exp": int(NOW.timestamp()) + 300,
        "context": {
            "user": {"id": "7", "name": "Olivia", "email": "o@example.com", "avatar": "https://example.com/o.png", "moderator": True}
        },
    }
    assert issued.expires_at == NOW + timedelta(minutes=5)
    assert jwt.get_unverified_header(issued.jwt) == {"alg": "HS256", "typ": "JWT"}


def test_user_values_are_strings_even_when_empty_or_numeric():
    user = JitsiUser(id=42, name="A", email=None, avatar=None, moderator=False)  # type: ignore[arg-type]
    context = decode(room_token(config=CONFIG, room=ROOM, user=user, now=NOW).jwt)["context"]["user"]
    assert context == {"id": "42", "name": "A", "email": "", "avatar": "", "moderator": False}
    assert all(isinstance(context[key], str) for key in ("id", "name", "email", "avatar"))


def test_nbf_lies_in_the_past_and_exp_in_the_future_of_a_real_clock():
    claims = jwt.decode(room_token(config=CONFIG, room=ROOM, user=HOST).jwt, SECRET, algorithms=["HS256"], audience="jitsi")
    now = datetime.now(UTC).timestamp()
    assert claims["nbf"] < now < claims["exp"] <= now + 301


def test_a_token_signed_with_another_secret_does_not_verify():
    token = room_token(config=CONFIG, room=ROOM, user=HOST, now=NOW).jwt
    with pytest.raises(jwt.InvalidSignatureError):
        decode(token, key="t" * 40)


@pytest.mark.parametrize("room", ["*", "", "My Room", "ROOM0123456789ABCDEF0123456789AB", "a" * 10])
def test_no_token_for_a_wildcard_or_malformed_room(room):
    with pytest.raises(ValueError):
        room_token(config=CONFIG, room=room, user=HOST, now=NOW)


def test_no_token_with_a_wildcard_subject():
    with pytest.raises(ValueError):
        room_token(config=TokenConfig(**{**CONFIG.__dict__, "subject": "*"}), room=ROOM, user=HOST, now=NOW)


def test_rs256_tokens_carry_the_key_id_and_verify_with_the_public_key():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    config = TokenConfig(**{**CONFIG.__dict__, "algorithm": "RS256", "signing_key": pem, "key_id": "stagecall/key-1"})
    token = room_token(config=config, room=ROOM, user=HOST, now=NOW).jwt
    assert jwt.get_unverified_header(token) == {"alg": "RS256", "typ": "JWT", "kid": "stagecall/key-1"}
    assert decode(token, key=key.public_key(), algorithm="RS256")["room"] == ROOM
