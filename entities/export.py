"""Open-data export of the public registry: the current filter as CSV or JSON.

Only organisations' public fields; never contact persons' personal data. Both formats name the licence
(OPEN_DATA_LICENCE_*) and the moment the data were read ("stan_na"). Rows are streamed with a
server-side cursor, so exporting 100,000 entities does not hold them all in memory.
"""

import csv
import json

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from entities.models import PSStatus, Sector
from wortal.licence import data_licence
from wortal.spreadsheets import neutralise_formula

COLUMNS = [
    ("nazwa", lambda e: e.name),
    ("nazwa_skrocona", lambda e: e.short_name),
    ("adres_profilu", lambda e: settings.SITE_URL + e.get_absolute_url()),
    ("forma_prawna", lambda e: e.legal_form),
    ("forma_prawna_opis", lambda e: str(e.get_legal_form_display())),
    ("krs", lambda e: e.krs or ""),
    ("nip", lambda e: e.nip or ""),
    ("regon", lambda e: e.regon or ""),
    ("ulica", lambda e: e.street),
    ("kod_pocztowy", lambda e: e.postal_code),
    ("miejscowosc", lambda e: e.town),
    ("gmina_teryt", lambda e: e.gmina.teryt),
    ("gmina", lambda e: e.gmina.name),
    ("powiat_teryt", lambda e: e.gmina.powiat.teryt),
    ("powiat", lambda e: e.gmina.powiat.name),
    ("szerokosc", lambda e: "" if e.latitude is None else str(e.latitude)),
    ("dlugosc", lambda e: "" if e.longitude is None else str(e.longitude)),
    ("email", lambda e: e.email),
    ("telefon", lambda e: e.phone),
    ("strona_www", lambda e: e.website),
    ("branze", lambda e: ";".join(s.slug for s in e.sectors.all())),
    ("status_ps", lambda e: "tak" if e.ps_statuses_in_force else "nie"),
    ("rok_zalozenia", lambda e: e.year_founded or ""),
    ("zaktualizowano", lambda e: e.updated_at.date().isoformat()),
    ("zweryfikowano", lambda e: e.last_verified_on.isoformat() if e.last_verified_on else ""),
]
CHUNK = 2000


def export_rows(queryset):
    queryset = queryset.select_related("gmina__powiat").prefetch_related(
        Prefetch("sectors", queryset=Sector.objects.order_by("position", "name")),
        Prefetch("ps_statuses", queryset=PSStatus.objects.in_force(), to_attr="ps_statuses_in_force"),
    )
    for entity in queryset.iterator(chunk_size=CHUNK):
        yield {name: value(entity) for name, value in COLUMNS}


class _Echo:
    def write(self, value):
        return value


def csv_stream(queryset):
    # The licence and the data's date ride on every row: a CSV has no place for a header note that every
    # reader would understand, and a row cut out of the file still says where it comes from.
    licence, as_of = data_licence(), timezone.now().isoformat(timespec="seconds")
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a BOM, so spreadsheet programs read the Polish letters as UTF-8
    yield writer.writerow([name for name, _ in COLUMNS] + ["licencja", "stan_na"])
    for row in export_rows(queryset):
        # Organisations type their own names and descriptions: no cell may reach a spreadsheet as a formula.
        cells = [neutralise_formula(value) for value in row.values()]
        yield writer.writerow([*cells, f"{licence['name']} {licence['url']}", as_of])


def json_stream(queryset):
    licence = data_licence()
    header = {
        "zrodlo": settings.SITE_URL + "/",
        "licencja": {"nazwa": licence["name"], "adres": licence["url"]},
        "stan_na": timezone.now().isoformat(timespec="seconds"),
    }
    yield json.dumps(header, ensure_ascii=False)[:-1] + ', "podmioty": ['
    for index, row in enumerate(export_rows(queryset)):
        yield ("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"
