"""Import and export of entities: the support centres' spreadsheets (CSV or XLSX) in and out of the registry.

One resource (django-import-export) serves the admin's import with its preview, the admin's export of the
filtered list and ``manage.py import_entities``. Rows are matched to existing entities on NIP, then KRS, then
REGON. Headers are accepted in the documented Polish form and in common variants (case, diacritics and
punctuation do not matter: "Kod pocztowy", "kod_pocztowy" and "KOD POCZTOWY" are the same column).

A whole file is one transaction: a single invalid row means nothing is written, and the file can be fixed and
imported again. For speed on large files the existing identifiers, slugs, gminas and sectors are read once
per import, not once per row; uniqueness is checked against those maps instead of a query per field.
"""

import re

from django.core.exceptions import ValidationError
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.resources import Diff
from simple_history.utils import bulk_create_with_history

from entities.identifiers import normalize_krs, normalize_nip, normalize_regon
from entities.models import Entity, LegalForm, Sector
from entities.versions import registry_changed
from wortal.text import fold, polish_slugify

from .columns import (
    COLUMNS,
    HEADER_FOR,
    KEEP_WHEN_BLANK,
    ChoiceWidget,
    DateWidget,
    GminaWidget,
    IdentifierWidget,
    PostalCodeWidget,
    TextWidget,
    YearWidget,
    canonical_headers,
    cell_text,
)


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
        if field.attribute in KEEP_WHEN_BLANK and not cell_text(row.get(field.column_name)):
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
        for part in re.split(r"[;,\n]", cell_text(value)):
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

    def get_diff_class(self):
        return PreviewDiff


class PreviewDiff(Diff):
    """The admin preview's before/after values, read like the export (through ``dehydrate_<field>``).

    import-export's Diff reads each column with ``Field.export()``, which skips the resource's dehydrate
    methods: the sectors column ("Branże"), which has no model attribute, showed empty in the preview.
    """

    def __init__(self, resource, instance, new):
        super().__init__(resource, instance, new)
        self.left = self.values(resource, instance)

    def compare_with(self, resource, instance):
        self.right = self.values(resource, instance)

    @staticmethod
    def values(resource, instance):
        if instance is None or instance.pk is None:
            return ["" for _field in resource.get_import_fields()]
        return [resource.export_field(field, instance) for field in resource.get_import_fields()]


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
        registry_changed()  # bulk writes send no post_save: public pages, statistics and the map must know
        for entity in saved:
            self.names[entity.pk] = entity.name
            for kind in ("nip", "krs", "regon"):
                value = getattr(entity, kind)
                if value:
                    self.owner_of[kind][value] = entity.pk
        self.to_create, self.to_update = [], []
