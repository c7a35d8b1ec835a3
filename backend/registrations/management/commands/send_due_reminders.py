"""Send the reminders now due (docs/notifications.md); the compose `reaper` runs it every minute."""

from django.core.management.base import BaseCommand

from registrations.notifications import reminders_send_due


class Command(BaseCommand):
    help = "Queue the reminders now due (REMINDER_OFFSETS_MINUTES before each webinar's start), each at most once."

    def handle(self, *args, **options):
        count = reminders_send_due()
        if count:
            self.stdout.write(f"Reminders queued for {count} registrant(s).")
