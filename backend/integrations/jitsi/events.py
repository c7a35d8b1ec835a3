"""Parse the JSON that jitsi-contrib's event_sync Prosody component posts (no database access).

Payload fields, from `event_sync/mod_event_sync_component.lua`: every event has `event_name`,
`room_name` (the node of the room JID), `room_jid` and `is_breakout` (+ `breakout_room_id`; for a
breakout room, `room_name` is the *parent* room's). Room events carry `created_at`, destroyed adds
`destroyed_at` and `all_occupants[]`. Occupant events carry `active_occupants_count` and
`occupant{occupant_jid, joined_at, left_at?, name, email, id}`; `id` is the token's `context.user.id`.
Times are Unix seconds (Lua's os.time()).
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

MAX_TEXT = 500
# Lua timestamps are Unix seconds; anything outside 2001..2100 is not a real event.
MIN_EPOCH, MAX_EPOCH = 1_000_000_000, 4_102_444_800
KINDS = ("room/created", "room/destroyed", "occupant/joined", "occupant/left")
# JSON can carry a NUL (\u0000) or half a surrogate pair (\ud800): PostgreSQL refuses the first in text
# columns, and no UTF-8 database driver can encode the second. Neither occurs in a real room or JID.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class InvalidEvent(ValueError):
    """The payload is not what event_sync sends; `field` names the part at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Occupant:
    occupant_jid: str
    user_id: int | None  # None when the token carried no numeric id of ours
    joined_at: datetime | None
    left_at: datetime | None


@dataclass(frozen=True)
class JitsiEvent:
    kind: str
    room_name: str
    is_breakout: bool
    at: datetime | None  # created_at / destroyed_at for room events
    occupant: Occupant | None = None
    all_occupants: tuple[Occupant, ...] = ()


def _text(payload: dict, field: str, *, required: bool = True) -> str:
    value = payload.get(field)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value or len(value) > MAX_TEXT:
        raise InvalidEvent(field, f"must be a non-empty string of at most {MAX_TEXT} characters")
    if UNSTORABLE.search(value):
        raise InvalidEvent(field, "must not contain NUL characters or unpaired surrogates")
    return value


def _time(payload: dict, field: str, *, required: bool) -> datetime | None:
    value = payload.get(field)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not MIN_EPOCH <= value <= MAX_EPOCH:
        raise InvalidEvent(field, "must be a Unix timestamp in seconds")
    return datetime.fromtimestamp(value, tz=UTC)


def _user_id(value) -> int | None:
    # Our tokens put the user's primary key, as a string, in context.user.id.
    # ASCII digits only: str.isdigit() also accepts "²" (int() then fails) and other scripts' digits.
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def _occupant(value, field: str) -> Occupant:
    if not isinstance(value, dict):
        raise InvalidEvent(field, "must be an object")
    try:
        return Occupant(
            occupant_jid=_text(value, "occupant_jid"),
            user_id=_user_id(value.get("id")),
            joined_at=_time(value, "joined_at", required=False),
            left_at=_time(value, "left_at", required=False),
        )
    except InvalidEvent as error:
        raise InvalidEvent(f"{field}.{error.field}", error.message) from None


def parse_event(kind: str, payload) -> JitsiEvent:
    """Validate one event_sync payload; raise InvalidEvent naming the field at fault."""
    if kind not in KINDS:
        raise InvalidEvent("path", f"unknown event kind {kind!r}")
    if not isinstance(payload, dict):
        raise InvalidEvent("body", "must be a JSON object")
    room_name = _text(payload, "room_name")
    is_breakout = payload.get("is_breakout", False)
    if not isinstance(is_breakout, bool):
        raise InvalidEvent("is_breakout", "must be a boolean")
    if kind.startswith("room/"):
        at = _time(payload, "destroyed_at" if kind == "room/destroyed" else "created_at", required=True)
        occupants = payload.get("all_occupants", [])
        if occupants == {}:
            occupants = []  # Prosody's JSON encoder writes an empty Lua table as {}
        if not isinstance(occupants, list) or len(occupants) > 10_000:
            raise InvalidEvent("all_occupants", "must be a list")
        parsed = tuple(_occupant(o, f"all_occupants.{i}") for i, o in enumerate(occupants))
        return JitsiEvent(kind=kind, room_name=room_name, is_breakout=is_breakout, at=at, all_occupants=parsed)
    occupant = _occupant(payload.get("occupant"), "occupant")
    if kind == "occupant/joined" and occupant.joined_at is None:
        raise InvalidEvent("occupant.joined_at", "is required")
    if kind == "occupant/left" and occupant.left_at is None:
        raise InvalidEvent("occupant.left_at", "is required")
    return JitsiEvent(kind=kind, room_name=room_name, is_breakout=is_breakout, at=None, occupant=occupant)
