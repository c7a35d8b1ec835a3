"""The cached public status of a webinar: entries tagged with a version that every committed change moves on.

Deleting the entry on a change is not enough: a poll that read the database just before the commit
can write the old state back just after the delete, and it would stay until the entry expires.
Here a reader tags the entry it computes with the version it saw *before* reading the database
(None while there is none), and a writer bumps the version now and again *after* its commit. An
entry built from a pre-commit read so carries an older version than the one current after the
commit, and no reader trusts it again.

Each process also keeps a near copy of the entries it read (common/near_cache.py), so that a poll
costs no Redis round trip; every bump announces the change and every process drops its copy.

The cache is an optimisation: when it is unreachable, readers compute from the database and
writers skip the bump (logged), never failing the request.
"""

import logging
import secrets
from functools import partial

from django.core.cache import cache
from django.db import transaction

from common.near_cache import NearCache

logger = logging.getLogger(__name__)
# A lost or expired version restarts at a random number, so no old entry can ever match it again.
VERSION_SECONDS = 7 * 24 * 3600


# A near copy is trusted for at most this long; announcements retire it at once on a change, so
# this bounds only a lost announcement, and the participant count's lag (one more second).
NEAR_SECONDS = 1
public_status_near = NearCache(channel="webinar-status:v2:changed", seconds=NEAR_SECONDS)


def public_status_key(webinar_id: int) -> str:
    return f"webinar-status:v2:{webinar_id}"


def status_version_key(webinar_id: int) -> str:
    return f"webinar-status-version:v2:{webinar_id}"


def _bump_status_version(webinar_id: int) -> None:
    key = status_version_key(webinar_id)
    try:
        cache.incr(key)
    except ValueError:  # missing (never set, expired, evicted) or Redis down: any fresh number differs from every tag
        cache.set(key, secrets.randbits(62), VERSION_SECONDS)  # dropped, and logged, when Redis is down (common/cache.py)
    public_status_near.announce(str(webinar_id))


def invalidate_public_status(webinar_id: int) -> None:
    """Retire every cached status of the webinar now, and again once the transaction commits.

    The bump after commit is the one that matters: an entry computed between the two (from the
    database as it was before the commit) carries the first bump's version, which the second retires.
    """
    _bump_status_version(webinar_id)
    transaction.on_commit(partial(_bump_status_version, webinar_id))
