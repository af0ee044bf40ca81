"""Small real office files made with the same libraries that read them, for the content and text tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

PHRASE = "Klauzule społeczne w zamówieniach gminnych"


def _upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def docx_upload(name="poradnik.docx", text=PHRASE):
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    output = io.BytesIO()
    document.save(output)
    return _upload(name, output.getvalue())


def xlsx_upload(name="dane.xlsx", text=PHRASE):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = text
    output = io.BytesIO()
    workbook.save(output)
    return _upload(name, output.getvalue())


def pptx_upload(name="slajdy.pptx", text=PHRASE):
    from pptx import Presentation

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = text
    output = io.BytesIO()
    presentation.save(output)
    return _upload(name, output.getvalue())


def odt_upload(name="dokument.odt", text=PHRASE):
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    document.text.addElement(P(text=text))
    output = io.BytesIO()
    document.save(output)
    return _upload(name, output.getvalue())


def ods_upload(name="arkusz.ods", text=PHRASE):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Arkusz1")
    row = TableRow()
    cell = TableCell()
    cell.addElement(P(text=text))
    row.addElement(cell)
    table.addElement(row)
    document.spreadsheet.addElement(table)
    output = io.BytesIO()
    document.save(output)
    return _upload(name, output.getvalue())


def plain_zip_upload(name="archiwum.docx"):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("notatka.txt", "To nie jest dokument Word.")
    return _upload(name, output.getvalue())
