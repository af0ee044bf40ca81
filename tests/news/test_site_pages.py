import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from news.models import Page
from tests.factories import EntityFactory, EventFactory, FilmFactory, InitiativeFactory, PostFactory

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_the_about_page_is_in_the_main_navigation(client):
    response = client.get(reverse("about"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>O portalu</h1>" in html
    assert '<a href="/o-portalu/" aria-current="page">O portalu</a>' in html
    for label in ["Inicjatywy", "Aktualności", "Filmy"]:
        assert f">{label}</a>" in html


def test_editors_change_the_about_page_in_the_admin(client, editor):
    page = Page.objects.get(key=Page.Key.ABOUT)
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_page_change", args=[page.pk]),
        {"title": "O nas", "description": "Opis", "body": "<p>Nowa treść</p><script>alert(1)</script>"},
    )
    assert response.status_code == 302
    html = client.get(reverse("about")).content.decode()
    assert "<h1>O nas</h1>" in html and "<p>Nowa treść</p>" in html and "alert" not in html
    assert '<meta name="description" content="Opis">' in html


def test_editors_cannot_delete_the_fixed_pages(client, editor):
    client.force_login(editor)
    page = Page.objects.get(key=Page.Key.ABOUT)
    assert client.get(reverse("admin:news_page_delete", args=[page.pk])).status_code == 403
    assert client.get(reverse("admin:news_page_add")).status_code == 403


def test_the_accessibility_statement_is_linked_from_every_page(client):
    html = client.get(reverse("home")).content.decode()
    assert '<a href="/deklaracja-dostepnosci/">Deklaracja dostępności</a>' in html
    statement = client.get("/deklaracja-dostepnosci/").content.decode()
    assert "<h1>Deklaracja dostępności</h1>" in statement
    for section in [
        "ustawą z dnia 4 kwietnia 2019 r.",
        "Stan dostępności cyfrowej",
        "Informacje zwrotne i dane kontaktowe",
        "Skargi i odwołania",
        "Dostępność architektoniczna",
        "Ostatnia aktualizacja:",
    ]:
        assert section in statement


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "User-agent: *" in text and "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_sitemap_lists_all_public_content_and_nothing_else(client):
    public = [
        EntityFactory(name="Jawny podmiot"),
        InitiativeFactory(title="Jawna inicjatywa"),
        PostFactory(title="Jawny wpis"),
        FilmFactory(title="Jawny film"),
        EventFactory(title="Jawne wydarzenie"),
    ]
    hidden = [
        EntityFactory(name="Ukryty podmiot", state="draft"),
        InitiativeFactory(title="Ukryta inicjatywa", state="pending"),
        PostFactory(title="Ukryty wpis", is_published=False),
        FilmFactory(title="Ukryty film", is_published=False),
        EventFactory(title="Ukryte wydarzenie", is_published=False),
    ]
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [element.text for element in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert "http://testserver/sitemap-podmioty.xml" in sections
    locations = set()
    for section in sections:
        response = client.get(section.removeprefix("http://testserver"))
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        locations |= {element.text for element in root.findall("s:url/s:loc", SITEMAP_NS)}
    for item in public:
        assert f"http://testserver{item.get_absolute_url()}" in locations
    for item in hidden:
        assert f"http://testserver{item.get_absolute_url()}" not in locations
    for path in [
        "/",
        "/podmioty/",
        "/inicjatywy/",
        "/aktualnosci/",
        "/filmy/",
        "/wydarzenia/",
        "/o-portalu/",
        "/deklaracja-dostepnosci/",
    ]:
        assert f"http://testserver{path}" in locations


@pytest.mark.parametrize("url", ["/o-portalu/", "/deklaracja-dostepnosci/", "/robots.txt"])
def test_site_pages_refuse_post(client, url):
    assert client.post(url).status_code == 405


def test_an_unknown_sitemap_section_is_404(client):
    assert client.get("/sitemap-nie-ma.xml").status_code == 404


def test_the_accessibility_statement_states_the_checks_their_result_and_date(client):
    statement = client.get("/deklaracja-dostepnosci/").content.decode()
    assert "Deklarację sporządzono dnia 27 listopada 2026 r." in statement
    assert "nie wykazało żadnych naruszeń kryteriów sukcesu WCAG 2.1 na poziomach A i AA" in statement
    assert "obsługę wyłącznie klawiaturą" in statement
