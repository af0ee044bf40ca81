"""Text from publication files, for search. Each format is read by a maintained library.

PDF: pypdf. DOCX: python-docx. XLSX: openpyxl (read-only). PPTX: python-pptx. ODT and ODS: odfpy.
A file that a library cannot read raises ``ExtractionFailed`` with a message for the editor; the caller
stores it on the file and shows it in the admin, so a broken file is never a server error.
"""

import logging

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_PAGES = 500
MAX_CHARS = 1_000_000


class ExtractionFailed(Exception):
    pass


def _pdf(stream):
    from pypdf import PdfReader

    reader = PdfReader(stream)
    if reader.is_encrypted:
        raise ExtractionFailed(_("Plik PDF jest zaszyfrowany hasłem; tekstu nie da się odczytać."))
    return "\n".join(page.extract_text() or "" for page in reader.pages[:MAX_PAGES])


def _docx(stream):
    import docx

    document = docx.Document(stream)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def _xlsx(stream):
    from openpyxl import load_workbook

    workbook = load_workbook(stream, read_only=True, data_only=True)
    try:
        return "\n".join(
            " ".join(str(value) for value in row if value is not None)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    finally:
        workbook.close()


def _pptx(stream):
    from pptx import Presentation

    presentation = Presentation(stream)
    return "\n".join(
        shape.text_frame.text
        for slide in presentation.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


def _odf(stream):
    from odf import teletype, text
    from odf.opendocument import load
    from odf.table import TableCell

    document = load(stream)
    paragraphs = document.getElementsByType(text.P) + document.getElementsByType(text.H)
    if not paragraphs:
        paragraphs = document.getElementsByType(TableCell)
    return "\n".join(teletype.extractText(element) for element in paragraphs)


READERS = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "pptx": _pptx, "odt": _odf, "ods": _odf}


def extract_text(stream, format_key: str) -> str:
    """The file's text (at most MAX_CHARS characters), or ExtractionFailed with the reason in Polish."""
    try:
        content = READERS[format_key](stream)
    except ExtractionFailed:
        raise
    except Exception as error:
        logger.warning("Text extraction failed (%s): %r", format_key, error)
        raise ExtractionFailed(
            _(
                "Nie udało się odczytać tekstu z pliku (%(error)s). Plik jest dostępny, ale nie trafi do wyszukiwarki."
            )
            % {"error": type(error).__name__}
        ) from error
    return " ".join(content.split())[:MAX_CHARS]
