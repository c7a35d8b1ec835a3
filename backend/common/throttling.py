"""Throttles: DRF's scoped rates per view, one for the admin's login form, one for wrong Jitsi secrets.

Rates and scopes are settings (THROTTLE_<SCOPE>_RATE, docs/configuration.md). The client is identified
by DRF's get_ident: REMOTE_ADDR, or with TRUSTED_PROXY_COUNT proxies in front, the address the
outermost trusted proxy appended to X-Forwarded-For; never a header the client can write. Counts live
in the shared cache; when it is down the cache answers "nothing counted" and requests pass (fail open,
logged by common.cache), since losing the site is worse than a minute without limits.
"""

from functools import wraps

from django.http import JsonResponse
from rest_framework.exceptions import Throttled
from rest_framework.throttling import SimpleRateThrottle

from common.exceptions import error_body


class ClientRateThrottle(SimpleRateThrottle):
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
