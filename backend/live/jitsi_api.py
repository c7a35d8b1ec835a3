"""The endpoints Prosody's event_sync posts to: /api/jitsi/events/<room|occupant>/<what> (no trailing slash)."""

import json
import logging
import re

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from common.errors import DomainError, Invalid
from common.permissions import require_bearer_secret
from integrations.jitsi.events import InvalidEvent, parse_event
from live.events import jitsi_event_record

logger = logging.getLogger(__name__)
# A destroyed event lists every occupant the room ever had: generous, but bounded.
MAX_EVENT_BYTES = 2 * 1024 * 1024
SELF_TEST_NONCE = re.compile(r"[0-9a-f]{16,64}")


class PayloadTooLarge(DomainError):
    status_code = 413
    code = "payload_too_large"
    message = "The event is too large."


class JitsiEventView(APIView):
    """Record one Jitsi event (room created/destroyed, occupant joined/left); 401 without the bearer secret."""

    authentication_classes = []
    permission_classes = [AllowAny]
    kind = ""

    @extend_schema(
        request=OpenApiTypes.OBJECT,
        responses={
            200: inline_serializer("JitsiEventResult", {"result": serializers.ChoiceField(choices=["recorded", "ignored"])}),
            401: OpenApiResponse(description="Missing or wrong bearer secret"),
        },
        auth=[],
    )
    def post(self, request):
        require_bearer_secret(request, "JITSI_EVENTS_SECRET", caller=f"jitsi event {self.kind}")
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_EVENT_BYTES:
            raise PayloadTooLarge()
        try:
            payload = json.loads(request.body)
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nested ~1,000 deep
            raise Invalid("The body is not valid JSON.", code="parse_error") from None
        return self.handle(payload)

    def handle(self, payload) -> Response:
        try:
            event = parse_event(self.kind, payload)
        except InvalidEvent as error:
            raise Invalid(error.message, field=error.field) from None
        return Response({"result": jitsi_event_record(event)}, status=status.HTTP_200_OK)


class JitsiSelfTestView(JitsiEventView):
    """Answer `manage.py jitsi_check`: the same route and bearer check as Prosody's events, nothing recorded."""

    kind = "self-test"

    @extend_schema(
        request=inline_serializer("JitsiSelfTest", {"nonce": serializers.RegexField(SELF_TEST_NONCE.pattern)}),
        responses={
            200: inline_serializer("JitsiSelfTestResult", {"result": serializers.CharField(), "nonce": serializers.CharField()}),
            401: OpenApiResponse(description="Missing or wrong bearer secret"),
        },
        auth=[],
    )
    def post(self, request):
        return super().post(request)

    def handle(self, payload) -> Response:
        # Echoing a fresh nonce shows the answer came from this view, not from a proxy that says 200 to anything.
        nonce = payload.get("nonce") if isinstance(payload, dict) else None
        if not isinstance(nonce, str) or not SELF_TEST_NONCE.fullmatch(nonce):
            raise Invalid("must be 16 to 64 lowercase hexadecimal characters", field="nonce")
        logger.info("jitsi self-test event accepted")
        return Response({"result": "self-test", "nonce": nonce}, status=status.HTTP_200_OK)
