from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from news.calendar import calendar_for
from news.models import Event
from wortal.cache import public_page

from .preview import get_visible_or_404, mark_preview

CALENDAR_FEED_SIZE = 200


@public_page
@require_safe
def event_list(request):
    events = Event.objects.published().upcoming().for_list()
    page = Paginator(events, settings.NEWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "news/event_list.html", {"page": page, "past": False})


@public_page
@require_safe
def past_event_list(request):
    events = Event.objects.published().past().for_list()
    page = Paginator(events, settings.NEWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "news/event_list.html", {"page": page, "past": True})


@public_page
@require_safe
def event_detail(request, slug):
    event = get_visible_or_404(Event.objects.for_list(), request.user, slug=slug)
    context = {
        "event": event,
        "is_preview": not event.is_public,
        "schema_org": event.schema_org(request.build_absolute_uri("/").rstrip("/")),
    }
    response = render(request, "news/event_detail.html", context)
    return mark_preview(response, event)


def _calendar_response(events, name, filename):
    response = HttpResponse(
        calendar_for(events, settings.SITE_URL, name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@public_page
@require_safe
def event_ics(request, slug):
    event = get_visible_or_404(Event.objects.for_list(), request.user, slug=slug)
    return mark_preview(_calendar_response([event], event.title, f"{event.slug}.ics"), event)


@public_page
@require_safe
def upcoming_events_ics(request):
    events = Event.objects.published().upcoming().for_list()[:CALENDAR_FEED_SIZE]
    return _calendar_response(events, _("Wydarzenia ekonomii społecznej w Małopolsce"), "wydarzenia.ics")
