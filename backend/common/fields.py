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
