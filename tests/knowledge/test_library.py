import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from knowledge.models import Theme
from tests.factories import (
    EntityFactory,
    InitiativeFactory,
    PublicationFactory,
    pdf_upload,
    publication_file,
    redaktor,
)

pytestmark = pytest.mark.django_db
URL = reverse("knowledge:list")


def titles(response):
    return [p.title for p in response.context["page"].object_list]


def test_only_published_publications_are_listed(client):
    PublicationFactory(title="Opublikowana")
    PublicationFactory(title="Szkic", is_published=False)
    PublicationFactory(title="Zaplanowana", published_at=timezone.now() + datetime.timedelta(days=3))
    assert titles(client.get(URL)) == ["Opublikowana"]


def test_the_list_filters_by_kind_theme_and_year(client):
    research = Theme.objects.get(slug="badania-i-diagnozy")
    PublicationFactory(title="Raport 2024", kind="raport", year=2024, themes=[research])
    PublicationFactory(title="Poradnik 2025", kind="poradnik", year=2025)
    assert titles(client.get(URL, {"rodzaj": "poradnik"})) == ["Poradnik 2025"]
    assert titles(client.get(URL, {"temat": "badania-i-diagnozy"})) == ["Raport 2024"]
    assert titles(client.get(URL, {"rok": "2024"})) == ["Raport 2024"]


def test_a_phrase_from_inside_a_file_finds_the_publication_without_polish_letters(client):
    report = PublicationFactory(title="Diagnoza")
    PublicationFactory(title="Inna")
    publication_file(report, pdf_upload(text="Wskaźnik trwałości miejsc pracy wyniósł 78 procent."))
    assert titles(client.get(URL, {"q": "wskaznik trwalosci miejsc"})) == ["Diagnoza"]
    assert titles(client.get(URL, {"q": "TRWAŁOŚCI"})) == ["Diagnoza"]
    assert titles(client.get(URL, {"q": "nieobecne slowo"})) == []


def test_the_list_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    client.get(URL)  # site settings into the cache
    for _ in range(3):
        PublicationFactory(themes=list(Theme.objects.all()[:2]))
    with django_assert_num_queries(4):  # themes for the filter, count, page, the page's themes
        client.get(URL)
    for _ in range(8):
        PublicationFactory(themes=list(Theme.objects.all()[:2]))
    with django_assert_num_queries(4):
        response = client.get(URL)
    assert len(titles(response)) == 11


def test_the_page_shows_the_summary_files_and_published_relations(client):
    publication = PublicationFactory(
        title="Przedsiębiorstwa społeczne w Małopolsce. Diagnoza",
        summary="<h2>Wnioski</h2><p>Co trzecie korzysta z klauzul.</p><script>alert(1)</script>",
    )
    publication_file(publication, label="Pełny raport")
    publication.related_entities.set(
        [EntityFactory(name="Spółdzielnia Widoczna"), EntityFactory(name="Szkic", state="draft")]
    )
    publication.related_initiatives.set([InitiativeFactory(title="Wspólna kuchnia")])
    html = client.get(publication.get_absolute_url()).content.decode()
    assert "<h2>Wnioski</h2>" in html and "alert(1)" not in html
    assert "Pełny raport" in html and "PDF," in html and "KB" in html
    assert "Spółdzielnia Widoczna" in html and ">Szkic<" not in html
    assert "Wspólna kuchnia" in html


def test_an_unpublished_publication_is_hidden_but_editors_preview_it(client):
    publication = PublicationFactory(is_published=False)
    assert client.get(publication.get_absolute_url()).status_code == 404
    client.force_login(redaktor())
    response = client.get(publication.get_absolute_url())
    assert response.status_code == 200 and "Podgląd dla redakcji" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_a_file_is_a_download_with_a_safe_type_and_name(client):
    document = publication_file(PublicationFactory(title="Raport o spółdzielniach"), label="Pełny raport")
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="pelny-raport.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_files_of_unpublished_publications_are_not_served(client):
    document = publication_file(PublicationFactory(is_published=False))
    assert client.get(document.get_absolute_url()).status_code == 404
    client.force_login(redaktor())
    assert client.get(document.get_absolute_url()).status_code == 200


def test_a_file_under_another_publications_address_is_not_found(client):
    document = publication_file(PublicationFactory())
    other = PublicationFactory()
    url = reverse("knowledge:file", kwargs={"slug": other.slug, "pk": document.pk, "name": "x.pdf"})
    assert client.get(url).status_code == 404


def test_pages_refuse_other_methods(client):
    publication = PublicationFactory()
    assert client.post(URL).status_code == 405
    assert client.post(publication.get_absolute_url()).status_code == 405
