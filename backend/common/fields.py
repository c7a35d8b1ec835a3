"""Serializer fields shared by the apps."""

from datetime import datetime, timedelta

from django.utils.dateparse import parse_datetime
from rest_framework import serializers

# The offsets clocks really use. Python accepts anything under 24 hours, PostgreSQL only up to
# ±15:59, so a wider one would pass validation and then fail in the database (a 500).
EARLIEST_OFFSET, LATEST_OFFSET = timedelta(hours=-12), timedelta(hours=14)
OFFSET_MESSAGE = "The UTC offset must be between -12:00 and +14:00."


def has_real_offset(value: datetime) -> bool:
    offset = value.utcoffset()
    return offset is None or EARLIEST_OFFSET <= offset <= LATEST_OFFSET


class AwareDateTimeField(serializers.DateTimeField):
    """An ISO 8601 date-time that must carry a real UTC offset: a bare local time is ambiguous."""

    default_error_messages = {"naive": "Include a UTC offset, e.g. 2026-05-01T14:00:00+02:00.", "offset": OFFSET_MESSAGE}

    def to_internal_value(self, value):
        if isinstance(value, str):
            try:
                parsed = parse_datetime(value.strip()) if value.strip() else None
            except ValueError:  # well-formed but impossible: 12:99, February 30, hour 25
                self.fail("invalid", format="YYYY-MM-DDThh:mm[:ss[.uuuuuu]]±hh:mm")
            if parsed is not None and parsed.tzinfo is None:
                self.fail("naive")
            if parsed is not None and not has_real_offset(parsed):
                self.fail("offset")
        return super().to_internal_value(value)


def refuse_loose_json_types() -> None:
    """Make DRF's string fields refuse a JSON number, and its boolean field anything but true or false.

    DRF turns 5 into "5" for a string field and takes 0, 1, "yes" or "off" for a boolean, so
    `{"title": 5}` or `{"practice": 0}` were accepted although the schema says string and boolean:
    the API and its OpenAPI schema disagreed (Schemathesis's negative_data_rejection). Done once for
    every serializer (ours and simplejwt's; CharField's subclasses: email, slug, URL, regex) rather
    than field by field. The API takes JSON only, so a real JSON type is always available.
    """
    if getattr(serializers.CharField, "_strict_json_types", False):
        return
    char_to_internal = serializers.CharField.to_internal_value
    bool_to_internal = serializers.BooleanField.to_internal_value

    def char_to_internal_value(self, data):
        if not isinstance(data, str):
            raise serializers.ValidationError("Not a valid string.", code="invalid")
        return char_to_internal(self, data)

    def bool_to_internal_value(self, data):
        if not isinstance(data, bool):
            raise serializers.ValidationError("Must be true or false.", code="invalid")
        return bool_to_internal(self, data)

    serializers.CharField.to_internal_value = char_to_internal_value
    serializers.BooleanField.to_internal_value = bool_to_internal_value
    serializers.CharField._strict_json_types = True
