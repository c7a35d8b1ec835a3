"""Registrations API: register and cancel for oneself; hosts list, decide and export."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from common.csv import csv_response
from common.errors import Forbidden
from common.filters import StrictFilterBackend
from common.throttling import ScopedRateThrottle
from registrations import services
from registrations.filters import MyRegistrationFilter, RegistrationFilter
from registrations.ics import webinar_ics
from registrations.models import Registration
from registrations.selectors import has_seat
from webinars.models import Webinar
from webinars.permissions import IsWebinarHost, hosted_webinar
from webinars.selectors import reachable_webinar, webinar_by_slug


class RegistrationSerializer(serializers.ModelSerializer):
    user_display_name = serializers.CharField(source="user.public_name", read_only=True)
    user_email = serializers.EmailField(source="user.email", read_only=True)
    webinar_title = serializers.CharField(source="webinar.title", read_only=True)
    webinar_slug = serializers.CharField(source="webinar.slug", read_only=True)
    webinar_starts_at = serializers.DateTimeField(source="webinar.starts_at", read_only=True)
    webinar_status = serializers.ChoiceField(source="webinar.status", choices=Webinar.Status.choices, read_only=True)

    class Meta:
        model = Registration
        fields = [
            "id",
            "webinar",
            "user",
            "status",
            "created_at",
            "user_display_name",
            "user_email",
            "webinar_title",
            "webinar_slug",
            "webinar_starts_at",
            "webinar_status",
        ]
        read_only_fields = fields


class BulkDecisionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["approve", "reject"])
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        min_length=1,
        max_length=500,
        error_messages={"min_length": "Choose at least one registration.", "max_length": "Choose at most {max_length} registrations."},
    )


class BulkResultSerializer(serializers.Serializer):
    results = RegistrationSerializer(many=True)


def _registrations(queryset):
    return queryset.select_related("user", "webinar")


class RegisterView(APIView):
    """The caller registers: approved, waitlisted when full, or pending under the approval policy."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "register"

    @extend_schema(request=None, responses={201: RegistrationSerializer})
    def post(self, request, pk: int):
        registration = services.registration_create(webinar=reachable_webinar(request.user, pk), user=request.user)
        return Response(RegistrationSerializer(registration).data, status=status.HTTP_201_CREATED)


class RegisterBySlugView(APIView):
    """The caller registers through the event page's slug: the only way in to an unlisted webinar."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "register"

    @extend_schema(request=None, responses={201: RegistrationSerializer})
    def post(self, request, slug: str):
        registration = services.registration_create(webinar=webinar_by_slug(request.user, slug), user=request.user)
        return Response(RegistrationSerializer(registration).data, status=status.HTTP_201_CREATED)


class UnregisterView(APIView):
    """The caller cancels their registration; a freed seat goes to the waitlist."""

    @extend_schema(request=None, responses=RegistrationSerializer)
    def post(self, request, pk: int):
        registration = services.registration_cancel(webinar=reachable_webinar(request.user, pk), user=request.user)
        return Response(RegistrationSerializer(registration).data)


class RegistrantListView(generics.ListAPIView):
    """Hosts: the webinar's registrations, oldest first; filter with ?status= and ?search=."""

    serializer_class = RegistrationSerializer
    filter_backends = [StrictFilterBackend]
    filterset_class = RegistrationFilter

    permission_classes = [IsAuthenticated, IsWebinarHost]

    queryset = Registration.objects.none()  # for the schema generator

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return _registrations(hosted_webinar(self, self.kwargs["pk"]).registrations.order_by("created_at", "id"))


class RegistrantCsvView(APIView):
    """Hosts: the registrations as a CSV file."""

    permission_classes = [IsAuthenticated, IsWebinarHost]

    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR})
    def get(self, request, pk: int):
        webinar = hosted_webinar(self, pk)
        rows = (
            (r.pk, r.user.username, r.user.display_name, r.user.email, r.status, r.created_at.isoformat())
            for r in _registrations(webinar.registrations.order_by("created_at", "id"))
        )
        header = ["id", "username", "display_name", "email", "status", "registered_at"]
        return csv_response(f"registrations-{webinar.slug}.csv", header, rows)


class DecideView(APIView):
    """Hosts approve or reject one registration (approval past capacity waitlists)."""

    decision = ""

    permission_classes = [IsAuthenticated, IsWebinarHost]

    @extend_schema(request=None, responses=RegistrationSerializer)
    def post(self, request, pk: int, registration_id: int):
        webinar = hosted_webinar(self, pk)
        get_object_or_404(webinar.registrations, pk=registration_id)
        [registration] = services.registrations_decide(webinar=webinar, by=request.user, action=self.decision, ids=[registration_id])
        return Response(RegistrationSerializer(registration).data)


class BulkDecideView(APIView):
    """Hosts approve or reject many registrations at once: all succeed or none change."""

    permission_classes = [IsAuthenticated, IsWebinarHost]

    @extend_schema(request=BulkDecisionSerializer, responses=BulkResultSerializer)
    def post(self, request, pk: int):
        webinar = hosted_webinar(self, pk)
        data = BulkDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ids = list(dict.fromkeys(data.validated_data["ids"]))
        registrations = services.registrations_decide(webinar=webinar, by=request.user, action=data.validated_data["action"], ids=ids)
        return Response({"results": RegistrationSerializer(registrations, many=True).data})


class CalendarView(APIView):
    """An .ics file for the webinar: for its hosts and approved registrants."""

    @extend_schema(responses={(200, "text/calendar"): OpenApiTypes.STR})
    def get(self, request, pk: int):
        webinar = reachable_webinar(request.user, pk)
        if not (has_seat(webinar_id=webinar.pk, user_id=request.user.pk) or webinar.is_host(request.user)):
            raise Forbidden("The calendar file is for hosts and approved registrants.")
        response = HttpResponse(webinar_ics(webinar), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{webinar.slug}.ics"'
        return response


class MyRegistrationListView(generics.ListAPIView):
    """The caller's own registrations, newest webinar first."""

    serializer_class = RegistrationSerializer
    permission_classes = [IsAuthenticated]
    filter_backends = [StrictFilterBackend]
    filterset_class = MyRegistrationFilter

    queryset = Registration.objects.none()  # for the schema generator

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return _registrations(Registration.objects.filter(user=self.request.user)).order_by("-webinar__starts_at", "-id")
