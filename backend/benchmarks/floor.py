"""The benchmark floors, served by the same process as the API.

Mounted under /api/bench/ only when BENCHMARK_FLOOR=1 (never in production): every HTTP figure in
docs/benchmarks.md is a ratio to `FloorView`, measured in the same run.

The two round-trip floors answer "how fast could a join or a registration be, with the guarantees
they must keep?": they do only the I/O those guarantees need (verify the API token, count the request
against its rate, lock, write, commit, and for a registration count the seats and enqueue the email),
in fixed SQL, with no rules, no serializer and no room token. The real endpoint's gap to its floor is
what our code costs; the floor's gap to `FloorView` is what the guarantees cost on this stack.
"""

from django.db import connection, transaction
from django.utils import timezone
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.authentication import JWTStatelessUserAuthentication

from common.throttling import ScopedRateThrottle
from registrations.tasks import send_registration_email


class FloorView(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"state": "live", "participant_count": 0})


class JoinRoundTripsView(APIView):
    """A join's unavoidable I/O: the shared webinar lock with its running session, the interval upsert, the commit."""

    authentication_classes = [JWTStatelessUserAuthentication]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "join"

    def post(self, request, pk: int):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT s.id FROM webinars_webinar w JOIN live_livesession s ON s.webinar_id = w.id AND s.state <> 'ended' "
                "WHERE w.id = %s FOR SHARE OF w",
                [pk],
            )
            (session_id,) = cursor.fetchone()
            cursor.execute(
                'INSERT INTO live_attendanceinterval ("session_id", "user_id", "source", "external_id", "joined_at", "left_at") '
                "VALUES (%s, %s, 'client', '', %s, NULL) ON CONFLICT DO NOTHING",
                [session_id, int(request.user.pk), timezone.now()],
            )
        return Response({"joined": True})


class RegisterRoundTripsView(APIView):
    """A registration's unavoidable I/O: the exclusive webinar lock, the seat count, the insert, the commit, the email task."""

    authentication_classes = [JWTStatelessUserAuthentication]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "register"

    def post(self, request, pk: int):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT capacity FROM webinars_webinar WHERE id = %s FOR UPDATE", [pk])
            (capacity,) = cursor.fetchone()
            cursor.execute("SELECT count(*) FROM registrations_registration WHERE webinar_id = %s AND status = 'approved'", [pk])
            (taken,) = cursor.fetchone()
            now = timezone.now()
            cursor.execute(
                "INSERT INTO registrations_registration (webinar_id, user_id, status, created_at, updated_at) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING id",
                [pk, int(request.user.pk), "approved" if taken < capacity else "waitlisted", now, now],
            )
            inserted = cursor.fetchone()
        if inserted is None:  # registered already (wrk went round its token list)
            return Response({"code": "already_registered", "detail": "Registered already."}, status=409)
        send_registration_email.enqueue(inserted[0], "confirmed")
        return Response({"registered": True}, status=201)
