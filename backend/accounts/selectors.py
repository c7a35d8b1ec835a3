"""Reads of accounts."""

from accounts.models import User


def user_by_username(username: str) -> User | None:
    """The active account with exactly this username, in any case (unique by a constraint on its lower case)."""
    return User.objects.filter(username__iexact=username, is_active=True).order_by("pk").first()
