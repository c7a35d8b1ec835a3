"""API-token authentication without reading the account: for a view whose service reads it itself."""

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from drf_spectacular.drainage import set_override
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.settings import api_settings


class TokenOnlyJWTAuthentication(JWTAuthentication):
    """The API token's signature and expiry are checked; the account row is not read.

    `request.user` is simplejwt's TokenUser: its `pk` is all it has. The view's service must read the
    account (in a statement it runs anyway) and refuse an inactive or deleted one: the join does, in
    the statement that takes the webinar lock. A subclass of JWTAuthentication, so the schema shows
    the one bearer scheme.
    """

    def get_user(self, validated_token):
        return api_settings.TOKEN_USER_CLASS(validated_token)


class TokenOnlyJWTScheme(SimpleJWTScheme):
    """The schema shows it as the one bearer scheme, `jwtAuth`: to a client it is the same token."""

    target_class = TokenOnlyJWTAuthentication


set_override(TokenOnlyJWTAuthentication, "suppress_collision_warning", True)
