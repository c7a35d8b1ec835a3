"""Demo data for local use: an organizer, an attendee and a few webinars (idempotent)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from webinars.models import Webinar
from webinars.services import webinar_create, webinar_publish

# Documented in README.md. For local use only: never run this against a production database.
DEMO_PASSWORD = "stagecall-demo"
DEMO_WEBINARS = [
    ("Intro to self-hosted video", 1, 60, None, "open", ["jitsi", "webrtc"]),
    ("Scaling Django for live events", 3, 90, 50, "open", ["django", "python"]),
    ("Accessibility in real-time apps (approval only)", 7, 45, 20, "approval", ["a11y"]),
]


class Command(BaseCommand):
    help = "Create demo accounts (organizer / attendee, password 'stagecall-demo') and webinars, once."

    @transaction.atomic
    def handle(self, *args, **options):
        organizer = self._user("organizer", "Olivia Organizer")
        self._user("attendee", "Arthur Attendee")
        if Webinar.objects.filter(organizer=organizer).exists():
            self.stdout.write("Demo data already present.")
            return
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        for title, days, minutes, capacity, policy, tags in DEMO_WEBINARS:
            starts_at = now + timedelta(days=days, hours=1)
            webinar = webinar_create(
                organizer=organizer,
                title=title,
                description=f"A demo webinar: {title}.",
                starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=minutes),
                capacity=capacity,
                registration_policy=policy,
                tags=tags,
            )
            webinar_publish(webinar=webinar, by=organizer)
        self.stdout.write(self.style.SUCCESS("Demo data created: log in as organizer or attendee, password 'stagecall-demo'."))

    def _user(self, username: str, display_name: str) -> User:
        user, created = User.objects.get_or_create(
            username=username, defaults={"display_name": display_name, "email": f"{username}@example.com"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        return user
