"""Account rules: sign-up, profile changes, refresh-token rotation, email preferences and one-click unsubscribe."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.utils import datetime_from_epoch

from accounts.models import User
from common.errors import Invalid, Unauthenticated

USERNAME_TAKEN = "This username is taken."
EMAIL_TAKEN = "An account with this email already exists."


def _username_taken() -> Invalid:
    return Invalid(USERNAME_TAKEN, code="username_taken", field="username")


def _email_taken() -> Invalid:
    return Invalid(EMAIL_TAKEN, code="email_taken", field="email")


def username_problem(username: str) -> str | None:
    """Why this username cannot be used, or None; usernames are unique whatever their case."""
    return USERNAME_TAKEN if User.objects.filter(username__iexact=username).exists() else None


def email_problem(email: str, *, exclude_pk: int | None = None) -> str | None:
    """Why this email cannot be used, or None; one account per address, whatever its case."""
    taken = email and User.objects.filter(email__iexact=email).exclude(pk=exclude_pk).exists()
    return EMAIL_TAKEN if taken else None


def password_problems(password: str, *, username: str = "", email: str = "", display_name: str = "") -> list[str]:
    """What Django's password validators object to (too short, too common, too like the username...)."""
    try:
        validate_password(password, User(username=username, email=email, display_name=display_name))
    except ValidationError as error:
        return list(error.messages)
    return []


def _save_unique(user: User, *, exclude_pk: int | None = None, **save_kwargs) -> None:
    """Save, turning a lost race on the case-insensitive unique username or email into its 400.

    The checks before the save answer the common case; two sign-ups at once both pass them, and
    only the database's constraint (accounts.User.Meta) can tell the second one no.
    """
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction stays usable
            user.save(**save_kwargs)
    except IntegrityError:
        if User.objects.filter(username__iexact=user.username).exclude(pk=exclude_pk).exists():
            raise _username_taken() from None
        raise _email_taken() from None


@transaction.atomic
def user_create(*, username: str, email: str, password: str, display_name: str = "") -> User:
    """Create an account; the username and email must be unused, the password must pass Django's validators.

    The sign-up serializer runs the same checks field by field first, so a person hears every problem at once;
    they run again here, inside the transaction, for every other caller.
    """
    if username_problem(username):
        raise _username_taken()
    if email_problem(email):
        raise _email_taken()
    if problems := password_problems(password, username=username, email=email, display_name=display_name):
        raise Invalid(" ".join(problems), code="weak_password", field="password")
    user = User(username=username, email=email, display_name=display_name)
    user.set_password(password)
    _save_unique(user)
    return user


@transaction.atomic
def user_update(*, user: User, **changes) -> User:
    """Change the profile fields a person may edit themselves."""
    if "email" in changes and email_problem(changes["email"], exclude_pk=user.pk):
        raise _email_taken()
    for field, value in changes.items():
        setattr(user, field, value)
    _save_unique(user, exclude_pk=user.pk, update_fields=list(changes))
    return user


def _refused() -> Unauthenticated:
    return Unauthenticated("The refresh token is invalid or expired.", code="token_not_valid")


@transaction.atomic
def refresh_token_rotate(*, token: str) -> dict[str, str]:
    """Exchange a refresh token for a new access and refresh token, once.

    The token is blacklisted by inserting its one blacklist row: of N parallel uses of one token,
    exactly one inserts it and wins, the others find the row and are refused. (simplejwt checks the
    blacklist, then writes it: every request that checks before the first write wins.)
    """
    try:
        refresh = RefreshToken(token)  # signature, expiry, and the blacklist as it stands now
    except TokenError:
        raise _refused() from None
    claims = settings.SIMPLE_JWT
    user = User.objects.filter(pk=refresh.payload.get(claims.get("USER_ID_CLAIM", "user_id")), is_active=True).first()
    if user is None:  # deleted or deactivated since the token was issued
        raise _refused()
    outstanding, _ = OutstandingToken.objects.get_or_create(
        jti=refresh.payload[claims.get("JTI_CLAIM", "jti")],
        defaults={"user": user, "token": token, "created_at": refresh.current_time, "expires_at": datetime_from_epoch(refresh["exp"])},
    )
    _, won = BlacklistedToken.objects.get_or_create(token=outstanding)
    if not won:
        raise _refused()
    fresh = RefreshToken.for_user(user)  # recorded as outstanding, so that it can be blacklisted in turn
    return {"access": str(fresh.access_token), "refresh": str(fresh)}


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
