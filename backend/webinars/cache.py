"""The cached public status of a webinar: entries tagged with a version that every committed change moves on.

Deleting the entry on a change is not enough: a poll that read the database just before the commit
can write the old state back just after the delete, and it would stay until the entry expires.
Here a reader tags the entry it computes with the version it saw *before* reading the database,
and a writer bumps the version only *after* its commit. An entry built from a pre-commit read so
carries an older version than the one current after the commit, and no reader trusts it again.
"""

import secrets
from functools import partial

from django.core.cache import cache
from django.db import transaction

# A lost or expired version restarts at a random number, so no old entry can ever match it again.
VERSION_SECONDS = 7 * 24 * 3600


def public_status_key(webinar_id: int) -> str:
    return f"webinar-status:v2:{webinar_id}"


def status_version_key(webinar_id: int) -> str:
    return f"webinar-status-version:v2:{webinar_id}"


def _fresh_version() -> int:
    return secrets.randbits(62)


def current_status_version(webinar_id: int, found: int | None = None) -> int:
    """The webinar's status version (`found` when the caller already fetched it), created if missing."""
    if found is not None:
        return found
    key = status_version_key(webinar_id)
    cache.add(key, _fresh_version(), VERSION_SECONDS)  # another process may win: then theirs counts
    return cache.get(key) or _fresh_version()


def _bump_status_version(webinar_id: int) -> None:
    key = status_version_key(webinar_id)
    try:
        cache.incr(key)
    except ValueError:  # missing (expired, evicted): any fresh number differs from every tag
        cache.set(key, _fresh_version(), VERSION_SECONDS)


def invalidate_public_status(webinar_id: int) -> None:
    """Retire every cached status of the webinar now, and again once the transaction commits.

    The bump after commit is the one that matters: an entry computed between the two (from the
    database as it was before the commit) carries the first bump's version, which the second retires.
    """
    _bump_status_version(webinar_id)
    transaction.on_commit(partial(_bump_status_version, webinar_id))
