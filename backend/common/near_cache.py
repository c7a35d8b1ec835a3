"""Process-local copies of shared-cache entries, dropped the moment any process announces a change.

The public status poll is the busiest request, and a Redis round trip was most of its cost. A near
copy answers it from this process's memory, but only while three things hold:

- the copy is younger than `seconds` (a bound on any failure below, never the freshness we rely on);
- this process is subscribed to the announcement channel. Writers publish the key they changed,
  and every process drops its copy as soon as the message arrives. While the subscription is down
  (Redis lost, reconnecting), no copy is used and every read goes to the shared cache;
- no announcement arrived while the copy was being fetched. A reader notes the generation before
  it reads the shared cache and stores only if nothing was announced since, so an entry read just
  before a change cannot be kept after the change's announcement (the same race webinars/cache.py
  closes with versions).

Only with a Redis cache: a per-process cache (tests, `make run`) is already local, so there is nothing
to copy and no one to announce to.
"""

import logging
import os
import threading
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)
# How long the subscriber waits for a message before it checks the connection with a PING.
PING_SECONDS = 5
RETRY_SECONDS = 1


class NearCache:
    def __init__(self, channel: str, seconds: float, max_entries: int = 10_000):
        self.channel, self.seconds, self.max_entries = channel, seconds, max_entries
        self._entries: dict[str, tuple[float, object]] = {}
        self._lock = threading.Lock()
        self._generation = 0
        self._subscribed = False
        self._listener_pid: int | None = None

    @staticmethod
    def _shared_is_redis() -> bool:
        return hasattr(cache, "redis_client")  # common.cache.FailOpenRedisCache

    def generation(self) -> int:
        """Read before fetching from the shared cache; pass it to `put`."""
        self._ensure_listener()
        return self._generation

    def get(self, key: str):
        """This process's copy, or None when there is none, it is too old, or announcements may be missed."""
        if not self._subscribed:
            return None
        held = self._entries.get(key)
        if held is None or held[0] < time.monotonic():
            return None
        return held[1]

    def put(self, key: str, value, generation: int, seconds: float | None = None) -> None:
        """Keep a copy, unless an announcement (or a lost subscription) came after `generation` was read."""
        expires = time.monotonic() + min(self.seconds, seconds if seconds is not None else self.seconds)
        with self._lock:
            if self._subscribed and generation == self._generation:
                if len(self._entries) >= self.max_entries:  # expired copies are not swept: bound the memory
                    self._entries.clear()
                self._entries[key] = (expires, value)

    def announce(self, key: str) -> None:
        """A writer changed `key`: drop it here at once, and in every other process when they hear it."""
        self._drop(key)
        if self._shared_is_redis():
            # Fails open (logged by the cache): other processes then drop their copy within `seconds`.
            cache.publish(self.channel, key)

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()

    def _drop(self, key: str) -> None:
        with self._lock:
            self._generation += 1
            self._entries.pop(key, None)

    def _set_subscribed(self, subscribed: bool) -> None:
        # Either way, what was kept may have missed an announcement: start empty.
        with self._lock:
            self._subscribed = subscribed
            self._generation += 1
            self._entries.clear()

    def _ensure_listener(self) -> None:
        # One subscriber thread per process, started on first use: after gunicorn's fork, not before it.
        pid = os.getpid()
        if self._listener_pid == pid:
            return
        with self._lock:
            if self._listener_pid == pid:
                return
            self._listener_pid = pid
            self._subscribed = False
            self._entries.clear()
        if self._shared_is_redis():
            threading.Thread(target=self._listen, name=f"near-cache {self.channel}", daemon=True).start()

    def _listen(self) -> None:
        while True:
            pubsub = None
            try:
                pubsub = cache.redis_client().pubsub()
                pubsub.subscribe(self.channel)
                quiet_since = time.monotonic()
                while True:
                    message = pubsub.get_message(timeout=1.0)
                    if message is None:
                        if time.monotonic() - quiet_since > PING_SECONDS:
                            pubsub.ping()  # a dead connection raises here instead of going quiet forever
                            quiet_since = time.monotonic()
                        continue
                    quiet_since = time.monotonic()
                    if message["type"] == "subscribe":
                        self._set_subscribed(True)
                    elif message["type"] == "message":
                        self._drop(message["data"].decode())
            except Exception as error:  # noqa: BLE001 - the thread must outlive any failure; reads go to Redis meanwhile
                if self._subscribed:
                    logger.warning("near cache %s: subscription lost (%s: %s)", self.channel, type(error).__name__, error)
                self._set_subscribed(False)
                time.sleep(RETRY_SECONDS)
            finally:
                if pubsub is not None:
                    try:
                        pubsub.close()
                    except Exception:  # noqa: BLE001, S110 - closing a broken connection may fail too
                        pass
