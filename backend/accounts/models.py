"""People who organize and attend webinars."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower


class User(AbstractUser):
    display_name = models.CharField(max_length=100, blank=True)
    avatar_url = models.URLField(max_length=500, blank=True)
    # An IANA zone for the times in emails; empty means the organizer's zone, else UTC.
    timezone = models.CharField(max_length=64, blank=True)
    # Preferences for the messages one may turn off (docs/notifications.md); transactional ones always go.
    email_reminders = models.BooleanField(default=True, help_text='Reminders before the start and "we\'re live".')
    email_follow_ups = models.BooleanField(default=True, help_text="Thank-you, sorry-we-missed-you and recording emails.")

    class Meta:
        # Names that differ only in case would be two accounts to the database but one to people and to
        # the case-insensitive lookup; sign-up checks first, these refuse the racer that got past the check.
        constraints = [
            models.UniqueConstraint(Lower("username"), name="unique_user_username_ci"),
            models.UniqueConstraint(Lower("email"), condition=~models.Q(email=""), name="unique_user_email_ci"),
        ]

    @property
    def public_name(self) -> str:
        """The name shown to others: the display name, else the username."""
        return self.display_name or self.username
