"""The spreadsheet side of the entity import: columns, accepted header spellings, CSV dialect and the
widgets that turn a cell into a value (with Polish error messages) and a value back into a cell."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import widgets
from import_export.formats.base_formats import CSV, XLSX

from entities.identifiers import normalize_postal_code
from entities.models import Gmina
from wortal.spreadsheets import NeutralisedFormulaeMixin
from wortal.text import fold, words

COLUMNS = [
    ("name", "Nazwa", ["nazwa podmiotu", "pelna nazwa", "name"]),
    ("short_name", "Nazwa skrócona", ["skrot", "nazwa skrocona", "short name"]),
    ("legal_form", "Forma prawna", ["forma", "typ podmiotu", "forma typ podmiotu", "legal form"]),
    ("nip", "NIP", []),
    ("krs", "KRS", ["numer krs", "nr krs"]),
    ("regon", "REGON", ["numer regon", "nr regon"]),
    ("street", "Ulica i numer", ["ulica", "adres", "street"]),
    ("postal_code", "Kod pocztowy", ["kod", "postal code"]),
    ("town", "Miejscowość", ["miejscowosc", "miasto", "town"]),
    ("gmina", "Gmina (TERYT)", ["gmina", "teryt", "kod teryt", "teryt gminy", "kod teryt gminy"]),
    ("email", "E-mail", ["email", "e mail", "adres e mail", "mail"]),
    ("phone", "Telefon", ["tel", "nr telefonu", "phone"]),
    ("website", "Strona internetowa", ["www", "strona", "strona www", "website"]),
    ("description", "Opis", ["description"]),
    ("offer", "Oferta", ["oferta produktow i uslug", "offer"]),
    ("sectors", "Branże", ["branze", "branza", "sectors"]),
    ("year_founded", "Rok założenia", ["rok zalozenia", "year founded"]),
    ("state", "Stan", ["stan publikacji", "state"]),
    ("last_verified_on", "Ostatnio zweryfikowano", ["data weryfikacji", "zweryfikowano", "last verified on"]),
]
HEADER_FOR = {attribute: header for attribute, header, _aliases in COLUMNS}
# Optional text columns where a blank cell means "leave as it is" rather than "erase".
KEEP_WHEN_BLANK = {"state", "legal_form"}


class SpreadsheetCSV(NeutralisedFormulaeMixin, CSV):
    """CSV as spreadsheet programs save it: UTF-8 with or without a BOM, separated by commas or (in Polish
    settings) semicolons, whichever separates the header row."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            try:
                in_stream = in_stream.decode("utf-8")
            except UnicodeDecodeError:
                raise ValueError(
                    _(
                        "Plik CSV nie jest zapisany w UTF-8. W arkuszu wybierz „CSV UTF-8” albo zapisz plik jako XLSX."
                    )
                ) from None
        in_stream = in_stream.removeprefix("\ufeff")
        first_line = in_stream.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        return super().create_dataset(in_stream, delimiter=delimiter, **kwargs)


class SpreadsheetXLSX(NeutralisedFormulaeMixin, XLSX):
    """XLSX with the same neutralised formulae as the CSV export."""


def _header_key(header) -> str:
    return " ".join(words(str(header or "")))


_ALIASES = {}
for _attribute, _header, _others in COLUMNS:
    for _spelling in [_header, _attribute.replace("_", " "), *_others]:
        _ALIASES[_header_key(_spelling)] = _header


def canonical_headers(headers) -> list:
    """The documented header for each recognised column; unknown columns are kept as they are (and ignored)."""
    return [_ALIASES.get(_header_key(header), header) for header in headers]


def cell_text(value) -> str:
    """A cell as text: spreadsheets give numbers as int or float (a NIP typed as 8567346215.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _as_value_error(error: ValidationError) -> ValueError:
    return ValueError(" ".join(str(message) for message in error.messages))


class IdentifierWidget(widgets.Widget):
    def __init__(self, normalizer, **kwargs):
        self.normalizer = normalizer
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        try:
            return self.normalizer(text)
        except ValidationError as error:
            raise _as_value_error(error) from None

    def render(self, value, obj=None, **kwargs):
        return value or ""


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return cell_text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class PostalCodeWidget(TextWidget):
    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return ""
        # A spreadsheet turns 31-100 into 31100 and 01-234 into 1234.
        if text.isdigit() and len(text) < 5:
            text = text.zfill(5)
        try:
            return normalize_postal_code(text)
        except ValidationError as error:
            raise _as_value_error(error) from None


class ChoiceWidget(widgets.Widget):
    """Accepts a choice's key ("fundacja") or its label ("Fundacja"); exports the label."""

    def __init__(self, choices, what, **kwargs):
        self.choices = choices
        self.what = what
        self.lookup = {}
        for key, label in choices:
            self.lookup[fold(str(key))] = key
            self.lookup[fold(str(label))] = key
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        try:
            return self.lookup[fold(text)]
        except KeyError:
            allowed = ", ".join(str(label) for _key, label in self.choices)
            raise ValueError(
                _("Nieznana wartość „%(value)s” w kolumnie %(what)s. Dozwolone: %(allowed)s.")
                % {"value": text, "what": self.what, "allowed": allowed}
            ) from None

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices).get(value, value or ""))


class GminaWidget(widgets.Widget):
    """A gmina by its TERYT code (6 or 7 digits), or by its name when only one gmina has that name."""

    def __init__(self, **kwargs):
        self.by_teryt = None
        self.by_name = None
        super().__init__(**kwargs)

    def load(self):
        self.by_teryt, self.by_name = {}, {}
        for gmina in Gmina.objects.select_related("powiat"):
            self.by_teryt[gmina.teryt] = gmina
            self.by_name.setdefault(fold(gmina.name), []).append(gmina)

    def clean(self, value, row=None, **kwargs):
        if self.by_teryt is None:
            self.load()
        text = cell_text(value)
        if not text:
            raise ValueError(_("Podaj gminę: kod TERYT (6 lub 7 cyfr) albo nazwę."))
        digits = re.sub(r"\D", "", text)
        if digits and len(digits) in (6, 7) and digits == text.replace(" ", ""):
            gmina = self.by_teryt.get(digits[:6])
            if gmina is None:
                raise ValueError(_("Nie ma w Małopolsce gminy o kodzie TERYT %(code)s.") % {"code": text})
            return gmina
        candidates = self.by_name.get(fold(text), [])
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise ValueError(
                _("Gmin o nazwie „%(name)s” jest kilka (%(which)s): podaj kod TERYT.")
                % {"name": text, "which": "; ".join(f"{g} – {g.teryt}" for g in candidates)}
            )
        raise ValueError(_("Nie ma w Małopolsce gminy „%(name)s”.") % {"name": text})

    def render(self, value, obj=None, **kwargs):
        return value.teryt if value else ""


class DateWidget(widgets.Widget):
    FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = cell_text(value)
        if not text:
            return None
        for date_format in self.FORMATS:
            try:
                return datetime.datetime.strptime(text, date_format).date()  # noqa: DTZ007 (a calendar date)
            except ValueError:
                continue
        raise ValueError(_("Data „%(value)s” ma mieć postać RRRR-MM-DD albo DD.MM.RRRR.") % {"value": text})

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class YearWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        if not text.isdigit():
            raise ValueError(_("Rok założenia to liczba, np. 2015."))
        return int(text)

    def render(self, value, obj=None, **kwargs):
        return str(value) if value else ""
