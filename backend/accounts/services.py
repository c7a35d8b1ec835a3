"""Account rules: sign-up and profile changes."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from common.errors import Invalid


def _check_email_free(email: str, *, exclude_pk: int | None = None) -> None:
    taken = User.objects.filter(email__iexact=email).exclude(pk=exclude_pk)
    if email and taken.exists():
        raise Invalid("An account with this email already exists.", code="email_taken", field="email")


@transaction.atomic
def user_create(*, username: str, email: str, password: str, display_name: str = "") -> User:
    """Create an account; the password must pass Django's validators, the email must be unused."""
    if User.objects.filter(username__iexact=username).exists():
        raise Invalid("This username is taken.", code="username_taken", field="username")
    _check_email_free(email)
    user = User(username=username, email=email, display_name=display_name)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise Invalid(" ".join(error.messages), code="weak_password", field="password") from None
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
def user_update(*, user: User, **changes) -> User:
    """Change the profile fields a person may edit themselves."""
    if "email" in changes:
        _check_email_free(changes["email"], exclude_pk=user.pk)
    for field, value in changes.items():
        setattr(user, field, value)
    user.save(update_fields=list(changes))
    return user
