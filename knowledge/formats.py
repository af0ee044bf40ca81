"""Recognising a publication file by its content, never by its name.

A PDF starts with ``%PDF-``. The office formats are ZIP archives: OpenDocument names its type in a first entry
called ``mimetype``; Office Open XML has ``[Content_Types].xml`` and a main part whose path gives the kind
(``word/document.xml``, ``xl/workbook.xml``, ``ppt/presentation.xml``). Anything else (an image or a program
renamed to ``.pdf``, a plain ZIP) is refused. Archives are also checked against a ZIP bomb: many entries or a
huge unpacked size are refused before any library reads them.
"""

import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_ZIP_ENTRIES = 5_000
MAX_UNPACKED_BYTES = 300 * 1024 * 1024


@dataclass(frozen=True)
class Format:
    key: str
    extension: str
    content_type: str
    label: str


PDF = Format("pdf", "pdf", "application/pdf", "PDF")
DOCX = Format(
    "docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX (Word)"
)
XLSX = Format(
    "xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX (Excel)"
)
PPTX = Format(
    "pptx",
    "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "PPTX (PowerPoint)",
)
ODT = Format("odt", "odt", "application/vnd.oasis.opendocument.text", "ODT (dokument tekstowy)")
ODS = Format("ods", "ods", "application/vnd.oasis.opendocument.spreadsheet", "ODS (arkusz kalkulacyjny)")

FORMATS = {fmt.key: fmt for fmt in (PDF, DOCX, XLSX, PPTX, ODT, ODS)}
FORMAT_CHOICES = [(fmt.key, fmt.label) for fmt in FORMATS.values()]
OOXML_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
ODF_TYPES = {ODT.content_type: ODT, ODS.content_type: ODS}

NOT_ALLOWED = _("Dozwolone są pliki PDF, DOCX, ODT, XLSX, ODS i PPTX; ten plik nie jest żadnym z nich.")


def _office_format(archive: zipfile.ZipFile) -> Format | None:
    names = set(archive.namelist())
    if "mimetype" in names:
        return ODF_TYPES.get(archive.read("mimetype").decode("ascii", "replace").strip())
    if "[Content_Types].xml" in names:
        return next((fmt for part, fmt in OOXML_PARTS.items() if part in names), None)
    return None


def detect_format(upload) -> Format:
    """The file's real format, or ValidationError (in Polish) when it is none of the allowed ones."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if not head.startswith(b"PK\x03\x04"):
        raise ValidationError(NOT_ALLOWED, code="invalid_file_type")
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
                raise ValidationError(
                    _("Plik po rozpakowaniu jest za duży, by go przyjąć."), code="archive_too_large"
                )
            fmt = _office_format(archive)
    except zipfile.BadZipFile as error:
        raise ValidationError(NOT_ALLOWED, code="invalid_file_type") from error
    finally:
        upload.seek(0)
    if fmt is None:
        raise ValidationError(NOT_ALLOWED, code="invalid_file_type")
    return fmt
