import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pakt.models import PaktDocument, PaktMeeting, PaktMember
from tests.factories import EntityFactory, EventFactory, PublicationFactory

pytestmark = pytest.mark.django_db
URL = reverse("pakt:page")


def test_the_page_says_what_the_pakt_is_and_lists_members_with_dates_and_registry_links(client):
    entity = EntityFactory(name="Spółdzielnia Socjalna Razem")
    PaktMember.objects.create(
        name=entity.name, kind="organizacja", entity=entity, joined_on=datetime.date(2019, 5, 7)
    )
    PaktMember.objects.create(
        name="Urząd Gminy Testowej", kind="instytucja", joined_on=datetime.date(2015, 6, 1)
    )
    draft = EntityFactory(name="Fundacja Szkic", state="draft")
    PaktMember.objects.create(name=draft.name, kind="organizacja", entity=draft)
    PaktMember.objects.create(name="Były członek", kind="firma", left_on=datetime.date(2024, 1, 1))
    html = client.get(URL).content.decode()
    assert "Porozumienie instytucji" in html  # the starting text from the data migration
    assert f'<a href="{entity.get_absolute_url()}">Spółdzielnia Socjalna Razem</a>' in html
    assert "7 maja 2019" in html and "Urząd Gminy Testowej" in html
    assert draft.get_absolute_url() not in html and "Fundacja Szkic" in html
    assert "Były członek" not in html
    assert html.index("Urząd Gminy Testowej") < html.index("Spółdzielnia Socjalna Razem")  # by join date


def test_meetings_are_events_marked_for_the_pakt_and_documents_are_marked_publications(client):
    meeting = EventFactory(
        title="Posiedzenie Paktu",
        start=timezone.now() + datetime.timedelta(days=5),
        end=timezone.now() + datetime.timedelta(days=5, hours=2),
    )
    EventFactory(title="Inne wydarzenie")
    PaktMeeting.objects.create(event=meeting)
    document = PublicationFactory(title="Diagnoza dla Paktu")
    PublicationFactory(title="Zwykły poradnik")
    PaktDocument.objects.create(publication=document)
    hidden = PublicationFactory(title="Szkic dokumentu", is_published=False)
    PaktDocument.objects.create(publication=hidden)
    html = client.get(URL).content.decode()
    assert "Posiedzenie Paktu" in html and "Inne wydarzenie" not in html
    assert "Diagnoza dla Paktu" in html and "Zwykły poradnik" not in html and "Szkic dokumentu" not in html


def test_the_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    client.get(URL)
    for number in range(5):
        PaktMember.objects.create(name=f"Członek {number}", kind="organizacja", entity=EntityFactory())
    with django_assert_num_queries(4):  # page text, members with entities, two meeting lists, documents
        client.get(URL)


def test_the_page_refuses_post(client):
    assert client.post(URL).status_code == 405
