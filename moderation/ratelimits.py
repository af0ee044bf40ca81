"""The submission quota: how many submissions a person (and an IP address) may send, all kinds together.

Counters live in the default cache (Redis in production via REDIS_URL, shared by every process). Only a
stored submission uses up the quota: a form sent back with mistakes costs nothing, so ten typos do not lock
a person out for an hour. A limited request is not refused outright: the view shows the form again, filled
in, with the reason (HTTP 429). Two submissions sent at the very same moment may both pass the check (the
count is read, then raised); a quota is a brake on spam, not an exact ceiling.
"""

from functools import wraps

from django.conf import settings
from django_ratelimit.core import get_usage

GROUP = "entities.submissions"


def per_user_rate(group, request):
    return settings.SUBMISSION_RATE_PER_USER


def per_ip_rate(group, request):
    return settings.SUBMISSION_RATE_PER_IP


LIMITS = [("user_or_ip", per_user_rate), ("ip", per_ip_rate)]


def _usages(request, increment):
    return [
        get_usage(request, group=GROUP, key=key, rate=rate, method="POST", increment=increment)
        for key, rate in LIMITS
    ]


def quota_used_up(request) -> bool:
    """Whether the next submission would pass either limit (counts nothing)."""
    return any(usage is not None and usage["count"] >= usage["limit"] for usage in _usages(request, False))


def count_submission(request):
    _usages(request, True)


def limit_submissions(view):
    """Sets ``request.limited`` on a POST once the quota is used up; counts the POST only if it stored a
    submission, which every submission view answers with a redirect (mistakes get the form back, 200)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.limited = request.method == "POST" and quota_used_up(request)
        response = view(request, *args, **kwargs)
        if request.method == "POST" and not request.limited and response.status_code == 302:
            count_submission(request)
        return response

    return wrapper
