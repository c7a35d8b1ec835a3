"""The public status poll over HTTP: one function answers it, for the fast-path middleware and the DRF views.

Every open event page polls it every few seconds, so it is the busiest request a webinar brings. It
is public, anonymous and identical for everyone: it needs no session, user, CSRF check, message
store or DRF negotiation. The middleware answers it right after SecurityMiddleware; the DRF views
(which document it in the schema) answer the same through the same function.
"""

import re

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse

from common.exceptions import error_body
from common.middleware import DATABASE_ERRORS, database_unavailable
from live.selectors import public_status, webinar_id_for_slug
from webinars.models import Webinar

STATUS_PATH = re.compile(r"^/api/webinars/(?:(?P<pk>\d+)|by-slug/(?P<slug>[-\w]+))/status/$")


def _matches(if_none_match: str, etag: str) -> bool:
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in candidates or "*" in candidates


def status_response(request, *, pk: int | None = None, slug: str | None = None) -> HttpResponse:
    """200 with the status, 304 when the ETag matches, 404 in the one error shape; unlisted webinars answer by slug only."""
    try:
        webinar_id = webinar_id_for_slug(slug) if slug is not None else pk
        entry = public_status(webinar_id) if webinar_id else None
    except DATABASE_ERRORS:  # answered by a middleware, so no view-level handler sees it
        return database_unavailable()
    if entry is None or (entry["visibility"] != Webinar.Visibility.PUBLIC and slug is None):
        return JsonResponse(error_body("not_found", "Not found."), status=404)
    # The body and its ETag were rendered once, when the entry was computed: a poll only compares.
    headers = {"ETag": entry["etag"], "Cache-Control": f"public, max-age={settings.STATUS_MAX_AGE}"}
    if _matches(request.headers.get("If-None-Match", ""), entry["etag"]):
        return HttpResponseNotModified(headers=headers)
    return HttpResponse(entry["body"], content_type="application/json", headers=headers)


class PublicStatusFastPath:
    """Middleware: answer GET/HEAD status polls before the middleware and DRF machinery they do not need."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            match = STATUS_PATH.match(request.path_info)
            if match:
                request.get_host()  # the Host check every request gets (DisallowedHost: 400)
                pk, slug = match["pk"], match["slug"]
                return status_response(request, pk=int(pk) if pk else None, slug=slug)
        return self.get_response(request)
