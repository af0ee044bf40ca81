"""Field diffs shared by every kind of member submission: snapshot, compare, show and apply.

A submission stores the proposed values of a model's member-editable fields as JSON and changes nothing
until an editor approves it. The helpers below are generic over a model and a list of field names, so an
app only declares which fields its members may set: everything else (publication state, verification
dates, status records) can neither be proposed nor applied.

Only the fields a person actually changed are stored, compared with the live values when they submitted.
Applying therefore touches those fields alone, and two members' changes to different fields do not undo
each other.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wortal.richtext import RichTextField, plain_text


@dataclass
class FieldChange:
    name: str
    label: str
    live: str
    proposed: str


def _field(model, name):
    return model._meta.get_field(name)


def to_json(field, value):
    """A field's value in the JSON form a submission stores."""
    if value is None or value == "":
        return value
    if field.many_to_many:
        return sorted(item.pk if isinstance(item, models.Model) else int(item) for item in value)
    if field.many_to_one:
        return value.pk if isinstance(value, models.Model) else value
    if isinstance(field, models.DecimalField):
        return str(Decimal(value).quantize(Decimal(10) ** -field.decimal_places))
    if isinstance(value, datetime.date):
        # Dates (e.g. an initiative's start) are stored as ISO text; the field's to_python reads them back.
        return value.isoformat()
    return value


def snapshot(instance, fields) -> dict:
    """The live values of the given fields, in JSON form (one query per many-to-many field)."""
    data = {}
    for name in fields:
        field = _field(type(instance), name)
        if field.many_to_many:
            value = list(getattr(instance, name).values_list("pk", flat=True)) if instance.pk else []
        elif field.many_to_one:
            value = getattr(instance, field.attname)
        else:
            value = getattr(instance, name)
        data[name] = to_json(field, value)
    return data


def values_from_form(form, fields) -> dict:
    """Proposed values from a valid ModelForm: the model's normalised values, many-to-many from the form."""
    data = {}
    for name in fields:
        field = _field(form._meta.model, name)
        if field.many_to_many:
            data[name] = to_json(field, form.cleaned_data.get(name) or [])
        elif field.many_to_one:
            data[name] = getattr(form.instance, field.attname)
        else:
            data[name] = to_json(field, getattr(form.instance, name))
    return data


def shown_record(instance, fields) -> dict:
    """The record as a form shows it: its version (``updated_at``) and the live values of the fields."""
    updated_at = getattr(instance, "updated_at", None)
    return {"version": updated_at.isoformat() if updated_at else "", "values": snapshot(instance, fields)}


def changed_values(base: dict, proposed: dict, fields) -> dict:
    """The proposed values that differ from the base ones: what the person changed in the form they saw.

    Compared with what the form showed (not with the live record), a form left open while another change
    was approved proposes only the person's own edits, never the old values of the other change's fields.
    """
    return {name: value for name, value in proposed.items() if name in fields and base.get(name) != value}


def changed_since(instance, base: dict | None, fields) -> list[FieldChange]:
    """Fields whose live value is no longer what the submitter's form showed (value then → value now)."""
    if not base or not instance.pk:
        return []
    names = [name for name in fields if name in base]
    live = snapshot(instance, names)
    model = type(instance)
    return [
        FieldChange(
            name=name,
            label=str(_field(model, name).verbose_name).capitalize(),
            live=_display(_field(model, name), base[name]),
            proposed=_display(_field(model, name), live[name]),
        )
        for name in names
        if live[name] != base[name]
    ]


def _display(field, value):
    if value in (None, "", []):
        return "—"
    if field.many_to_many or field.many_to_one:
        keys = value if isinstance(value, list) else [value]
        objects = field.related_model._default_manager.filter(pk__in=keys)
        return ", ".join(sorted(str(obj) for obj in objects)) or "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("tak") if value else _("nie"))
    if isinstance(field, RichTextField):
        # Editors and members compare the text, not its markup.
        return plain_text(value, keep_lines=True) or "—"
    if isinstance(field, models.DateField) and isinstance(value, str):
        parsed = parse_date(value)
        return date_format(parsed, "j E Y") if parsed else value
    return str(value)


def field_changes(instance, data: dict, fields) -> list[FieldChange]:
    """Field-by-field comparison of the live value and the proposed one, for editors and submitters."""
    model = type(instance)
    live = snapshot(instance, [name for name in data if name in fields]) if instance.pk else {}
    changes = []
    for name in fields:
        if name not in data:
            continue
        field = _field(model, name)
        changes.append(
            FieldChange(
                name=name,
                label=str(field.verbose_name).capitalize(),
                live=_display(field, live.get(name)) if instance.pk else "—",
                proposed=_display(field, data[name]),
            )
        )
    return changes


def apply_values(instance, data: dict, fields):
    """Set the proposed values on the instance, validate it as a whole and save it.

    Raises ValidationError (with the model's Polish messages) when the values no longer fit, e.g. another
    profile took the same NIP after the submission. The caller wraps this in a transaction.
    """
    model = type(instance)
    many = {}
    for name, value in data.items():
        if name not in fields:
            continue
        field = _field(model, name)
        if field.many_to_many:
            many[name] = value or []
        elif field.many_to_one:
            setattr(instance, field.attname, value)
        else:
            setattr(instance, name, field.to_python(value) if value is not None else value)
    instance.full_clean(exclude=[f.name for f in model._meta.fields if f.name not in fields])
    instance.save()
    for name, value in many.items():
        getattr(instance, name).set(value)
    return instance
