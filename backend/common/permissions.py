"""The bearer secret of the endpoints the Jitsi stack calls (Prosody's events, Jibri's recordings)."""

import hmac
import logging

from django.conf import settings

from common.errors import Unauthenticated
from common.throttling import ClientRateThrottle

logger = logging.getLogger(__name__)


def require_bearer_secret(request, setting: str, *, caller: str) -> None:
    """Pass only with `Authorization: Bearer <settings.<setting>>`; else 401, always while the setting is empty.

    `caller` names the refused request in the log. A wrong secret is counted per client (scope
    jitsi_refused) and answered 429 past that rate: someone guessing the secret is slowed down, while
    Prosody and Jibri, which have it, are never throttled however busy the rooms are.
    """
    secret = getattr(settings, setting)
    header = request.headers.get("Authorization", "")
    # compare_digest: the time taken reveals nothing of how much of the secret matched.
    if secret and hmac.compare_digest(header.encode(), f"Bearer {secret}".encode()):
        return
    ClientRateThrottle("jitsi_refused").check(request)
    logger.warning("%s refused: bad or missing bearer secret", caller)
    raise Unauthenticated("A valid bearer secret is required.")
