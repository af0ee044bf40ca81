"""Neutralising spreadsheet formulae in exported cells: one rule for every CSV and XLSX the portal writes.

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel and LibreOffice as a
formula (`=HYPERLINK(...)` typed into a short name would become a live link, or worse, in the office's
spreadsheet). Such a cell is written with a leading apostrophe, which spreadsheet programs take as "this is
text" (the OWASP advice for CSV injection). Used by the public open-data CSV (entities/export.py), the
admin's CSV/XLSX export of entities (django-import-export formats, through `NeutralisedFormulaeMixin`) and the
monitoring rounds' raw export (monitoring/export.py).
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class NeutralisedFormulaeMixin:
    """For django-import-export formats: its IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT hook, with our rule (the
    library's own only drops a leading `=`, leaving `+`, `-` and `@` live)."""

    def _escape_formulae(self, dataset):
        rows = [[neutralise_formula(cell) for cell in row] for row in dataset]
        del dataset[:]
        for row in rows:
            dataset.append(row)
