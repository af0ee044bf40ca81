import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import EventFactory, FilmFactory, InitiativeFactory, PostFactory

pytestmark = pytest.mark.django_db
SECTIONS = ["Wyróżnione inicjatywy", "Najnowsze aktualności", "Najnowszy film", "Nadchodzące wydarzenia"]


def test_an_empty_portal_hides_every_content_section_but_keeps_the_search(client):
    html = client.get(reverse("home")).content.decode()
    for heading in SECTIONS:
        assert heading not in html
    assert 'name="q"' in html


def test_each_section_shows_its_latest_public_items(client):
    InitiativeFactory(title="Wyróżniona", is_featured=True)
    InitiativeFactory(title="Zwykła")
    InitiativeFactory(title="Wyróżniony szkic", is_featured=True, state="draft")
    PostFactory(title="Starsza", published_at=timezone.now() - datetime.timedelta(days=2))
    PostFactory(title="Nowsza")
    PostFactory(title="Szkic wpisu", is_published=False)
    FilmFactory(title="Partnerska interwencja")
    EventFactory(title="Posiedzenie Paktu")
    EventFactory(title="Minione", start=timezone.now() - datetime.timedelta(days=3))
    html = client.get(reverse("home")).content.decode()
    for heading in SECTIONS:
        assert heading in html
    assert "Wyróżniona" in html and "Zwykła" not in html and "Wyróżniony szkic" not in html
    assert html.index("Nowsza") < html.index("Starsza") and "Szkic wpisu" not in html
    assert "Partnerska interwencja" in html
    assert "Posiedzenie Paktu" in html and "Minione" not in html


def test_a_section_with_nothing_public_stays_hidden(client):
    PostFactory(title="Nowsza")
    html = client.get(reverse("home")).content.decode()
    assert "Najnowsze aktualności" in html
    for heading in ["Wyróżnione inicjatywy", "Najnowszy film", "Nadchodzące wydarzenia"]:
        assert heading not in html


def test_the_home_page_query_count_is_fixed(client, django_assert_num_queries):
    def add():
        InitiativeFactory(is_featured=True)
        PostFactory()
        FilmFactory()
        EventFactory()

    add()
    client.get(reverse("home"))  # the registry counts are cached until the content changes
    # sectors, initiatives (+ organisers, powiaty, photos), posts (+ categories), film, events
    with django_assert_num_queries(9):
        client.get(reverse("home"))
    for _ in range(5):
        add()
    client.get(reverse("home"))  # new content: the counts are counted again, then cached
    with django_assert_num_queries(9):
        client.get(reverse("home"))


def test_content_pages_carry_no_inline_code(client):
    pages = [
        reverse("home"),
        reverse("news:list"),
        PostFactory().get_absolute_url(),
        reverse("news:film_list"),
        reverse("news:event_list"),
        EventFactory().get_absolute_url(),
        reverse("initiatives:list"),
        InitiativeFactory().get_absolute_url(),
        reverse("about"),
        reverse("accessibility"),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert " style=" not in html and " onclick=" not in html and " onload=" not in html, url
        assert html.count("<script") == html.count('<script type="application/ld+json">'), url
        assert (
            '<meta name="description" content="' in html and '<meta property="og:title" content="' in html
        ), url
