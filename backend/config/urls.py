"""URL map: the API under /api/, the admin, and the single-page app for everything else."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from common.throttling import throttle_post
from common.views import health, spa_index

api_patterns = [
    path("health/", health, name="health"),
    path("auth/", include("accounts.urls")),
    path("", include("registrations.urls")),
    path("", include("recordings.urls")),
    path("", include("live.urls")),
    path("", include("webinars.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view loads Swagger UI's start-up script from a URL: the CSP allows no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
]

# Password guessing on the admin's login form is slowed down like the API's login (per client).
admin.site.login = throttle_post("admin_login")(admin.site.login)
if settings.BENCHMARK_FLOOR:
    from benchmarks.floor import FloorView, JoinRoundTripsView, RegisterRoundTripsView

    api_patterns += [
        path("bench/floor/", FloorView.as_view(), name="bench-floor"),
        path("bench/join-round-trips/<int:pk>/", JoinRoundTripsView.as_view(), name="bench-join-round-trips"),
        path("bench/register-round-trips/<int:pk>/", RegisterRoundTripsView.as_view(), name="bench-register-round-trips"),
    ]

urlpatterns = [
    path("api/", include(api_patterns)),
    path("admin/", admin.site.urls),
    # Client-side routes of the React app; /api/ and /admin/ never fall through to it.
    re_path(r"^(?!api/|admin/|static/)(?P<path>.*)$", spa_index, name="spa"),
]

handler404 = "common.views.json_not_found"
handler500 = "common.views.json_server_error"
