"""Account rules: sign-up, profile changes, email preferences and one-click unsubscribe."""

from django.contrib.auth.password_validation import validate_password
from django.core import signing
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
