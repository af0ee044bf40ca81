"""Subscriptions per IP address: each one sends an e-mail, so a bot must not use the form to spam people."""

from django.conf import settings
from django_ratelimit.decorators import ratelimit


def subscription_rate(group, request):
    return settings.NEWSLETTER_SUBSCRIBE_RATE_PER_IP


def limit_subscriptions(view):
    return ratelimit(
        group="newsletter.subscribe", key="ip", rate=subscription_rate, method="POST", block=False
    )(view)
