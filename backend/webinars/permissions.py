"""Object permissions on webinars, for views."""

from rest_framework.permissions import BasePermission

from webinars.models import Webinar
from webinars.selectors import reachable_webinar


class IsWebinarHost(BasePermission):
    """The caller organizes or co-hosts the webinar."""

    message = "Only the webinar's hosts may do this."

    def has_object_permission(self, request, view, obj: Webinar) -> bool:
        return obj.is_host(request.user)


def hosted_webinar(view, pk: int) -> Webinar:
    """The webinar of a host-only view: 404 when the caller cannot see it at all, 403 when they can but do not host it."""
    webinar = reachable_webinar(view.request.user, pk)
    view.check_object_permissions(view.request, webinar)
    return webinar
