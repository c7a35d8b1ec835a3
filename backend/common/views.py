"""Site-wide views: health check, the single-page app's index, and JSON error pages."""

from django.conf import settings
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, authentication_classes, permission_classes

from common.exceptions import error_body


@extend_schema(responses=inline_serializer("Health", {"status": serializers.CharField()}), auth=[])
@api_view(["GET"])
@authentication_classes([])
@permission_classes([])
def health(request):
    """Liveness and database reachability, for the container health check."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def spa_index(request, path=""):
    """Serve the built frontend's index.html for client-side routes (the app routes itself)."""
    index = settings.FRONTEND_DIST / "index.html"
    if not index.is_file():
        raise Http404("The frontend is not built. Run `make frontend`.")
    response = FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


def json_not_found(request, exception=None):
    return JsonResponse(error_body("not_found", "Not found."), status=404)


def json_server_error(request):
    return JsonResponse(error_body("server_error", "Something went wrong on our side."), status=500)
