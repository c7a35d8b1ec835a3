"""Middleware of our own: the one error shape on every /api/ error, answers never stored by default,
and 503 (not 500) when the database is unavailable."""

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse

from common.exceptions import error_body

API_PREFIX = "/api/"
RETRY_AFTER_SECONDS = 5
DATABASE_ERRORS = (OperationalError, InterfaceError)


def database_unavailable() -> JsonResponse:
    """The answer when the database is down, refuses connections, or cancelled a statement past its timeout."""
    response = JsonResponse(error_body("database_unavailable", "The database is unavailable. Try again in a moment."), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


# Codes for errors that Django (not DRF) answers before or around a view: a bad Host header or an
# oversized body (400, HTML), CSRF refusals (403, HTML), unknown paths with debug on (404, HTML).
STATUS_CODES = {
    400: ("bad_request", "The request is malformed."),
    403: ("permission_denied", "You do not have permission to perform this action."),
    404: ("not_found", "Not found."),
    405: ("method_not_allowed", "Method not allowed."),
    413: ("payload_too_large", "The request body is too large."),
    500: ("server_error", "Something went wrong on our side."),
}


def _is_json(response) -> bool:
    return response.get("Content-Type", "").split(";")[0].strip() in ("application/json", "application/problem+json")


class ApiResponseMiddleware:
    """Keep /api/ answers in the documented shape, whoever produced them.

    Runs first (outermost) so that it also sees what Django answers without reaching a view:
    DisallowedHost and RequestDataTooBig become HTML 400 pages in Django's handlers, and with
    DEBUG=1 an unknown path is Django's HTML technical 404.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        too_large = self._refuse_oversized(request)
        if too_large is not None:
            return too_large
        response = self.get_response(request)
        if response.status_code >= 400 and not response.streaming and not _is_json(response):
            response = self._reshape(response)
        # API answers are per caller and may carry tokens (token, refresh, join): never stored by a
        # browser or proxy unless the view chose otherwise (the public status allows a short cache).
        if "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        return response

    @staticmethod
    def _refuse_oversized(request):
        """Refuse a declared body over DATA_UPLOAD_MAX_MEMORY_SIZE before anything reads it."""
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return JsonResponse(error_body("bad_request", "The Content-Length header is not a number."), status=400)
        if limit is not None and length > limit:
            detail = f"The request body is too large (at most {limit} bytes)."
            return JsonResponse(error_body("payload_too_large", detail), status=413)
        return None

    @staticmethod
    def _reshape(response):
        code, detail = STATUS_CODES.get(response.status_code, ("error", "The request failed."))
        reshaped = JsonResponse(error_body(code, detail), status=response.status_code)
        for header in ("Allow", "Retry-After", "WWW-Authenticate"):
            if header in response:
                reshaped[header] = response[header]
        return reshaped


class DatabaseUnavailableMiddleware:
    """A database that is down, refuses connections, or cancelled a statement past its timeout: 503 in the
    one error shape, with Retry-After, instead of a 500. (IntegrityError and other client-caused errors
    are not OperationalErrors; the services turn those into 4xx.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return database_unavailable() if isinstance(exception, DATABASE_ERRORS) else None
