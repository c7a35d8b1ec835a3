"""End live sessions whose Jitsi room was destroyed longer than JITSI_ROOM_GRACE_SECONDS ago.

Requests end such sessions lazily; run this every minute (cron, or a loop in the worker container)
so that sessions nobody asks about end on time too.
"""

from django.core.management.base import BaseCommand

from live.services import end_abandoned_sessions


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def handle(self, *args, **options):
        self.stdout.write(f"Ended {end_abandoned_sessions()} abandoned session(s).")
