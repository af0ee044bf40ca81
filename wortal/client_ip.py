"""The client's address, by one rule that allauth, django-axes and django-ratelimit all use.

Behind ``TRUSTED_PROXY_COUNT`` reverse proxies (nginx appends the address it saw with
``proxy_add_x_forwarded_for``), the client is the address our outermost proxy appended: the N-th entry from the
*right* of ``X-Forwarded-For``. Everything to the left of it was written by the client and is ignored, so a
different made-up left-most address on each try does not make a new client. With no trusted proxy, or a
request that did not pass through all of them (a health check straight to the app server), the peer address
``REMOTE_ADDR`` is the client.
"""

import ipaddress

from django.conf import settings


def _clean(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.7:51234"
        value = value.split(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count > 0 and forwarded:
        hops = [hop for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            appended = _clean(hops[-count])
            if appended:
                return appended
    return _clean(remote) or remote
