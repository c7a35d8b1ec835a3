"""Account rules: sign-up and profile changes."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from common.errors import Invalid


def username_problem(username: str) -> str | None:
    """Why this username cannot be used, or None; usernames are unique whatever their case."""
    if User.objects.filter(username__iexact=username).exists():
        return "This username is taken."
    return None


def email_problem(email: str, *, exclude_pk: int | None = None) -> str | None:
    """Why this email cannot be used, or None; one account per address, whatever its case."""
    if email and User.objects.filter(email__iexact=email).exclude(pk=exclude_pk).exists():
        return "An account with this email already exists."
    return None


def password_problems(password: str, *, username: str = "", email: str = "", display_name: str = "") -> list[str]:
    """What Django's password validators object to (too short, too common, too like the username...)."""
    try:
        validate_password(password, User(username=username, email=email, display_name=display_name))
    except ValidationError as error:
        return list(error.messages)
    return []


@transaction.atomic
def user_create(*, username: str, email: str, password: str, display_name: str = "") -> User:
    """Create an account; the username and email must be unused, the password must pass Django's validators.

    The sign-up serializer runs the same checks field by field first, so a person hears every problem at once;
    they run again here, inside the transaction, for every other caller.
    """
    if problem := username_problem(username):
        raise Invalid(problem, code="username_taken", field="username")
    if problem := email_problem(email):
        raise Invalid(problem, code="email_taken", field="email")
    if problems := password_problems(password, username=username, email=email, display_name=display_name):
        raise Invalid(" ".join(problems), code="weak_password", field="password")
    user = User(username=username, email=email, display_name=display_name)
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
def user_update(*, user: User, **changes) -> User:
    """Change the profile fields a person may edit themselves."""
    if "email" in changes and (problem := email_problem(changes["email"], exclude_pk=user.pk)):
        raise Invalid(problem, code="email_taken", field="email")
    for field, value in changes.items():
        setattr(user, field, value)
    user.save(update_fields=list(changes))
    return user
