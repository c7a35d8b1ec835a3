"""Who is in a session's room, and who was: what registrations' notifications ask live (registrations.providers)."""

from django.db.models import QuerySet

from live.models import AttendanceInterval


def in_room(session_id: int) -> QuerySet:
    """User ids with an open interval in the session's room, from any source."""
    return AttendanceInterval.objects.filter(session_id=session_id, left_at__isnull=True).values("user_id")


def attended(session_id: int) -> QuerySet:
    """User ids that were in the session's room at any time (hosts too; they are no registrants)."""
    return AttendanceInterval.objects.filter(session_id=session_id).values("user_id")
