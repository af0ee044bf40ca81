"""Security events as structured log lines (logger ``wortal.security``, one JSON object per line).

Sign-ins and their failures, lockouts and their lifting, refused authorisation (403, CSRF), moderation
decisions and role changes. A line never carries a password, a token or personal data: people are named by
their account id, a typed login by a keyed hash (the same login always gives the same hash, so repeated
failures against one account can be followed without writing the e-mail down), and the page by its URL
*name*, never its path (confirmation and password-reset links carry their token in the path).
"""

import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.utils import timezone

from wortal.client_ip import client_ip

logger = logging.getLogger("wortal.security")


def login_hash(login: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, (login or "").strip().lower().encode(), hashlib.sha256).hexdigest()[:16]


def _request_fields(request) -> dict:
    if request is None:
        return {}
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    fields = {"ip": client_ip(request), "method": request.method, "view": match.view_name if match else None}
    if user is not None and getattr(user, "is_authenticated", False):
        fields["user_id"] = user.pk
    return fields


def event(name: str, request=None, *, target: str | None = None, **fields) -> None:
    """Log one security event. `target` is a typed login (e-mail), recorded only as `login_hash`."""
    record = {"event": name, **_request_fields(request), **fields}
    if target is not None:
        record["login_hash"] = login_hash(target)
    logger.info(name, extra={"security": record})


class JSONFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger and the event's fields."""

    def format(self, record):
        payload = {
            "time": timezone.now().isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            **getattr(record, "security", {"message": record.getMessage()}),
        }
        return json.dumps(payload, ensure_ascii=False, default=str)
