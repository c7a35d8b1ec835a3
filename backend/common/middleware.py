"""Site-wide middleware of our own."""

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse

from common.exceptions import error_body

RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    """A database that is down, refuses connections, or cancelled a statement past its timeout: 503 in the
    one error shape, with Retry-After, instead of a 500. (IntegrityError and other client-caused errors
    are not OperationalErrors; the services turn those into 4xx.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        response = JsonResponse(error_body("database_unavailable", "The database is unavailable. Try again in a moment."), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
