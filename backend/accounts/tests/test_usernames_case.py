"""Finding 8: two accounts can never differ only in the case of their username or email."""

import pytest
from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import User

pytestmark = pytest.mark.django_db
BEFORE = ("accounts", "0002_user_notification_preferences")  # the last migration before the constraint


@pytest.mark.parametrize("first, second", [({"username": "Ada"}, {"username": "ada"}), ({"email": "A@x.io"}, {"email": "a@X.io"})])
def test_the_database_refuses_a_second_account_differing_only_in_case(first, second):
    User.objects.create(**({"username": "one", "email": "one@x.io"} | first))
    with pytest.raises(IntegrityError):
        User.objects.create(**({"username": "two", "email": "two@x.io"} | second))


def test_the_lookup_finds_the_one_account(api, make_user):
    make_user("Ada")
    response = api.as_(make_user()).get("/api/auth/users/lookup/", {"username": "ADA"})
    assert response.status_code == 200 and response.json()["username"] == "Ada"


@pytest.mark.django_db(transaction=True)
def test_the_migration_renames_later_duplicates_and_keeps_the_oldest():
    """Accounts created before the constraint may collide: the oldest keeps its name, the others get a suffix."""
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old_user = executor.loader.project_state([BEFORE]).apps.get_model("accounts", "User")
    first = old_user.objects.create(username="Ada", email="ada1@x.io")
    second = old_user.objects.create(username="ada", email="ada2@x.io")
    third = old_user.objects.create(username="ADA", email="ada3@x.io")
    other = old_user.objects.create(username="grace", email="grace@x.io")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    names = dict(User.objects.values_list("pk", "username"))
    assert names[first.pk] == "Ada" and names[other.pk] == "grace"
    assert names[second.pk] == f"ada-{second.pk}" and names[third.pk] == f"ADA-{third.pk}"
    assert User.objects.filter(username__iexact="ada").count() == 1
