"""Account rules: sign-up, profile changes, email preferences and one-click unsubscribe."""

from django.contrib.auth.password_validation import validate_password
from django.core import signing
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


# The email preferences one may turn off, by the topic named in unsubscribe links.
TOPICS = {"reminders": "email_reminders", "follow_ups": "email_follow_ups"}
_UNSUBSCRIBE_SALT = "stagecall.unsubscribe"


def unsubscribe_token(*, user: User, topic: str) -> str:
    """A signed, never-expiring token that turns one topic off for one person, without a login."""
    return signing.dumps([user.pk, topic], salt=_UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_token_read(*, token: str) -> tuple[User, str]:
    """The person and topic of a token; Invalid (400, field `token`) if forged, mangled or the account is gone."""
    try:
        user_id, topic = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
        if topic not in TOPICS:
            raise ValueError(topic)
        return User.objects.get(pk=user_id), topic
    except (signing.BadSignature, ValueError, TypeError, User.DoesNotExist):
        raise Invalid("This unsubscribe link is not valid.", code="bad_token", field="token") from None


@transaction.atomic
def user_unsubscribe(*, token: str) -> tuple[User, str]:
    """The holder of a signed link turns that topic off (idempotent); transactional emails still go."""
    user, topic = unsubscribe_token_read(token=token)
    setattr(user, TOPICS[topic], False)
    user.save(update_fields=[TOPICS[topic]])
    return user, topic
