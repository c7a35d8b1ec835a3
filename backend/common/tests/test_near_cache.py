"""Near copies of shared-cache entries (common/near_cache.py): used only while every change reaches them.

Two NearCache objects on one channel stand for two worker processes: each has its own subscriber
thread and its own Redis subscription.
"""

import itertools
import time

import pytest
from django.core.cache import cache

from common.near_cache import NearCache

needs_redis = pytest.mark.skipif(not hasattr(cache, "redis_client"), reason="needs Redis: run with REDIS_URL (make test-postgres)")
_channels = itertools.count()
LONG = 60  # copies outlive every test: a copy that disappears was dropped, not expired


def _eventually(condition, seconds=3.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return False


@pytest.fixture
def processes():
    channel = f"test-near-cache:{next(_channels)}:{time.monotonic_ns()}"
    here, there = NearCache(channel, seconds=LONG), NearCache(channel, seconds=LONG)
    for near in (here, there):
        near.generation()  # starts the subscriber
        assert _eventually(lambda near=near: near._subscribed), "the subscriber never subscribed"
    return here, there


@needs_redis
def test_a_change_announced_in_another_process_drops_the_copy_here(processes):
    here, there = processes
    here.put("7", "scheduled", here.generation())
    assert here.get("7") == "scheduled"

    announced = time.monotonic()
    there.announce("7")

    assert _eventually(lambda: here.get("7") is None)
    assert time.monotonic() - announced < 1  # dropped on the announcement, long before the copy's expiry


@needs_redis
def test_the_announcing_process_drops_its_own_copy_at_once(processes):
    here, _ = processes
    here.put("7", "scheduled", here.generation())
    here.announce("7")
    assert here.get("7") is None


@needs_redis
def test_an_entry_fetched_before_an_announcement_is_not_kept_after_it(processes):
    here, there = processes
    generation = here.generation()  # a poll notes the generation, then reads Redis: "scheduled"
    there.announce("7")  # meanwhile Go Live commits elsewhere and announces
    assert _eventually(lambda: here.generation() != generation)

    here.put("7", "scheduled", generation)  # the poll finishes with what it read before

    assert here.get("7") is None
    here.put("7", "live", here.generation())
    assert here.get("7") == "live"


@needs_redis
def test_copies_are_not_used_while_the_subscription_is_down(processes):
    here, _ = processes
    here.put("7", "scheduled", here.generation())

    cache.redis_client().client_kill_filter(_type="pubsub")  # every subscriber's connection drops

    # Announcements may have been missed while down: the copy goes, and none is kept or used
    # until the subscriber is back.
    assert _eventually(lambda: not here._subscribed)
    assert here.get("7") is None
    assert _eventually(lambda: here._subscribed)
    here.put("7", "live", here.generation())
    assert here.get("7") == "live"


@needs_redis
def test_a_copy_is_trusted_for_its_seconds_at_most(processes):
    here, _ = processes
    here.put("7", "scheduled", here.generation(), seconds=0.05)
    assert here.get("7") == "scheduled"
    assert _eventually(lambda: here.get("7") is None, seconds=1)


def test_without_redis_there_are_no_copies(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    near = NearCache("test-near-cache:local", seconds=LONG)
    near.put("7", "scheduled", near.generation())
    assert near.get("7") is None
    near.announce("7")  # nothing to tell, and no error


@needs_redis
def test_memory_is_bounded(processes):
    here, _ = processes
    here.max_entries = 3
    for key in "abcd":
        here.put(key, key, here.generation())
    assert len(here._entries) <= 3
    assert here.get("d") == "d"
