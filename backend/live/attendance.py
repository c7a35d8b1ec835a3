"""Attendance arithmetic: merge the join/leave intervals of one person (from every source) into time present."""

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Presence:
    first_join: datetime | None
    last_leave: datetime | None
    seconds: float

    @property
    def minutes(self) -> float:
        return round(self.seconds / 60, 1)


def merge(intervals: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Union of closed intervals: overlapping or touching ones become one (the client and Jitsi report the same stay)."""
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(i for i in intervals if i[1] > i[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def presence(intervals: list[tuple[datetime, datetime]]) -> Presence:
    merged = merge(intervals)
    if not merged:
        return Presence(None, None, 0.0)
    return Presence(merged[0][0], merged[-1][1], sum((end - start).total_seconds() for start, end in merged))


def timeline(
    per_user: dict[int, list[tuple[datetime, datetime]]], *, start: datetime, end: datetime, max_points: int = 240
) -> list[tuple[datetime, int]]:
    """How many people were present during each step (a minute, longer for long sessions) from start to end.

    A person counts for a step when any of their merged intervals overlaps it, so a short stay still shows.
    """
    if end <= start:
        return []
    step = max(timedelta(minutes=1), (end - start) / max_points)
    merged = {user: merge(intervals) for user, intervals in per_user.items()}
    points = []
    instant = start
    while instant < end:
        until = instant + step
        count = sum(1 for spans in merged.values() if any(s < until and e > instant for s, e in spans))
        points.append((instant, count))
        instant = until
    return points
