"""Throttles: DRF's scoped rates per view, one for the admin's login form, one for wrong Jitsi secrets.

Rates and scopes are settings (THROTTLE_<SCOPE>_RATE, docs/configuration.md). The client is identified
by DRF's get_ident: REMOTE_ADDR, or with TRUSTED_PROXY_COUNT proxies in front, the address the
outermost trusted proxy appended to X-Forwarded-For; never a header the client can write. Counts live
in the shared cache; when it is down the cache answers "nothing counted" and requests pass (fail open,
logged by common.cache), since losing the site is worse than a minute without limits.
"""

import time
from functools import wraps

from django.core.cache import cache
from django.http import JsonResponse
from rest_framework import throttling
from rest_framework.exceptions import Throttled

from common.exceptions import error_body


def _count_hit(key: str, seconds: int) -> tuple[int, int]:
    """(hits in the window, seconds left in it); the window opens at the first hit."""
    if hasattr(cache, "count_hit"):  # common.cache.FailOpenRedisCache: one round trip
        return cache.count_hit(key, seconds)
    # A per-process cache (tests, `make run`): the same counter through the cache API.
    now = time.time()
    opened = cache.get_or_set(f"{key}:opened", now, seconds)
    cache.add(key, 0, seconds)
    return cache.incr(key), max(int(opened + seconds - now), 1)


class CountingRateThrottle(throttling.SimpleRateThrottle):
    """DRF's throttle with a counter instead of a history: one Redis round trip per request.

    DRF keeps a list of timestamps per client and reads, then rewrites it, pickled: two round trips
    on every throttled request, the busiest ones included (join, register), and two racing requests
    can both pass. Here a counter opens a window at the client's first request and lets `rate`
    requests through until it closes; Retry-After is what is left of it. The window does not slide:
    a client may spend its rate at the end of one window and again at the start of the next.
    """

    cache_format = "throttle-count:%(scope)s:%(ident)s"

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        count, self._seconds_left = _count_hit(key, self.duration)
        return count <= self.num_requests

    def wait(self):
        return self._seconds_left


class ScopedRateThrottle(throttling.ScopedRateThrottle, CountingRateThrottle):
    """DRF's per-view scopes (`throttle_scope`): it picks the rate, then counts as above."""


class ClientRateThrottle(CountingRateThrottle):
    """A throttle keyed on the client's address only, for callers that are never signed in."""

    def __init__(self, scope: str):
        self.scope = scope
        super().__init__()

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def check(self, request, view=None) -> None:
        """Count this request; raise Throttled (429 with Retry-After) past the rate."""
        if not self.allow_request(request, view):
            raise Throttled(wait=self.wait())


def throttle_post(scope: str):
    """Throttle POSTs to a plain Django view (the admin's login form) by client, answering 429 in the API's error shape."""

    def decorate(view):
        @wraps(view)
        def throttled(request, *args, **kwargs):
            if request.method == "POST":
                try:
                    ClientRateThrottle(scope).check(request)
                except Throttled as error:
                    response = JsonResponse(error_body("throttled", str(error.detail)), status=429)
                    response["Retry-After"] = str(int(error.wait or 1))
                    return response
            return view(request, *args, **kwargs)

        return throttled

    return decorate
