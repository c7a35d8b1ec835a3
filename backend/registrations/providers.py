"""Answers only the apps built on registrations know, which registrations may not import (docs/architecture.md)."""

from types import SimpleNamespace

# Set by those apps in their AppConfig.ready; the defaults answer "nobody" and "no recording".
providers = SimpleNamespace(
    # live: user ids in the room of session `session_id` right now (a queryset of user ids or a set).
    in_room=lambda session_id: [],
    # live: user ids who were in the room of session `session_id` at any time.
    attended=lambda session_id: [],
    # recordings (issue 13): the link to the published recording of `webinar` (a Webinar), or "".
    recording_url=lambda webinar: "",
)
