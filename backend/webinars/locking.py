"""The one lock of every state change: the webinar's row, taken first, always.

Lock order: the webinar row, then (without locks of their own) its live sessions, attendance
intervals and registrations. Every writer of those rows holds the webinar lock, so they need none:
one lock per webinar means no two writers can ever wait on each other in opposite orders.
"""

from django.db import transaction

from common.errors import Missing
from webinars.models import Webinar


def lock_webinar(pk: int) -> Webinar:
    """Lock the webinar's row until the transaction ends and return it, co-hosts prefetched.

    Refuses to run outside a transaction, where the lock would be released at once.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_webinar() must run inside transaction.atomic(): outside it the lock is released at once.")
    # of=("self",): lock this row only, never rows of tables a later change might join in.
    webinar = Webinar.objects.select_for_update(of=("self",)).prefetch_related("co_hosts").filter(pk=pk).first()
    if webinar is None:  # deleted since the caller read it
        raise Missing()
    return webinar
