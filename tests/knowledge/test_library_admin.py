import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from knowledge.models import Publication
from tests.factories import image_upload, pdf_upload, redaktor
from tests.knowledge import documents

pytestmark = pytest.mark.django_db
ADD_URL = reverse("admin:knowledge_publication_add")


def form_data(upload, **overrides):
    return {
        "title": "Raport o zatrudnieniu",
        "slug": "",
        "kind": "raport",
        "authors": "Zespół",
        "year": "2025",
        "summary": "<p>Wnioski.</p>",
        "is_published": "on",
        "published_at_0": "2026-01-01",
        "published_at_1": "10:00:00",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-file": upload,
        "files-0-label": "Pełny raport",
        "files-0-position": "0",
        **overrides,
    }


@pytest.fixture
def editor_client(client):
    client.force_login(redaktor())
    return client


def test_an_editor_adds_a_publication_whose_file_text_is_searchable(editor_client, client):
    response = editor_client.post(ADD_URL, form_data(documents.docx_upload()))
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert publication.files.get().format == "docx"
    assert {"klauzule", "spoleczne", "zamowieniach", "gminnych"} <= set(publication.search_text.split())
    response = client.get(reverse("knowledge:list"), {"q": "zamowieniach gminnych"})
    assert [p.title for p in response.context["page"].object_list] == ["Raport o zatrudnieniu"]


def test_a_renamed_file_is_refused_with_a_message(editor_client):
    response = editor_client.post(ADD_URL, form_data(image_upload("raport.pdf")))
    assert response.status_code == 200
    assert "nie jest żadnym z nich" in response.content.decode()
    assert not Publication.objects.exists()


def test_a_summary_is_required(editor_client):
    response = editor_client.post(ADD_URL, form_data(pdf_upload(), summary=""))
    assert response.status_code == 200
    assert not Publication.objects.exists()


def test_a_file_whose_text_cannot_be_read_is_kept_and_reported_to_the_editor(editor_client):
    broken = SimpleUploadedFile("raport.pdf", b"%PDF-1.4\nthis is not really a pdf\n%%EOF")
    response = editor_client.post(ADD_URL, form_data(broken), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nie udało się odczytać tekstu z pliku" in html
    document = Publication.objects.get().files.get()
    assert document.extraction_error and document.extracted_text == ""


def test_the_admin_list_and_the_form_open(editor_client):
    assert editor_client.get(reverse("admin:knowledge_publication_changelist")).status_code == 200
    assert editor_client.get(ADD_URL).status_code == 200
