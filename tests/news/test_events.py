import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import EntityFactory, EventFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [event.title for event in response.context["page"].object_list]


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


def test_upcoming_events_come_soonest_first_and_past_ones_are_on_their_own_page(client):
    EventFactory(title="Za tydzień", start=days(7))
    EventFactory(title="Jutro", start=days(1))
    EventFactory(title="W zeszłym miesiącu", start=days(-30))
    EventFactory(title="Wczoraj", start=days(-1))
    assert titles(client.get(reverse("news:event_list"))) == ["Jutro", "Za tydzień"]
    assert titles(client.get(reverse("news:past_event_list"))) == ["Wczoraj", "W zeszłym miesiącu"]


def test_an_event_in_progress_is_still_upcoming(client):
    EventFactory(title="Trwa", start=timezone.now() - datetime.timedelta(hours=1))
    assert titles(client.get(reverse("news:event_list"))) == ["Trwa"]


def test_unpublished_and_scheduled_events_are_hidden(client):
    EventFactory(title="Szkic", is_published=False)
    EventFactory(title="Ogłoszenie jutro", published_at=days(1))
    assert titles(client.get(reverse("news:event_list"))) == []
    assert "Nie ma zaplanowanych wydarzeń" in client.get(reverse("news:event_list")).content.decode()


def test_the_list_query_count_does_not_grow(client, django_assert_num_queries):
    EventFactory(organiser_entity=EntityFactory())
    client.get(reverse("news:event_list"))  # the site settings in the footer come from the cache from here on
    with django_assert_num_queries(2):
        client.get(reverse("news:event_list"))
    for _ in range(10):
        EventFactory(organiser_entity=EntityFactory(), gmina=None, is_online=True)
    with django_assert_num_queries(2):
        response = client.get(reverse("news:event_list"))
    assert len(titles(response)) == 11


def test_the_detail_page_shows_when_where_who_and_the_registration_link(client):
    entity = EntityFactory(name="Spółdzielnia Socjalna Razem")
    event = EventFactory(
        title="Posiedzenie Małopolskiego Paktu dla Ekonomii Społecznej",
        organiser_entity=entity,
        registration_url="https://example.org/zapisy",
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<h1>Posiedzenie Małopolskiego Paktu dla Ekonomii Społecznej</h1>" in html
    assert f'<a href="{entity.get_absolute_url()}">Spółdzielnia Socjalna Razem</a>' in html
    assert 'href="https://example.org/zapisy" rel="noopener"' in html
    assert "ul. Basztowa 22" in html and 'href="' + event.get_ics_url() + '"' in html
    assert (
        '<meta property="og:title" content="Posiedzenie Małopolskiego Paktu dla Ekonomii Społecznej">' in html
    )


def test_a_draft_event_is_404_for_the_public_and_its_calendar_too(client, editor):
    event = EventFactory(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(event.get_ics_url()).status_code == 404
    client.force_login(editor)
    assert client.get(event.get_absolute_url()).status_code == 200


def test_each_event_has_an_icalendar_file_that_parses(client):
    event = EventFactory(
        title="Posiedzenie Paktu",
        description="<h2>Program</h2><ol><li>Powitanie</li></ol>",
        start=datetime.datetime(2030, 5, 6, 10, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 5, 6, 13, 0, tzinfo=datetime.UTC),
    )
    response = client.get(event.get_ics_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    [component] = calendar.walk("VEVENT")
    assert str(component["SUMMARY"]) == "Posiedzenie Paktu"
    assert component.decoded("DTSTART") == datetime.datetime(2030, 5, 6, 10, 0, tzinfo=datetime.UTC)
    assert component.decoded("DTEND") == datetime.datetime(2030, 5, 6, 13, 0, tzinfo=datetime.UTC)
    assert str(component["UID"]) == f"wydarzenie-{event.pk}@127.0.0.1"
    assert str(component["URL"]).endswith(event.get_absolute_url())
    assert "Program\nPowitanie" in str(component["DESCRIPTION"])
    assert "ul. Basztowa 22" in str(component["LOCATION"])


def test_the_calendar_feed_lists_only_upcoming_published_events(client):
    EventFactory(title="Nadchodzące")
    EventFactory(title="Minione", start=days(-3))
    EventFactory(title="Szkic", is_published=False)
    response = client.get("/wydarzenia.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Nadchodzące"]


def test_an_online_event_needs_no_address_but_an_offline_one_does():
    EventFactory.build(is_online=True, address="", gmina=None).clean()
    with pytest.raises(ValidationError) as error:
        EventFactory.build(is_online=False, address="", gmina=None).clean()
    assert "address" in error.value.message_dict


def test_an_event_cannot_end_before_it_starts():
    with pytest.raises(ValidationError) as error:
        EventFactory.build(start=days(2), end=days(1)).clean()
    assert "end" in error.value.message_dict


def test_a_draft_organiser_entity_is_not_named():
    event = EventFactory(
        organiser_entity=EntityFactory(state="draft", name="Ukryty"), organiser_name="Tekstowy"
    )
    assert event.organiser == "Tekstowy"


@pytest.mark.parametrize("url", ["/wydarzenia/", "/wydarzenia/archiwum/", "/wydarzenia.ics"])
def test_it_refuses_post(client, url):
    assert client.post(url).status_code == 405


def test_bad_page_numbers_do_not_break_the_list(client):
    EventFactory()
    assert client.get(reverse("news:event_list"), {"page": "-1"}).status_code == 200


def test_an_event_never_takes_the_address_of_the_past_events_page(client):
    event = EventFactory(title="Archiwum")
    assert event.slug == "archiwum-2"
    with pytest.raises(ValidationError):
        EventFactory.build(slug="archiwum").clean()


def test_the_event_page_describes_the_event_for_search_engines(client):
    import json
    import re

    event = EventFactory(title="Posiedzenie Paktu")
    html = client.get(event.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event" and data["name"] == "Posiedzenie Paktu"
    assert data["location"]["address"]["addressLocality"] == "Kraków"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
