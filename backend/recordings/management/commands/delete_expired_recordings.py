"""Delete recordings older than RECORDINGS_RETENTION_DAYS, files included (0 keeps them all).

The compose `reaper` service runs it every minute, beside end_abandoned_sessions.
"""

from django.core.management.base import BaseCommand

from recordings.services import delete_expired_recordings


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {delete_expired_recordings()} expired recording(s).")
