"""The shared cache, failing open: Redis down or hanging costs speed, never the site.

Everything cached here can be recomputed or skipped: the public status comes from the database,
throttle counts start again, a status version that could not be bumped is retired by its entry's
expiry. So an unreachable Redis reads as an empty cache that forgets every write, after one short
socket timeout; then the cache rests for REDIS_RETRY_SECONDS, so that a hanging Redis costs one
timeout per server thread per rest, not one per call (Django gives each thread its own cache object).
"""

import logging
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class CacheUnavailable(Exception):
    """Internal: the cache is resting after a failure."""


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one redis-py client per connection pool instead of one per call.

    Django builds a fresh `redis.Redis` for every cache call, and redis-py fills a table of some
    two hundred response callbacks in each: measured at a fifth of a join's CPU, spent on the two
    calls of its throttle. (Django gives each thread its own cache object, so this is one client
    per pool per thread.)
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache; when Redis fails, reads miss, writes are dropped, and a warning is logged."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    _resting_until = 0.0

    def _call(self, method: str, *args):
        return self._guarded(getattr(super(), method), *args)

    def _guarded(self, function, *args):
        if time.monotonic() < self._resting_until:
            raise CacheUnavailable
        try:
            return function(*args)
        except (RedisError, OSError) as error:
            self._resting_until = time.monotonic() + settings.REDIS_RETRY_SECONDS
            logger.warning("cache unavailable, failing open for %ss: %s: %s", settings.REDIS_RETRY_SECONDS, type(error).__name__, error)
            raise CacheUnavailable from error

    def _or(self, default, method: str, *args):
        try:
            return self._call(method, *args)
        except CacheUnavailable:
            return default

    def redis_client(self):
        """The redis-py client, to subscribe (common/near_cache.py); Django's cache API has no publish/subscribe."""
        return self._cache.get_client(None, write=True)

    def publish(self, channel: str, message: str) -> None:
        """Tell every subscriber; dropped like a write when Redis fails."""
        try:
            self._guarded(self.redis_client().publish, channel, message)
        except CacheUnavailable:
            pass

    def count_hit(self, key: str, seconds: int) -> tuple[int, int]:
        """Add one to a counter that lives `seconds` from its first hit: (count, seconds left), one round trip.

        (0, 0) when Redis fails: nothing counted, as with every other call here.
        """
        key = self.make_and_validate_key(key)

        def hit():
            pipe = self.redis_client().pipeline(transaction=False)
            pipe.incr(key)
            pipe.expire(key, seconds, nx=True)  # the window opens with the first hit and never slides
            pipe.ttl(key)
            count, _, left = pipe.execute()
            return count, max(int(left), 1)

        try:
            return self._guarded(hit)
        except CacheUnavailable:
            return 0, 0

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, "add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._or(default, "get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._or(None, "set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, "touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._or(False, "delete", key, version)

    def get_many(self, keys, version=None):
        return self._or({}, "get_many", keys, version)

    def has_key(self, key, version=None):
        return self._or(False, "has_key", key, version)

    def incr(self, key, delta=1, version=None):
        try:
            return self._call("incr", key, delta, version)
        except CacheUnavailable:
            # What a missing key raises: callers already handle it (e.g. by setting a fresh value).
            raise ValueError(f"Key '{key}' not found (cache unavailable).") from None

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self._or(None, "set_many", data, timeout, version)
        return []

    def delete_many(self, keys, version=None):
        self._or(None, "delete_many", keys, version)

    def clear(self):
        return self._or(False, "clear")
