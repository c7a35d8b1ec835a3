"""Before usernames become unique whatever their case (0004): rename the accounts that would collide.

Per lower-cased name the oldest account (lowest id) keeps its name; each later one becomes
`<name>-<id>`, which no sign-up could have taken from it first, since ids are unique. Their owners log
in with the new name (the admin shows it); nothing else refers to usernames. Emails need nothing:
they have been unique whatever their case since 0001.
"""

from django.db import migrations
from django.db.models import Count
from django.db.models.functions import Lower

MAX_LENGTH = 150


def _with_suffix(username: str, suffix: str) -> str:
    return username[: MAX_LENGTH - len(suffix)] + suffix


def rename_duplicates(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    by_lower = User.objects.annotate(lowered=Lower("username"))
    colliding = by_lower.values("lowered").annotate(n=Count("pk")).filter(n__gt=1).values_list("lowered", flat=True)
    for lowered in list(colliding):
        _keeper, *later = by_lower.filter(lowered=lowered).order_by("pk")
        for user in later:
            candidate, attempt = _with_suffix(user.username, f"-{user.pk}"), 1
            while User.objects.filter(username__iexact=candidate).exists():  # someone chose "<name>-<id>" already
                candidate, attempt = _with_suffix(user.username, f"-{user.pk}-{attempt}"), attempt + 1
            user.username = candidate
            user.save(update_fields=["username"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_user_notification_preferences")]

    operations = [migrations.RunPython(rename_duplicates, migrations.RunPython.noop)]
