"""The screens editors use: Polish import and export pages within the CSP, a readable error list, sectors in the
preview, dated Polish file names; the rich-text editor; post authors among staff only; the portal's identity."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.factories import EntityFactory, redaktor

pytestmark = pytest.mark.django_db

HEADER = "Nazwa;Forma prawna;NIP;Miejscowość;Gmina (TERYT);Branże\n"
INLINE_CODE = re.compile(r"\son[a-z]+=|\sstyle=|<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)", re.I)


def preview(client, text):
    upload = SimpleUploadedFile("podmioty.csv", text.encode(), content_type="text/csv")
    return client.post(reverse("admin:entities_entity_import"), {"format": "0", "import_file": upload})


def test_the_import_preview_shows_the_sectors_and_carries_no_inline_code(client):
    client.force_login(redaktor())
    response = preview(client, HEADER + 'Fundacja Zakątek;fundacja;;Kraków;126101;"kultura; transport"\n')
    html = response.content.decode()
    assert response.context["confirm_form"] is not None
    assert "Podgląd" in html and "Potwierdź import" in html
    assert re.search(r"<td>\s*<ins>kultura; transport</ins>\s*</td>", html), "sectors missing in the preview"
    assert not INLINE_CODE.search(html)


def test_rows_with_errors_are_listed_with_the_field_and_the_message_in_polish(client):
    client.force_login(redaktor())
    response = preview(client, HEADER + "Zła Fundacja;fundacja;123;Kraków;126101;kultura\n")
    html = response.content.decode()
    assert "Plik zawiera błędy" in html and "Some rows failed" not in html
    row = re.search(r'<table class="import-errors-table">.*?</table>', html, re.S).group(0)
    assert "Zła Fundacja" in row and "NIP</strong>: NIP musi mieć 10 cyfr" in row
    assert "validation-error-count" not in html


def test_the_export_page_is_polish_without_inline_code_and_files_get_dated_polish_names(client):
    EntityFactory(name="Do eksportu")
    client.force_login(redaktor())
    page = client.get(reverse("admin:entities_entity_export")).content.decode()
    assert "Zaznacz wszystkie" in page and "js/admin-export.js" in page
    assert not INLINE_CODE.search(page)
    response = client.post(
        reverse("admin:entities_entity_export"), {"format": "0", "entityresource_name": "on"}
    )
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="podmioty-{today}.csv"'


def test_the_post_body_gets_the_rich_text_editor_within_the_csp(client):
    client.force_login(redaktor())
    html = client.get(reverse("admin:news_post_add")).content.decode()
    assert re.search(r'<textarea[^>]*name="body"[^>]*data-rich-text', html) or re.search(
        r'<textarea[^>]*data-rich-text[^>]*name="body"', html
    )
    assert '<script src="/static/js/rich-text-editor.js" type="module">' in html
    assert "importmap" not in html


def test_a_post_author_is_chosen_among_staff_only(client):
    member = factories.verified_user("czlonkini@example.org")
    editor = redaktor()
    client.force_login(editor)
    response = client.get(reverse("admin:news_post_add"))
    authors = list(response.context["adminform"].form.fields["author"].queryset)
    assert editor in authors and member not in authors


def test_the_admin_carries_the_portal_identity_and_links_to_the_public_site(client):
    client.force_login(redaktor())
    html = client.get(reverse("admin:index")).content.decode()
    assert "img/logo.svg" in html and "css/admin-identity.css" in html
    assert re.search(r'<a href="/"[^>]*>[^<]*Małopolski Wortal Ekonomii Społecznej', html)
