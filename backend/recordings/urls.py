from django.urls import path

from recordings import api

urlpatterns = [
    path("webinars/<int:pk>/recordings/", api.RecordingListView.as_view(), name="recording-list"),
    path("webinars/<int:pk>/recordings/<int:rid>/", api.RecordingDetailView.as_view(), name="recording-detail"),
    path("webinars/<int:pk>/recordings/<int:rid>/download/", api.RecordingDownloadView.as_view(), name="recording-download"),
    # No trailing slash, like the event_sync paths: the finalize script's curl does not follow redirects.
    path("jitsi/recordings", api.JitsiRecordingView.as_view(), name="jitsi-recordings"),
]
