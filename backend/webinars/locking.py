"""The one lock of every state change: the webinar's row, taken first, always.

Lock order: the webinar row, then (without locks of their own) its live sessions, attendance
intervals and registrations. Every writer of those rows holds the webinar lock, so they need none:
one lock per webinar means no two writers can ever wait on each other in opposite orders.

Writers take it exclusively. Joins and leaves, the crowd of a Go-Live minute, take it shared: they
run side by side, but never beside a writer, so a join either commits before End takes the lock or
finds the session ended. A shared holder never writes the webinar row (two holders upgrading would
deadlock); it writes only its own interval, or the session's room flag.
"""

from django.db import connection, transaction

from common.errors import Missing
from webinars.models import Webinar


def lock_webinar(pk: int, *, shared: bool = False) -> Webinar:
    """Lock the webinar's row until the transaction ends and return it.

    Exclusive by default, with co-hosts prefetched for host checks; shared for joins and leaves,
    as one fixed statement (the hot path). Refuses to run outside a transaction, where the lock
    would be released at once; 404 (Missing) if the webinar is gone.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_webinar() must run inside transaction.atomic(): outside it the lock is released at once.")
    if shared and connection.vendor == "postgresql":
        # Django has no FOR SHARE. One fixed statement, with the id as a parameter.
        sql = f'SELECT * FROM "{Webinar._meta.db_table}" WHERE "id" = %s FOR SHARE'  # noqa: S608 - our table name; the id is a parameter
        webinar = next(iter(Webinar.objects.raw(sql, [pk])), None)
    else:
        # of=("self",): lock this row only, never rows of tables a later change might join in.
        # (SQLite has no row locks: its write transactions, BEGIN IMMEDIATE, serialize instead.)
        queryset = Webinar.objects.filter(pk=pk).select_for_update(of=("self",))
        webinar = (queryset if shared else queryset.prefetch_related("co_hosts")).first()
    if webinar is None:
        raise Missing()
    return webinar
