"""The cached public status of a webinar: its key, and dropping it whenever the webinar changes."""

from functools import partial

from django.core.cache import cache
from django.db import transaction


def public_status_key(webinar_id: int) -> str:
    return f"webinar-status:v1:{webinar_id}"


def invalidate_public_status(webinar_id: int) -> None:
    """Drop the cached status now and again once the transaction commits.

    The second delete matters: a poll between the first delete and the commit reads the old state
    from the database and would cache it until the entry expires.
    """
    key = public_status_key(webinar_id)
    cache.delete(key)
    transaction.on_commit(partial(cache.delete, key))
