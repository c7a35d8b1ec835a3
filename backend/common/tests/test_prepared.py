"""A query compiled once answers exactly what the ORM answers, for every set of arguments."""

import pytest

from common.prepared import PreparedValues
from webinars.models import Webinar

pytestmark = pytest.mark.django_db

by_organizer = PreparedValues(
    lambda organizer_id, min_capacity: (
        Webinar.objects.filter(organizer_id=organizer_id, capacity__gte=min_capacity)
        .order_by("-capacity")
        .values("title", "capacity", "starts_at")
    ),
    arity=2,
)


def test_it_matches_the_orm_for_new_arguments_each_time(make_user, make_webinar):
    first, second = make_user(), make_user()
    make_webinar(organizer=first, title="Small", capacity=5)
    make_webinar(organizer=first, title="Big", capacity=50)
    make_webinar(organizer=second, title="Other", capacity=7)
    for args in [(first.pk, 1), (first.pk, 60), (second.pk, 1), (first.pk, 6)]:
        assert by_organizer.first(*args) == by_organizer._build(*args).first()
    assert by_organizer.first(first.pk, 1)["title"] == "Big"
    assert by_organizer.first(first.pk, 60) is None
