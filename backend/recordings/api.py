"""Recordings API: list, publish, delete and download for people; the endpoint Jibri's finalize script posts to."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from common.errors import Unauthenticated
from common.permissions import require_bearer_secret
from recordings import services
from recordings.models import Recording
from recordings.selectors import recordings_for, visible_recording
from recordings.storage import download_response
from webinars.selectors import reachable_webinar

LINK_SALT = "stagecall.recordings.download"
ROOM_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
# Relative to Jibri's recordings directory: safe segments only, none starting with a dot (no "..").
PATH_PATTERN = r"^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}/){0,3}[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}\.mp4$"


def download_link(recording: Recording, user) -> str:
    """A link the browser can follow without our Authorization header (<video src>, <a download>).

    It names the recording and the user; the download view checks that user's rights again on every
    request, so unpublishing or a withdrawn registration takes effect at once. Valid RECORDINGS_LINK_TTL.
    """
    token = signing.dumps({"r": recording.pk, "u": user.pk}, salt=LINK_SALT, compress=True)
    path = reverse("recording-download", kwargs={"pk": recording.session.webinar_id, "rid": recording.pk})
    return f"{path}?token={token}"


def user_from_link(token: str, recording_pk: int) -> User:
    try:
        claims = signing.loads(token, salt=LINK_SALT, max_age=settings.RECORDINGS_LINK_TTL)
    except signing.BadSignature:  # expired links included
        raise Unauthenticated("The download link is invalid or has expired.", field="token") from None
    user = User.objects.filter(pk=claims.get("u"), is_active=True).first() if claims.get("r") == recording_pk else None
    if user is None:
        raise Unauthenticated("The download link is invalid or has expired.", field="token")
    return user


class RecordingSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField(help_text="Signed link for <video src> and downloads; null until ready.")

    class Meta:
        model = Recording
        fields = ["id", "session", "status", "published", "size_bytes", "duration_seconds", "created_at", "download_url"]
        read_only_fields = fields

    def get_download_url(self, recording: Recording) -> str | None:
        if recording.status != Recording.Status.READY:
            return None
        return download_link(recording, self.context["request"].user)


class PublishSerializer(serializers.Serializer):
    published = serializers.BooleanField()


class RecordingListView(generics.ListAPIView):
    """Hosts see every recording of the webinar; approved registrants the published ones; anyone else 404."""

    permission_classes = [IsAuthenticated]
    serializer_class = RecordingSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator calls this without a request
            return Recording.objects.none()
        webinar = reachable_webinar(self.request.user, self.kwargs["pk"])
        return recordings_for(webinar=webinar, user=self.request.user)


class RecordingDetailView(APIView):
    """Read one recording (list rules); hosts publish or withdraw it (PATCH) and delete it, file included."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=RecordingSerializer)
    def get(self, request, pk: int, rid: int):
        _, recording = visible_recording(user=request.user, webinar_pk=pk, recording_pk=rid)
        return Response(RecordingSerializer(recording, context={"request": request}).data)

    @extend_schema(request=PublishSerializer, responses=RecordingSerializer)
    def patch(self, request, pk: int, rid: int):
        _, recording = visible_recording(user=request.user, webinar_pk=pk, recording_pk=rid)
        data = PublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        recording = services.recording_set_published(recording=recording, published=data.validated_data["published"], by=request.user)
        return Response(RecordingSerializer(recording, context={"request": request}).data)

    @extend_schema(responses={204: None})
    def delete(self, request, pk: int, rid: int):
        _, recording = visible_recording(user=request.user, webinar_pk=pk, recording_pk=rid)
        services.recording_delete(recording=recording, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RecordingDownloadView(APIView):
    """The file, with the list's rules: X-Accel-Redirect (nginx), a signed URL (S3) or the bytes (development)."""

    permission_classes = [AllowAny]  # a signed link stands in for the Authorization header a <video> cannot send

    @extend_schema(
        parameters=[OpenApiParameter("token", str, description="The signed link's token (download_url).")],
        responses={(200, "video/mp4"): OpenApiTypes.BINARY, 302: OpenApiResponse(description="Signed storage URL (S3)")},
    )
    def get(self, request, pk: int, rid: int):
        token = request.query_params.get("token")
        if token is not None:
            user = user_from_link(token, rid)
        elif request.user.is_authenticated:
            user = request.user
        else:
            raise Unauthenticated()
        webinar, recording = visible_recording(user=user, webinar_pk=pk, recording_pk=rid)
        if recording.status != Recording.Status.READY:
            raise services.RecordingNotReady()
        return download_response(recording.file, filename=f"{webinar.slug}-recording-{recording.pk}.mp4")


class AnnouncementSerializer(serializers.Serializer):
    room = serializers.RegexField(ROOM_PATTERN, help_text="The Jitsi room (the end of metadata.json's meeting_url).")
    path = serializers.RegexField(PATH_PATTERN, max_length=500, help_text="The MP4, relative to Jibri's recordings directory.")


class JitsiRecordingView(APIView):
    """Jibri's finalize script announces a finished file; 202 at once, the worker copies it. 401 without the secret."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=AnnouncementSerializer,
        responses={
            202: inline_serializer("RecordingAnnounced", {"id": serializers.IntegerField(), "status": serializers.CharField()}),
            200: OpenApiResponse(description="The same file again: the existing recording, nothing new"),
            401: OpenApiResponse(description="Missing or wrong bearer secret"),
            404: OpenApiResponse(description="No session ever used this room (code unknown_room)"),
        },
        auth=[],
    )
    def post(self, request):
        require_bearer_secret(request, "RECORDINGS_SECRET", caller="recording announcement")
        data = AnnouncementSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        recording, created = services.recording_announce(**data.validated_data)
        return Response(
            {"id": recording.pk, "status": recording.status},
            status=status.HTTP_202_ACCEPTED if created else status.HTTP_200_OK,
        )
