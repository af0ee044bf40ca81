"""Import and export of entities: the support centres' spreadsheets (CSV or XLSX) in and out of the registry.

One resource (django-import-export) serves the admin's import with its preview, the admin's export of the
filtered list and ``manage.py import_entities``. Rows are matched to existing entities on NIP, then KRS, then
REGON. Headers are accepted in the documented Polish form and in common variants (case, diacritics and
punctuation do not matter: "Kod pocztowy", "kod_pocztowy" and "KOD POCZTOWY" are the same column).

A whole file is one transaction: a single invalid row means nothing is written, and the file can be fixed and
imported again. For speed on large files the existing identifiers, slugs, gminas and sectors are read once
per import, not once per row; uniqueness is checked against those maps instead of a query per field.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV
from simple_history.utils import bulk_create_with_history

from entities.identifiers import normalize_krs, normalize_nip, normalize_postal_code, normalize_regon
from entities.models import Entity, Gmina, LegalForm, Sector
from wortal.text import fold, polish_slugify, words

# attribute, documented Polish header, other accepted spellings (compared folded: lower case, no diacritics).
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


class SpreadsheetCSV(CSV):
    """CSV as spreadsheet programs save it: UTF-8 with or without a BOM, separated by commas or (in Polish
    settings) semicolons, whichever separates the header row."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode("utf-8")
        in_stream = in_stream.removeprefix("\ufeff")
        first_line = in_stream.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        return super().create_dataset(in_stream, delimiter=delimiter, **kwargs)


def _header_key(header) -> str:
    return " ".join(words(str(header or "")))


_ALIASES = {}
for _attribute, _header, _others in COLUMNS:
    for _spelling in [_header, _attribute.replace("_", " "), *_others]:
        _ALIASES[_header_key(_spelling)] = _header


def canonical_headers(headers) -> list:
    """The documented header for each recognised column; unknown columns are kept as they are (and ignored)."""
    return [_ALIASES.get(_header_key(header), header) for header in headers]


def _text(value) -> str:
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
        text = _text(value)
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
        return _text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class PostalCodeWidget(TextWidget):
    def clean(self, value, row=None, **kwargs):
        text = _text(value)
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
        text = _text(value)
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
        text = _text(value)
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
        text = _text(value)
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
        text = _text(value)
        if not text:
            return None
        if not text.isdigit():
            raise ValueError(_("Rok założenia to liczba, np. 2015."))
        return int(text)

    def render(self, value, obj=None, **kwargs):
        return str(value) if value else ""


def _field(attribute, widget):
    return fields.Field(attribute=attribute, column_name=HEADER_FOR[attribute], widget=widget)


class EntityResource(resources.ModelResource):
    name = _field("name", TextWidget())
    short_name = _field("short_name", TextWidget())
    legal_form = _field("legal_form", ChoiceWidget(LegalForm.choices, "Forma prawna"))
    nip = _field("nip", IdentifierWidget(normalize_nip))
    krs = _field("krs", IdentifierWidget(normalize_krs))
    regon = _field("regon", IdentifierWidget(normalize_regon))
    street = _field("street", TextWidget())
    postal_code = _field("postal_code", PostalCodeWidget())
    town = _field("town", TextWidget())
    gmina = _field("gmina", GminaWidget())
    email = _field("email", TextWidget())
    phone = _field("phone", TextWidget())
    website = _field("website", TextWidget())
    description = _field("description", TextWidget())
    offer = _field("offer", TextWidget())
    # Many-to-many: read in import_instance (validated with the row), written after the entity is saved.
    sectors = fields.Field(column_name=HEADER_FOR["sectors"])
    year_founded = _field("year_founded", YearWidget())
    state = _field("state", ChoiceWidget(Entity.State.choices, "Stan"))
    last_verified_on = _field("last_verified_on", DateWidget())

    class Meta:
        model = Entity
        fields = [attribute for attribute, _header, _aliases in COLUMNS]
        import_id_fields = []
        # Uniqueness and foreign keys are checked against maps read once (see validate_instance).
        clean_model_instances = False
        skip_unchanged = False
        report_skipped = True
        use_transactions = True

    def __init__(self, progress=None, **kwargs):
        super().__init__(**kwargs)
        # Called after each row (the management command's progress bar).
        self.progress = progress

    # --- whole import -----------------------------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        dataset.headers = canonical_headers(dataset.headers)
        if HEADER_FOR["name"] not in dataset.headers:
            raise ValidationError(_("W pliku nie ma kolumny „Nazwa” (nagłówki w pierwszym wierszu)."))
        self.owner_of = {"nip": {}, "krs": {}, "regon": {}}
        self.names = {}
        self.slugs = set()
        for pk, name, slug, nip, krs, regon in Entity.objects.values_list(
            "pk", "name", "slug", "nip", "krs", "regon"
        ):
            self.names[pk] = name
            self.slugs.add(slug)
            for kind, value in (("nip", nip), ("krs", krs), ("regon", regon)):
                if value:
                    self.owner_of[kind][value] = pk
        # Identifiers already used by an earlier row of this file: a repeat is an error, not an update.
        self.seen_in_file = {"nip": {}, "krs": {}, "regon": {}}
        self.sectors_by_key = {}
        for sector in Sector.objects.all():
            self.sectors_by_key[fold(sector.name)] = sector
            self.sectors_by_key[sector.slug] = sector
        self.fields["gmina"].widget.load()

    # --- matching: NIP, then KRS, then REGON ------------------------------------------------------------

    def matching_pk(self, row):
        for kind in ("nip", "krs", "regon"):
            try:
                value = self.fields[kind].widget.clean(row.get(HEADER_FOR[kind]))
            except ValueError:
                continue  # reported as the row's error by import_instance
            if value and value in self.owner_of[kind]:
                return self.owner_of[kind][value]
        return None

    def get_instance(self, instance_loader, row):
        pk = self.matching_pk(row)
        return Entity.objects.get(pk=pk) if pk else None

    def init_instance(self, row=None):
        return Entity(state=Entity.State.DRAFT)

    # --- one row ----------------------------------------------------------------------------------------

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute in KEEP_WHEN_BLANK and not _text(row.get(field.column_name)):
            return
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        instance._import_sectors = None
        if HEADER_FOR["sectors"] in row:
            try:
                instance._import_sectors = self.parse_sectors(row[HEADER_FOR["sectors"]])
            except ValueError as error:
                errors["sectors"] = [str(error)]
        if errors:
            raise ValidationError(errors)

    def parse_sectors(self, value):
        found = []
        for part in re.split(r"[;,\n]", _text(value)):
            if not part.strip():
                continue
            sector = self.sectors_by_key.get(fold(part.strip())) or self.sectors_by_key.get(
                polish_slugify(part)
            )
            if sector is None:
                known = ", ".join(sorted({s.name for s in self.sectors_by_key.values()}))
                raise ValueError(
                    _("Nieznana branża „%(name)s”. Dozwolone: %(known)s.")
                    % {"name": part.strip(), "known": known}
                )
            found.append(sector)
        return found

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        try:
            # Field rules (lengths, e-mail and address formats, required values) without database lookups.
            instance.full_clean(
                exclude=[*errors, "gmina", "running_entity", "last_verified_by", "slug", "logo"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for kind in ("nip", "krs", "regon"):
            value = getattr(instance, kind)
            owner = self.owner_of[kind].get(value) if value else None
            if kind in errors or not value:
                continue
            earlier_row = self.seen_in_file[kind].get(value)
            if earlier_row is not None:
                errors[kind] = [
                    _("%(kind)s %(value)s powtarza się w pliku (pierwszy raz w wierszu %(row)s).")
                    % {"kind": kind.upper(), "value": value, "row": earlier_row}
                ]
            elif owner is not None and owner != instance.pk:
                errors[kind] = [
                    _("%(kind)s %(value)s ma już inny podmiot: „%(name)s”.")
                    % {"kind": kind.upper(), "value": value, "name": self.names.get(owner, owner)}
                ]
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        for kind in ("nip", "krs", "regon"):
            value = getattr(instance, kind)
            if value:
                self.seen_in_file[kind][value] = kwargs.get("row_number")
        if not instance.slug:
            base = polish_slugify(instance.name)[:100].strip("-") or "podmiot"
            slug, suffix = base, 2
            while slug in self.slugs:
                slug, suffix = f"{base}-{suffix}", suffix + 1
            instance.slug = slug
        self.slugs.add(instance.slug)
        # Recorded in the entity's history with the person who imported it.
        instance._change_reason = self.change_reason(kwargs)
        user = kwargs.get("user")
        if user is not None and user.is_authenticated:
            instance._history_user = user

    def change_reason(self, kwargs):
        return _("Import z pliku %(file)s") % {"file": kwargs.get("file_name") or "–"}

    def after_save_instance(self, instance, row, **kwargs):
        self.names[instance.pk] = instance.name
        for kind in ("nip", "krs", "regon"):
            value = getattr(instance, kind)
            if value:
                self.owner_of[kind][value] = instance.pk
        if instance._import_sectors is not None:
            instance.sectors.set(instance._import_sectors)

    def after_import_row(self, row, row_result, **kwargs):
        if self.progress is not None:
            self.progress()

    # --- export -----------------------------------------------------------------------------------------

    def dehydrate_sectors(self, entity):
        return "; ".join(sector.name for sector in entity.sectors.all())


class EntityFileResource(EntityResource):
    """The management command's resource: the same rows and checks, written in batches.

    A row-by-row save costs four or five queries (entity, history, sectors); for a file of ten thousand rows
    the entities, their history records (django-simple-history's bulk helpers, with the same user and reason)
    and their sectors are written a thousand at a time instead. No per-row diff is computed: only the admin's
    preview shows one.
    """

    BATCH_SIZE = 1000

    class Meta(EntityResource.Meta):
        skip_diff = True

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.to_create, self.to_update = [], []
        self.history_user = kwargs.get("user")
        self.history_reason = self.change_reason(kwargs)
        # The entities this file will update, read in a few queries instead of one per row.
        pks = {pk for row in dataset.dict if (pk := self.matching_pk(row))}
        self.preloaded = {}
        pk_list = sorted(pks)
        for start in range(0, len(pk_list), self.BATCH_SIZE):
            self.preloaded.update(Entity.objects.in_bulk(pk_list[start : start + self.BATCH_SIZE]))

    def get_instance(self, instance_loader, row):
        pk = self.matching_pk(row)
        return self.preloaded.get(pk) or (Entity.objects.get(pk=pk) if pk else None)

    def do_instance_save(self, instance, is_create):
        # What Entity.save() would do: the folded search words and the change time.
        instance.search_text = instance.build_search_text()
        instance.updated_at = timezone.now()
        (self.to_create if is_create else self.to_update).append(instance)
        if len(self.to_create) + len(self.to_update) >= self.BATCH_SIZE:
            self.flush()

    def update_rows(self, entities):
        """One parametrised UPDATE per row, sent together (executemany).

        Django's bulk_update builds a CASE per column and spends most of its time resolving those
        expressions in Python; a prepared statement with one parameter row per entity is many times faster.
        """
        fields = [
            field
            for field in Entity._meta.concrete_fields
            if not field.primary_key
            and field.name not in ("created_at", "logo", "running_entity", "last_verified_by")
        ]
        connection = connections[Entity.objects.db]
        quote = connection.ops.quote_name
        assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
        sql = f"UPDATE {quote(Entity._meta.db_table)} SET {assignments} WHERE {quote(Entity._meta.pk.column)} = %s"
        params = [
            [field.get_db_prep_save(getattr(entity, field.attname), connection) for field in fields]
            + [entity.pk]
            for entity in entities
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)

    def after_save_instance(self, instance, row, **kwargs):
        pass  # the maps and sectors are brought up to date by flush(), once the batch has its keys

    def after_import(self, dataset, result, **kwargs):
        self.flush()
        super().after_import(dataset, result, **kwargs)

    def flush(self):
        options = {
            "batch_size": self.BATCH_SIZE,
            "default_user": self.history_user,
            "default_change_reason": self.history_reason,
        }
        if self.to_create:
            bulk_create_with_history(self.to_create, Entity, **options)
        if self.to_update:
            self.update_rows(self.to_update)
            Entity.history.bulk_history_create(self.to_update, update=True, **options)
        saved = self.to_create + self.to_update
        with_sectors = [entity for entity in saved if entity._import_sectors is not None]
        through = Entity.sectors.through
        through.objects.filter(entity_id__in=[entity.pk for entity in with_sectors]).delete()
        through.objects.bulk_create(
            [
                through(entity_id=entity.pk, sector_id=sector.pk)
                for entity in with_sectors
                for sector in entity._import_sectors
            ],
            batch_size=self.BATCH_SIZE,
        )
        for entity in saved:
            self.names[entity.pk] = entity.name
            for kind in ("nip", "krs", "regon"):
                value = getattr(entity, kind)
                if value:
                    self.owner_of[kind][value] = entity.pk
        self.to_create, self.to_update = [], []
