"""Webinars API: CRUD, publish and cancel. Views parse input, call one service, serialize the result."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api import PublicUserSerializer
from common.fields import AwareDateTimeField
from common.filters import StrictFilterBackend
from common.mail import event_url
from common.throttling import ScopedRateThrottle
from webinars import lifecycle, services
from webinars.filters import WebinarFilter
from webinars.models import CoHostInvitation, Webinar
from webinars.permissions import IsWebinarHost, hosted_webinar
from webinars.selectors import reachable_webinar, webinars_with_details
from webinars.services import MAX_CO_HOSTS


class TagListField(serializers.ListField):
    """Tags read and write as plain strings."""

    def to_representation(self, tags):
        return [tag.name for tag in tags.all()]


class CoHostIdsField(serializers.ListField):
    """Co-hosts read as user ids; written, the ids of the current co-hosts who stay (new ones are invited)."""

    child = serializers.IntegerField(min_value=1)

    def to_representation(self, co_hosts):
        return [user.pk for user in co_hosts.all()]


class CoHostInvitationSerializer(serializers.ModelSerializer):
    user = PublicUserSerializer(read_only=True)
    invited_by_name = serializers.CharField(source="invited_by.public_name", read_only=True, default="")
    webinar_title = serializers.CharField(source="webinar.title", read_only=True)
    webinar_slug = serializers.CharField(source="webinar.slug", read_only=True)
    webinar_starts_at = serializers.DateTimeField(source="webinar.starts_at", read_only=True)

    class Meta:
        model = CoHostInvitation
        fields = ["id", "webinar", "webinar_title", "webinar_slug", "webinar_starts_at", "user", "invited_by_name", "created_at"]
        read_only_fields = fields


class CoHostInviteSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)


class PendingInvitationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    user = PublicUserSerializer()


class MyRegistrationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    # The registration statuses, spelled out: this app cannot import registrations (it builds on webinars).
    status = serializers.ChoiceField(choices=["pending", "approved", "waitlisted", "rejected", "cancelled"])


class WebinarSerializer(serializers.ModelSerializer):
    starts_at = AwareDateTimeField()
    ends_at = AwareDateTimeField()
    capacity = serializers.IntegerField(min_value=1, max_value=1_000_000, allow_null=True, required=False)
    co_hosts = CoHostIdsField(required=False, max_length=MAX_CO_HOSTS + 1)
    tags = TagListField(
        child=serializers.CharField(max_length=30, trim_whitespace=True),
        max_length=10,
        required=False,
        error_messages={"max_length": "Use at most {max_length} tags."},
    )
    organizer_name = serializers.CharField(source="organizer.public_name", read_only=True)
    co_host_details = PublicUserSerializer(source="co_hosts", many=True, read_only=True)
    co_host_invitations = serializers.SerializerMethodField(help_text="Pending invitations: for the hosts, empty for others.")
    is_host = serializers.SerializerMethodField()
    my_registration = serializers.SerializerMethodField()
    approved_count = serializers.IntegerField(read_only=True, default=0)
    event_url = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()

    class Meta:
        model = Webinar
        fields = [
            "id",
            "slug",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "capacity",
            "registration_policy",
            "visibility",
            "status",
            "organizer",
            "co_hosts",
            "tags",
            "organizer_name",
            "co_host_details",
            "co_host_invitations",
            "is_host",
            "my_registration",
            "approved_count",
            "event_url",
            "allowed_actions",
        ]
        read_only_fields = ["id", "slug", "status", "organizer"]

    def validate_tags(self, tags):
        normalized = []
        for tag in tags:
            if not tag:
                raise serializers.ValidationError("Tags cannot be empty.")
            if tag.lower() not in (t.lower() for t in normalized):
                normalized.append(tag.lower())
        return normalized

    def validate(self, attrs):
        starts_at = attrs.get("starts_at", getattr(self.instance, "starts_at", None))
        ends_at = attrs.get("ends_at", getattr(self.instance, "ends_at", None))
        if starts_at and ends_at and ends_at <= starts_at:
            raise serializers.ValidationError({"ends_at": "The end must be after the start."})
        return attrs

    def _request_user(self):
        return self.context["request"].user

    def get_is_host(self, webinar) -> bool:
        return webinar.is_host(self._request_user())

    @staticmethod
    def _my_registration(webinar):
        return next(iter(getattr(webinar, "my_registrations", [])), None)

    @extend_schema_field(PendingInvitationSerializer(many=True))
    def get_co_host_invitations(self, webinar):
        if not webinar.is_host(self._request_user()):
            return []
        return PendingInvitationSerializer(webinar.co_host_invitations.all(), many=True).data

    @extend_schema_field(MyRegistrationSerializer(allow_null=True))
    def get_my_registration(self, webinar):
        registration = self._my_registration(webinar)
        return {"id": registration.pk, "status": registration.status} if registration else None

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=lifecycle.ACTIONS)))
    def get_allowed_actions(self, webinar) -> list[str]:
        registration = self._my_registration(webinar)
        return lifecycle.allowed_actions(
            webinar, is_host=self.get_is_host(webinar), registration_status=registration.status if registration else None
        )

    def get_event_url(self, webinar) -> str:
        return event_url(webinar.slug)


class WebinarViewSet(viewsets.GenericViewSet):
    """Webinars: anyone reads what is published; signed-in people create; hosts edit, publish and cancel."""

    serializer_class = WebinarSerializer
    lookup_value_regex = r"\d+"
    filter_backends = [StrictFilterBackend]
    filterset_class = WebinarFilter

    def get_permissions(self):
        if self.action in ("list", "retrieve", "by_slug"):
            return [AllowAny()]
        return [IsAuthenticated()]

    def get_throttles(self):
        # Only creation is throttled: a flood of webinars (each with a room to be) is the abuse to stop.
        return [ScopedRateThrottle()] if self.action == "create" else []

    throttle_scope = "create"

    def get_queryset(self):
        user = self.request.user
        if self.action == "list":
            base = Webinar.objects.listed_for(user)
        elif self.action == "by_slug":
            base = Webinar.objects.by_slug_for(user)
        else:
            base = Webinar.objects.reachable_by(user)
        return webinars_with_details(base, user)

    def _fresh(self, webinar: Webinar) -> dict:
        return self.get_serializer(get_object_or_404(self.get_queryset(), pk=webinar.pk)).data

    def list(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(responses={201: WebinarSerializer})
    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        webinar = services.webinar_create(organizer=request.user, **serializer.validated_data)
        return Response(self._fresh(webinar), status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        webinar = self.get_object()
        serializer = self.get_serializer(webinar, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        webinar = services.webinar_update(webinar=webinar, by=request.user, **serializer.validated_data)
        return Response(self._fresh(webinar))

    @extend_schema(responses={204: None})
    def destroy(self, request, pk=None):
        services.webinar_delete(webinar=self.get_object(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses=WebinarSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Draft → scheduled: listed (when public) and open for registration."""
        webinar = services.webinar_publish(webinar=self.get_object(), by=request.user)
        return Response(self._fresh(webinar))

    @extend_schema(request=None, responses=WebinarSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Cancel a draft or scheduled webinar; registrants are emailed."""
        webinar = services.webinar_cancel(webinar=self.get_object(), by=request.user)
        return Response(self._fresh(webinar))

    @action(detail=False, methods=["get"], url_path=r"by-slug/(?P<slug>[-\w]+)")
    def by_slug(self, request, slug=None):
        """A webinar by its slug, as event pages open it (unlisted ones included)."""
        return Response(self.get_serializer(get_object_or_404(self.get_queryset(), slug=slug)).data)


class CoHostInviteView(APIView):
    """Hosts invite a person, by exact username (any case), to co-host; they become one by accepting."""

    permission_classes = [IsAuthenticated, IsWebinarHost]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "lookup"  # the lookup's bucket: inviting must not be a faster way to probe usernames

    @extend_schema(request=CoHostInviteSerializer, responses={201: CoHostInvitationSerializer})
    def post(self, request, pk: int):
        webinar = hosted_webinar(self, pk)
        body = CoHostInviteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        invitation = services.co_host_invite(webinar=webinar, by=request.user, username=body.validated_data["username"])
        return Response(CoHostInvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


class CoHostLeaveView(APIView):
    """A co-host steps down from the webinar."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request, pk: int):
        services.co_host_leave(webinar=reachable_webinar(request.user, pk), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _invitations():
    return CoHostInvitation.objects.select_related("webinar", "user", "invited_by")


class MyCoHostInvitationListView(generics.ListAPIView):
    """The caller's pending invitations to co-host, oldest first."""

    serializer_class = CoHostInvitationSerializer
    queryset = CoHostInvitation.objects.none()  # for the schema generator

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return _invitations().filter(user=self.request.user)


class CoHostInvitationAnswerView(APIView):
    """The invitee accepts (200, the webinar, now as a host) or declines (204). Anyone else: 404."""

    answer = ""

    @extend_schema(request=None, responses={200: WebinarSerializer, 204: None})
    def post(self, request, pk: int):
        invitation = get_object_or_404(_invitations(), pk=pk, user=request.user)
        if self.answer == "decline":
            services.co_host_invitation_decline(invitation=invitation, by=request.user)
            return Response(status=status.HTTP_204_NO_CONTENT)
        webinar = services.co_host_invitation_accept(invitation=invitation, by=request.user)
        fresh = get_object_or_404(webinars_with_details(Webinar.objects.reachable_by(request.user), request.user), pk=webinar.pk)
        return Response(WebinarSerializer(fresh, context={"request": request}).data)


class CoHostInvitationView(APIView):
    """Hosts withdraw an invitation not yet answered. Anyone else: 404."""

    @extend_schema(responses={204: None})
    def delete(self, request, pk: int):
        invitation = get_object_or_404(_invitations().filter(webinar__in=Webinar.objects.hosted_by(request.user)), pk=pk)
        services.co_host_invitation_withdraw(invitation=invitation, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
