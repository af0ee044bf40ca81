"""Rate limits on organisations' submissions, per account and per IP address.

Counters live in the default cache (Redis in production via REDIS_URL, shared by every process). A limited
request is not refused outright: the view shows the form again, filled in, with the reason (HTTP 429).
"""

from django.conf import settings
from django_ratelimit.decorators import ratelimit

GROUP = "entities.submissions"


def per_user_rate(group, request):
    return settings.SUBMISSION_RATE_PER_USER


def per_ip_rate(group, request):
    return settings.SUBMISSION_RATE_PER_IP


def limit_submissions(view):
    """Count POSTs of all submission views together; sets request.limited when either limit is passed."""
    view = ratelimit(group=GROUP, key="user_or_ip", rate=per_user_rate, method="POST", block=False)(view)
    return ratelimit(group=GROUP, key="ip", rate=per_ip_rate, method="POST", block=False)(view)
