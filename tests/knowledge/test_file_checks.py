import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from knowledge.forms import PublicationFileForm
from tests.factories import PublicationFactory, image_upload, pdf_upload, publication_file
from tests.knowledge import documents

pytestmark = pytest.mark.django_db


def form_for(upload):
    return PublicationFileForm({"label": "", "position": 0}, {"file": upload})


@pytest.mark.parametrize(
    ("upload", "format_key"),
    [
        (pdf_upload(), "pdf"),
        (documents.docx_upload(), "docx"),
        (documents.xlsx_upload(), "xlsx"),
        (documents.pptx_upload(), "pptx"),
        (documents.odt_upload(), "odt"),
        (documents.ods_upload(), "ods"),
    ],
    ids=["pdf", "docx", "xlsx", "pptx", "odt", "ods"],
)
def test_each_allowed_format_is_recognised_and_its_text_extracted(upload, format_key):
    document = publication_file(PublicationFactory(), upload)
    assert document.format == format_key
    assert document.file.name.startswith("publications/") and document.file.name.endswith(f".{format_key}")
    assert document.size == upload.size
    assert document.extraction_error == ""
    expected = "Rozdział" if format_key == "pdf" else documents.PHRASE
    assert expected in document.extracted_text


def test_a_renamed_image_is_refused_as_a_pdf():
    form = form_for(image_upload("raport.pdf"))
    assert not form.is_valid()
    assert "nie jest żadnym z nich" in str(form.errors["file"])


def test_a_plain_zip_renamed_to_docx_is_refused():
    assert not form_for(documents.plain_zip_upload()).is_valid()


def test_a_text_file_named_pdf_is_refused():
    assert not form_for(SimpleUploadedFile("raport.pdf", b"Hello, not a PDF")).is_valid()


def test_the_stored_name_follows_the_content_not_the_given_name():
    document = publication_file(PublicationFactory(), documents.docx_upload(name="raport.pdf"))
    assert document.format == "docx" and document.file.name.endswith(".docx")
    assert document.original_name == "raport.pdf"


def test_files_over_the_limit_are_refused(settings):
    settings.PUBLICATION_FILE_MAX_BYTES = 1000
    form = form_for(pdf_upload())
    assert not form.is_valid()
    assert "za duży" in str(form.errors["file"])


def test_files_are_stored_outside_media_root(settings):
    document = publication_file(PublicationFactory())
    assert not document.file.path.startswith(str(settings.MEDIA_ROOT))


def test_a_deleted_publication_takes_its_stored_files_along(django_capture_on_commit_callbacks):
    document = publication_file(PublicationFactory())
    path = document.file.path
    with django_capture_on_commit_callbacks(execute=True):
        document.publication.delete()
    assert not os.path.exists(path)
