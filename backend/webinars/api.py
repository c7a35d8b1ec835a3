"""Webinars API: CRUD, publish and cancel. Views parse input, call one service, serialize the result."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from accounts.api import PublicUserSerializer
from accounts.models import User
from common.fields import AwareDateTimeField
from common.filters import StrictFilterBackend
from common.mail import event_url
from webinars import services
from webinars.filters import WebinarFilter
from webinars.models import Webinar
from webinars.selectors import webinars_with_details


class TagListField(serializers.ListField):
    """Tags read and write as plain strings."""

    def to_representation(self, tags):
        return [tag.name for tag in tags.all()]


class MyRegistrationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()


class WebinarSerializer(serializers.ModelSerializer):
    starts_at = AwareDateTimeField()
    ends_at = AwareDateTimeField()
    capacity = serializers.IntegerField(min_value=1, max_value=1_000_000, allow_null=True, required=False)
    co_hosts = serializers.PrimaryKeyRelatedField(many=True, queryset=User.objects.filter(is_active=True), required=False)
    tags = TagListField(child=serializers.CharField(max_length=30, trim_whitespace=True), max_length=10, required=False)
    organizer_name = serializers.CharField(source="organizer.public_name", read_only=True)
    co_host_details = PublicUserSerializer(source="co_hosts", many=True, read_only=True)
    is_host = serializers.SerializerMethodField()
    my_registration = serializers.SerializerMethodField()
    approved_count = serializers.IntegerField(read_only=True, default=0)
    event_url = serializers.SerializerMethodField()

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
            "is_host",
            "my_registration",
            "approved_count",
            "event_url",
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

    @extend_schema_field(MyRegistrationSerializer(allow_null=True))
    def get_my_registration(self, webinar):
        registration = next(iter(getattr(webinar, "my_registrations", [])), None)
        return {"id": registration.pk, "status": registration.status} if registration else None

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
