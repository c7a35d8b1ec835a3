"""Live API: go live, join with a Jitsi room token, leave, participants, attendance, public status."""

from django.conf import settings
from drf_spectacular.drainage import set_override
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.authentication import JWTStatelessUserAuthentication

from common.csv import csv_response
from common.throttling import ScopedRateThrottle
from live import selectors, services
from live.models import LiveSession
from live.status_http import status_response
from webinars.api import WebinarSerializer
from webinars.models import Webinar
from webinars.permissions import IsWebinarHost, hosted_webinar
from webinars.selectors import reachable_webinar


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = LiveSession
        fields = ["id", "state", "started_at", "opened_at", "ended_at"]
        read_only_fields = fields


class StartSerializer(serializers.Serializer):
    practice = serializers.BooleanField(default=False, help_text="Open the green room (hosts only) instead of going live.")


class JoinSerializer(serializers.Serializer):
    domain = serializers.CharField(help_text="Host the browser loads Jitsi (and external_api.js) from.")
    room = serializers.CharField()
    jwt = serializers.CharField()
    expires_at = serializers.DateTimeField()
    moderator = serializers.BooleanField()
    display_name = serializers.CharField()


class ParticipantSerializer(serializers.Serializer):
    user = serializers.IntegerField()
    display_name = serializers.CharField()
    joined_at = serializers.DateTimeField()
    is_host = serializers.BooleanField()


class AttendanceSerializer(serializers.Serializer):
    user = serializers.IntegerField()
    display_name = serializers.CharField()
    email = serializers.EmailField()
    registration_status = serializers.CharField(help_text="The registration's status, or `host`.")
    first_join = serializers.DateTimeField(allow_null=True)
    last_leave = serializers.DateTimeField(allow_null=True)
    minutes_present = serializers.FloatField()
    attended = serializers.BooleanField()


class TimelinePointSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    present = serializers.IntegerField()


class PublicStatusSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=["scheduled", "practice", "live", "ended", "cancelled"])
    starts_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    ended_at = serializers.DateTimeField(allow_null=True)
    participant_count = serializers.IntegerField()


class InstantSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class InstantResultSerializer(serializers.Serializer):
    webinar = WebinarSerializer()
    session = SessionSerializer()
    event_url = serializers.URLField()


class StartView(APIView):
    """Hosts open the green room (`practice: true`) or go live; a second call returns the running session."""

    @extend_schema(request=StartSerializer, responses={201: SessionSerializer, 200: SessionSerializer})
    def post(self, request, pk: int):
        body = StartSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        session, created = services.live_session_start(webinar=reachable_webinar(request.user, pk), by=request.user, **body.validated_data)
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class OpenView(APIView):
    """Hosts move the session from practice to live."""

    @extend_schema(request=None, responses=SessionSerializer)
    def post(self, request, pk: int):
        return Response(SessionSerializer(services.live_session_open(webinar=reachable_webinar(request.user, pk), by=request.user)).data)


class EndView(APIView):
    """Hosts end the session; no join token is issued afterwards."""

    @extend_schema(request=None, responses=SessionSerializer)
    def post(self, request, pk: int):
        return Response(SessionSerializer(services.live_session_end(webinar=reachable_webinar(request.user, pk), by=request.user)).data)


# simplejwt's stateless class reads the same bearer token as JWTAuthentication: to a client, and in
# the schema, it is the one `jwtAuth` scheme.
set_override(JWTStatelessUserAuthentication, "suppress_collision_warning", True)


class JoinView(APIView):
    """A host, or an approved registrant once the session is live, gets a fresh room token (also to rejoin)."""

    # The token's signature is all this needs from authentication: the service reads the caller's row
    # in the statement that takes the webinar lock (one round trip fewer on the busiest POST).
    authentication_classes = [JWTStatelessUserAuthentication]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "join"

    @extend_schema(
        request=None,
        responses={
            200: JoinSerializer,
            403: OpenApiResponse(description="No approved registration"),
            409: OpenApiResponse(description="session_not_open, session_not_started, session_ended"),
        },
    )
    def post(self, request, pk: int):
        joined = services.live_session_join(webinar_id=pk, user=request.user)
        response = Response(
            {
                "domain": settings.JITSI_DOMAIN,
                "room": joined.session.room,
                "jwt": joined.token.jwt,
                "expires_at": joined.token.expires_at,
                "moderator": joined.moderator,
                "display_name": joined.display_name,
            }
        )
        response["Cache-Control"] = "no-store"  # the token admits its bearer to the room
        return response


class LeaveView(APIView):
    """Records that the caller left the room (idempotent)."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request, pk: int):
        services.live_session_leave(webinar_id=reachable_webinar(request.user, pk).pk, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ParticipantsView(APIView):
    """Hosts: who is in the room now."""

    permission_classes = [IsAuthenticated, IsWebinarHost]

    @extend_schema(responses=ParticipantSerializer(many=True))
    def get(self, request, pk: int):
        webinar = hosted_webinar(self, pk)
        return Response(ParticipantSerializer(selectors.participants_now(selectors.running_session(webinar)), many=True).data)


class AttendanceView(APIView):
    """Hosts: per registrant, first join, last leave, minutes present (intervals merged) and whether they attended."""

    permission_classes = [IsAuthenticated, IsWebinarHost]

    @extend_schema(responses=AttendanceSerializer(many=True))
    def get(self, request, pk: int):
        return Response(AttendanceSerializer(selectors.attendance_report(hosted_webinar(self, pk)), many=True).data)


class AttendanceCsvView(APIView):
    """Hosts: the attendance report as CSV."""

    permission_classes = [IsAuthenticated, IsWebinarHost]

    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR})
    def get(self, request, pk: int):
        webinar = hosted_webinar(self, pk)
        columns = ["user", "display_name", "email", "registration_status", "first_join", "last_leave", "minutes_present", "attended"]
        rows = AttendanceSerializer(selectors.attendance_report(webinar), many=True).data
        return csv_response(f"attendance-{webinar.slug}.csv", columns, ([row[c] for c in columns] for row in rows))


class AttendanceTimelineView(APIView):
    """Hosts: how many were present during each minute (longer steps for long sessions; at most 240 points)."""

    permission_classes = [IsAuthenticated, IsWebinarHost]

    @extend_schema(responses=TimelinePointSerializer(many=True))
    def get(self, request, pk: int):
        return Response(TimelinePointSerializer(selectors.attendance_timeline(hosted_webinar(self, pk)), many=True).data)


class InstantView(APIView):
    """Start an ad-hoc call: an unlisted webinar, live at once, with its shareable event-page link."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "create"  # the same bucket as creating a webinar: an instant call is one

    @extend_schema(request=InstantSerializer, responses={201: InstantResultSerializer})
    def post(self, request):
        body = InstantSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        webinar, session = services.instant_webinar_start(by=request.user, title=body.validated_data["title"])
        webinar_data = WebinarSerializer(Webinar.objects.get(pk=webinar.pk), context={"request": request}).data
        return Response(
            {"webinar": webinar_data, "session": SessionSerializer(session).data, "event_url": webinar_data["event_url"]},
            status=status.HTTP_201_CREATED,
        )


class _PublicStatusView(APIView):
    # Public and identical for everyone, so that a CDN can share it: no authentication at all
    # (a stale token in the browser must not turn a poll into a 401). In production the
    # PublicStatusFastPath middleware answers before this view; both use status_response.
    authentication_classes = []
    permission_classes = [AllowAny]


class PublicStatusView(_PublicStatusView):
    """Public: is this (public) webinar live? Unlisted webinars answer only by slug."""

    @extend_schema(responses={200: PublicStatusSerializer, 304: None}, auth=[])
    def get(self, request, pk: int):
        return status_response(request, pk=pk)


class PublicStatusBySlugView(_PublicStatusView):
    """Public: is the webinar behind this event page live?"""

    @extend_schema(responses={200: PublicStatusSerializer, 304: None}, auth=[])
    def get(self, request, slug: str):
        return status_response(request, slug=slug)
