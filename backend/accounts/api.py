"""Accounts API: sign-up, API tokens (refresh token also as an HttpOnly cookie), profile."""

import zoneinfo
from functools import cache

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.views import TokenObtainPairView

from accounts import services
from accounts.models import User
from accounts.selectors import user_by_username
from accounts.services import refresh_token_rotate, unsubscribe_token_read, user_create, user_unsubscribe, user_update
from common.errors import Missing
from common.throttling import ScopedRateThrottle


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "email", "display_name", "avatar_url", "is_staff", "timezone", "email_reminders", "email_follow_ups"]
        read_only_fields = ["id", "username", "is_staff"]


class SignUpSerializer(serializers.Serializer):
    username = serializers.RegexField(r"^[\w.@+-]+\Z", max_length=150)
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, max_length=128, style={"input_type": "password"})
    display_name = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")

    # Field by field, so DRF answers every problem at once (user_create checks again, atomically).
    def validate_username(self, username):
        if problem := services.username_problem(username):
            raise serializers.ValidationError(problem)
        return username

    def validate_email(self, email):
        if problem := services.email_problem(email):
            raise serializers.ValidationError(problem)
        return email

    def validate_password(self, password):
        other = self.initial_data if isinstance(self.initial_data, dict) else {}
        names = {name: other.get(name) if isinstance(other.get(name), str) else "" for name in ("username", "email", "display_name")}
        if problems := services.password_problems(password, **names):
            raise serializers.ValidationError(problems)
        return password


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


class ProfileSerializer(serializers.Serializer):
    email = serializers.EmailField(required=False)
    display_name = serializers.CharField(max_length=100, required=False, allow_blank=True)
    avatar_url = serializers.URLField(max_length=500, required=False, allow_blank=True)
    timezone = serializers.CharField(max_length=64, required=False, allow_blank=True, help_text="IANA zone; empty: the organizer's.")
    email_reminders = serializers.BooleanField(required=False)
    email_follow_ups = serializers.BooleanField(required=False)

    def validate_timezone(self, value: str) -> str:
        if value and value not in _time_zones():
            raise serializers.ValidationError(f"Unknown time zone {value!r}: use an IANA name such as Europe/Paris.")
        return value


class RefreshBodySerializer(serializers.Serializer):
    refresh = serializers.CharField(required=False, help_text="Omit to use the HttpOnly refresh cookie.")


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()


def _set_refresh_cookie(response: Response, refresh: str) -> None:
    response.set_cookie(
        settings.REFRESH_COOKIE_NAME,
        refresh,
        max_age=int(settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"].total_seconds()),
        path="/api/auth/",
        secure=settings.REFRESH_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )


class AuthThrottleMixin:
    """Slows down password guessing and sign-up floods."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"


class SignUpView(AuthThrottleMixin, APIView):
    """Create an account."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(request=SignUpSerializer, responses={201: UserSerializer}, auth=[])
    def post(self, request):
        data = SignUpSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = user_create(**data.validated_data)
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class LoginView(AuthThrottleMixin, TokenObtainPairView):
    """Exchange username and password for an access and a refresh token (the refresh one also as a cookie)."""

    serializer_class = TokenObtainPairSerializer

    @extend_schema(responses={200: TokenPairSerializer}, auth=[])
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        _set_refresh_cookie(response, response.data["refresh"])
        return response


class RefreshView(APIView):
    """Exchange a refresh token (body, or the HttpOnly cookie) for a new pair; the old one is blacklisted."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "refresh"

    @extend_schema(request=RefreshBodySerializer, responses={200: TokenPairSerializer, 204: None}, auth=[])
    def post(self, request, *args, **kwargs):
        body = RefreshBodySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        refresh = body.validated_data.get("refresh") or request.COOKIES.get(settings.REFRESH_COOKIE_NAME)
        if not refresh:
            # No session at all: every anonymous page load asks, so this is an answer, not an error.
            return Response(status=status.HTTP_204_NO_CONTENT)
        tokens = refresh_token_rotate(token=refresh)
        response = Response(tokens)
        _set_refresh_cookie(response, tokens["refresh"])
        return response


class LogoutView(APIView):
    """Blacklist the refresh token (body or cookie) and clear the cookie."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "logout"

    @extend_schema(request=RefreshBodySerializer, responses={204: None}, auth=[])
    def post(self, request):
        body = RefreshBodySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        refresh = body.validated_data.get("refresh") or request.COOKIES.get(settings.REFRESH_COOKIE_NAME)
        if refresh:
            try:
                RefreshToken(refresh).blacklist()
            except TokenError:
                pass  # already invalid: logging out is still done
        response = Response(status=status.HTTP_204_NO_CONTENT)
        response.delete_cookie(settings.REFRESH_COOKIE_NAME, path="/api/auth/", samesite="Strict")
        return response


class MeView(APIView):
    """The signed-in person's profile."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=UserSerializer)
    def get(self, request):
        return Response(UserSerializer(request.user).data)

    @extend_schema(request=ProfileSerializer, responses=UserSerializer)
    def patch(self, request):
        data = ProfileSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        user = user_update(user=request.user, **data.validated_data)
        return Response(UserSerializer(user).data)


class PublicUserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "display_name"]
        read_only_fields = fields


class UserLookupQuery(serializers.Serializer):
    username = serializers.CharField(max_length=150)


class UserLookupView(APIView):
    """Find one person by exact username (case-insensitive), to add them as a co-host. No partial search:
    the list of accounts is not something to browse."""

    permission_classes = [IsAuthenticated]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "lookup"

    @extend_schema(parameters=[UserLookupQuery], responses=PublicUserSerializer)
    def get(self, request):
        query = UserLookupQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        user = user_by_username(query.validated_data["username"])
        if user is None:
            raise Missing()
        return Response(PublicUserSerializer(user).data)


class UnsubscribeView(APIView):
    """One-click unsubscribe from a signed email link, no login: GET shows a button, POST turns the topic off.

    POST is also what mail clients send for `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058);
    GET never changes anything, since link scanners open every link in a message.
    """

    permission_classes = [AllowAny]
    authentication_classes = []

    def _page(self, token: str, topic: str, *, done: bool) -> HttpResponse:
        labels = {"reminders": 'reminders and "we\'re live" emails', "follow_ups": "follow-up and recording emails"}
        context = {"token": token, "topic": labels[topic], "done": done, "profile_url": f"{settings.FRONTEND_URL}/me"}
        return HttpResponse(render_to_string("accounts/unsubscribe.html", context))

    @extend_schema(responses={(200, "text/html"): str}, auth=[])
    def get(self, request, token: str):
        _, topic = unsubscribe_token_read(token=token)
        return self._page(token, topic, done=False)

    @extend_schema(request=None, responses={(200, "text/html"): str}, auth=[])
    def post(self, request, token: str):
        _, topic = user_unsubscribe(token=token)
        return self._page(token, topic, done=True)
