"""The event_sync parser, fed payloads as Prosody's JSON encoder really writes them."""

import pytest

from integrations.jitsi.events import InvalidEvent, parse_event

ROOM = "0123456789abcdef0123456789abcdef"
DESTROYED = {
    "event_name": "muc-room-destroyed",
    "room_name": ROOM,
    "room_jid": f"{ROOM}@muc.meet.jitsi",
    "is_breakout": False,
    "created_at": 1_780_000_000,
    "destroyed_at": 1_780_000_600,
}


def joined(**occupant):
    base = {"occupant_jid": f"{ROOM}@muc.meet.jitsi/abcd1234", "joined_at": 1_780_000_100, "id": "7", "name": "A", "email": ""}
    return {"event_name": "muc-occupant-joined", "room_name": ROOM, "is_breakout": False, "occupant": base | occupant}


def test_an_empty_occupant_list_encoded_as_an_object_is_an_empty_list():
    """Prosody's JSON encoder cannot tell an empty Lua table from an empty object: {} means no occupants."""
    assert parse_event("room/destroyed", DESTROYED | {"all_occupants": {}}).all_occupants == ()
    assert parse_event("room/destroyed", DESTROYED | {"all_occupants": []}).all_occupants == ()


@pytest.mark.parametrize("value", [{"0": {"occupant_jid": "x"}}, "none", 3])
def test_a_non_empty_object_or_a_scalar_is_still_refused(value):
    with pytest.raises(InvalidEvent) as error:
        parse_event("room/destroyed", DESTROYED | {"all_occupants": value})
    assert error.value.field == "all_occupants"


@pytest.mark.parametrize("bad", ["a\x00b", "a\ud800b", "\udfff"])
@pytest.mark.parametrize(
    "kind, build, field",
    [
        ("occupant/joined", lambda bad: joined() | {"room_name": bad}, "room_name"),
        ("occupant/joined", lambda bad: joined(occupant_jid=bad), "occupant.occupant_jid"),
        (
            "room/destroyed",
            lambda bad: DESTROYED | {"all_occupants": [joined(occupant_jid=bad)["occupant"]]},
            "all_occupants.0.occupant_jid",
        ),
    ],
)
def test_nul_bytes_and_lone_surrogates_are_refused_naming_the_field(kind, build, field, bad):
    with pytest.raises(InvalidEvent) as error:
        parse_event(kind, build(bad))
    assert error.value.field == field


@pytest.mark.parametrize("user_id", ["²", "١٢", "7\x00", "\ud800"])
def test_only_ascii_digits_name_one_of_our_users(user_id):
    assert parse_event("occupant/joined", joined(id=user_id)).occupant.user_id is None
