"""The contact form's rate limit per IP address, counted in the default cache like other submissions."""

from django.conf import settings
from django_ratelimit.decorators import ratelimit


def contact_rate(group, request):
    return settings.CONTACT_RATE_PER_IP


def limit_contact(view):
    """Counts POSTs per address; sets request.limited when the limit is passed (the view answers 429)."""
    return ratelimit(group="office.contact", key="ip", rate=contact_rate, method="POST", block=False)(view)
