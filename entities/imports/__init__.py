"""Import and export of entities (django-import-export): columns and widgets in ``columns``, the resource
used by the admin and the command in ``resources``."""

from .columns import COLUMNS, SpreadsheetCSV, SpreadsheetXLSX, canonical_headers
from .resources import EntityFileResource, EntityResource

__all__ = [
    "COLUMNS",
    "EntityFileResource",
    "EntityResource",
    "SpreadsheetCSV",
    "SpreadsheetXLSX",
    "canonical_headers",
]
