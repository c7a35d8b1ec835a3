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
from common.prepared import PreparedValues
from webinars.models import Webinar


def _require_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_webinar() must run inside transaction.atomic(): outside it the lock is released at once.")


def lock_webinar_shared_reading(standing: PreparedValues, pk: int, *args) -> dict:
    """The shared lock, taken by the statement that reads what a join decides with: one round trip.

    `standing` is a query on the webinar (its row with `pk`, then `args`); its row comes back as a
    dict. The lock is the same as `lock_webinar(pk, shared=True)`, on the webinar row only. What
    differs is the snapshot: PostgreSQL takes it when the statement starts, before any wait for a
    writer. After the writer commits, the webinar row is read again as the writer left it, but the
    other tables still show what they held before. So trust them only as far as the webinar row
    agrees: a running session counts only if the webinar row says it is live, since every writer
    that ends or starts a session also changes the webinar's status, under this lock.
    """
    _require_transaction()
    # SQLite has no row locks: its write transactions (BEGIN IMMEDIATE) serialize instead.
    row = standing.first(pk, *args, suffix=f' FOR SHARE OF "{Webinar._meta.db_table}"')
    if row is None:
        raise Missing()
    return row


def lock_webinar(pk: int, *, shared: bool = False) -> Webinar:
    """Lock the webinar's row until the transaction ends and return it.

    Exclusive by default, shared for joins and leaves; one fixed statement on PostgreSQL (compiling
    an ORM query per call costs more than running it, and the hot paths hold the lock meanwhile).
    Refuses to run outside a transaction, where the lock would be released at once; 404 (Missing) if the webinar is gone.
    """
    _require_transaction()
    if connection.vendor == "postgresql":
        # Django has no FOR SHARE. This row only (no joins), the id as a parameter.
        mode = "SHARE" if shared else "UPDATE"
        sql = f'SELECT * FROM "{Webinar._meta.db_table}" WHERE "id" = %s FOR {mode}'  # noqa: S608 - our table name; the id is a parameter
        webinar = next(iter(Webinar.objects.raw(sql, [pk])), None)
    else:
        # SQLite has no row locks: its write transactions (BEGIN IMMEDIATE) serialize instead.
        webinar = Webinar.objects.filter(pk=pk).select_for_update(of=("self",)).first()
    if webinar is None:
        raise Missing()
    return webinar
