"""iCalendar (RFC 5545) files for events, made with the icalendar library."""

import datetime
from urllib.parse import urlsplit

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from wortal.richtext import plain_text

PRODUCT_ID = "-//Malopolski Wortal Ekonomii Spolecznej//wydarzenia//PL"


def calendar_for(events, base_url: str, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Warsaw")
    host = urlsplit(base_url).hostname or "localhost"
    stamp = timezone.now().astimezone(datetime.UTC)
    for event in events:
        calendar.add_component(_component(event, base_url, host, stamp))
    return calendar.to_ical()


def _component(event, base_url, host, stamp):
    url = base_url + event.get_absolute_url()
    component = CalendarEvent()
    # A stable UID lets calendar programs update an event they already imported instead of duplicating it.
    component.add("uid", f"wydarzenie-{event.pk}@{host}")
    component.add("dtstamp", stamp)
    component.add("dtstart", event.start.astimezone(datetime.UTC))
    component.add("dtend", event.end.astimezone(datetime.UTC))
    component.add("summary", event.title)
    # Calendar programs show the description as plain text; ORGANIZER would need an e-mail address, so the
    # organiser's name goes into the text instead.
    parts = [plain_text(event.description, keep_lines=True)]
    if event.organiser:
        parts.append(f"Organizator: {event.organiser}")
    if event.registration_url:
        parts.append(f"Zapisy: {event.registration_url}")
    parts.append(url)
    component.add("description", "\n\n".join(part for part in parts if part))
    component.add("location", event.location)
    component.add("url", url)
    component.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    return component
