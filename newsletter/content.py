"""What an issue says to one subscriber: the sections of their topics, entities and events narrowed to their powiat.

The same function renders the editor's preview, the test message and every real message, so what the editor
sees is what is sent.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from entities.models import Entity
from knowledge.models import Publication
from news.models import Event, Post
from newsletter.models import Issue, Topic

DEFAULT_SINCE_DAYS = 30


def sections_for(issue, subscriber=None):
    """Ordered (topic, items) pairs for a subscriber's topics; everything when ``subscriber`` is None."""
    topics = subscriber.topics if subscriber else Topic.values
    powiat = subscriber.powiat_id if subscriber else None
    sections = []
    if Topic.NEWS in topics:
        sections.append((Topic.NEWS, list(issue.posts.order_by("-published_at"))))
    if Topic.EVENTS in topics:
        events = issue.events.select_related("gmina__powiat").order_by("start")
        if powiat:
            events = events.filter(Q(is_online=True) | Q(gmina__powiat_id=powiat))
        sections.append((Topic.EVENTS, list(events)))
    if Topic.PUBLICATIONS in topics:
        sections.append((Topic.PUBLICATIONS, list(issue.publications.order_by("-published_at"))))
    if Topic.ENTITIES in topics:
        entities = issue.entities.select_related("gmina__powiat").order_by("name")
        if powiat:
            entities = entities.filter(gmina__powiat_id=powiat)
        sections.append((Topic.ENTITIES, list(entities)))
    return [(Topic(topic), items) for topic, items in sections if items]


def render_issue(issue, subscriber=None):
    """(text, html) of the issue as this subscriber receives it."""
    context = {
        "issue": issue,
        "sections": sections_for(issue, subscriber),
        "subscriber": subscriber,
        "unsubscribe_url": subscriber.get_unsubscribe_url()
        if subscriber
        else settings.SITE_URL + "/newsletter/",
        "site_url": settings.SITE_URL,
    }
    return (
        render_to_string("newsletter/email/issue.txt", context),
        render_to_string("newsletter/email/issue.html", context),
    )


def build_message(issue, subscriber, to=None, subject_prefix="", connection=None):
    text, html = render_issue(issue, subscriber)
    headers = {}
    if subscriber is not None:
        # RFC 8058 one-click unsubscribe: mail programs POST "List-Unsubscribe=One-Click" to the address.
        headers = {
            "List-Unsubscribe": f"<{subscriber.get_unsubscribe_url()}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    message = EmailMultiAlternatives(
        subject=subject_prefix + issue.subject,
        body=text,
        to=[to or subscriber.email],
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def latest_items(now=None):
    """What a new issue is prefilled with: published since the last issue was sent (or the last 30 days)."""
    now = now or timezone.now()
    last = Issue.objects.filter(state=Issue.State.SENT).order_by("-finished_at").first()
    since = last.finished_at if last else now - datetime.timedelta(days=DEFAULT_SINCE_DAYS)
    return {
        "posts": list(
            Post.objects.published(now).filter(published_at__gt=since).values_list("pk", flat=True)
        ),
        "events": list(
            Event.objects.published(now)
            .filter(published_at__gt=since, end__gte=now)
            .values_list("pk", flat=True)
        ),
        "publications": list(
            Publication.objects.published(now).filter(published_at__gt=since).values_list("pk", flat=True)
        ),
        "entities": list(
            Entity.objects.published().filter(created_at__gt=since).values_list("pk", flat=True)
        ),
    }
