from django.urls import path

from live import api
from live.jitsi_api import JitsiEventView, JitsiSelfTestView

urlpatterns = [
    path("webinars/instant/", api.InstantView.as_view(), name="webinar-instant"),
    path("webinars/<int:pk>/live/start/", api.StartView.as_view(), name="live-start"),
    path("webinars/<int:pk>/live/open/", api.OpenView.as_view(), name="live-open"),
    path("webinars/<int:pk>/live/end/", api.EndView.as_view(), name="live-end"),
    path("webinars/<int:pk>/live/join/", api.JoinView.as_view(), name="live-join"),
    path("webinars/<int:pk>/live/leave/", api.LeaveView.as_view(), name="live-leave"),
    path("webinars/<int:pk>/live/participants/", api.ParticipantsView.as_view(), name="live-participants"),
    path("webinars/<int:pk>/attendance/", api.AttendanceView.as_view(), name="attendance"),
    path("webinars/<int:pk>/attendance.csv", api.AttendanceCsvView.as_view(), name="attendance-csv"),
    path("webinars/<int:pk>/attendance/timeline/", api.AttendanceTimelineView.as_view(), name="attendance-timeline"),
    path("webinars/<int:pk>/status/", api.PublicStatusView.as_view(), name="public-status"),
    path("webinars/by-slug/<slug:slug>/status/", api.PublicStatusBySlugView.as_view(), name="public-status-by-slug"),
    # Exactly the paths event_sync builds from api_prefix = <backend>/api/jitsi; no trailing slash,
    # because Prosody does not follow redirects.
    *[
        path(f"jitsi/events/{kind}", JitsiEventView.as_view(kind=kind), name=f"jitsi-event-{kind.replace('/', '-')}")
        for kind in ("room/created", "room/destroyed", "occupant/joined", "occupant/left")
    ],
    # Not an event_sync path: `manage.py jitsi_check` posts here to prove the route and the secret.
    path("jitsi/events/self-test", JitsiSelfTestView.as_view(), name="jitsi-event-self-test"),
]
