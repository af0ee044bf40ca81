"""Rendered form fields (``<select>``s above all) kept in memory, keyed by the field, its choices and value.

Rendering a select through Django's widget templates costs one template render per option: the registry's
filters (182 gminy, 22 powiaty, sectors, legal forms) took about 25 ms of every list request. The HTML of a
select depends only on its name, label, help text, choices and the selected value(s), so it is rendered once
per combination and reused. The choices are part of the key (by content), so a renamed gmina or a new sector
is picked up on the next request without any invalidation. Fields with errors are always rendered afresh;
text inputs and checkboxes (the search box) are kept the same way, keyed by their value.

Kept in a per-process ``RenderedMemo`` (wortal/memo.py).
"""

import hashlib

from django.forms.widgets import Input, Select
from django.template.loader import render_to_string
from django.utils.choices import BaseChoiceIterator
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wortal.memo import RenderedMemo

FIELD_TEMPLATE = "includes/form_field.html"
# Widgets whose HTML depends only on the field's definition and value (checkboxes are inputs too). Never
# passwords (their value must not become a key), files or hidden inputs.
CACHED_WIDGETS = (Select, Input)
NOT_CACHED_INPUTS = ("password", "file", "hidden")

_rendered = RenderedMemo(max_entries=2048)


class SharedChoices(BaseChoiceIterator):
    """Long choices (182 gminy) shared by every form built from them, with a digest computed once.

    Django deep-copies a form's fields, choices included, for every form instance, and django-filter
    normalises them again on every pass; a ``BaseChoiceIterator`` is taken as it is by ``normalize_choices``
    and this one is not copied, so a request pays for neither. Treat it as read-only.
    """

    def __init__(self, choices):
        self.choices = [
            (value, tuple(label) if isinstance(label, list) else label) for value, label in choices
        ]

    @cached_property
    def digest(self) -> bytes:
        # On first use, not at creation: choices declared on a class may carry lazy labels, which cannot be
        # read before the apps are loaded. Any language's labels identify the choices (the key has both).
        return hashlib.blake2b(repr(tuple(_flatten(self.choices))).encode(), digest_size=16).digest()

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)

    def __deepcopy__(self, memo):
        return self


def _choices_digest(field) -> bytes:
    choices = getattr(field.field, "choices", ())
    inner = getattr(choices, "choices", None)  # django-filter wraps choices with its empty label
    if isinstance(inner, SharedChoices):
        return inner.digest + repr((getattr(field.field, "empty_label", None),)).encode()
    return hashlib.blake2b(repr(tuple(_flatten(choices))).encode(), digest_size=16).digest()


def _flatten(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield str(value), tuple(_flatten(label))
        else:
            yield str(value), str(label)


def _key(field):
    value = field.value()
    selected = tuple(map(str, value)) if isinstance(value, list | tuple) else str(value)
    return (
        field.html_name,
        field.auto_id,
        str(field.label),
        str(field.help_text),
        selected,
        get_language(),
        # Two forms' selects can share name, label and choices (the powiat of the registry and of the
        # initiatives) but not their attributes (data-narrows for gmina-by-powiat.js).
        repr(sorted(field.field.widget.attrs.items())),
        type(field.field.widget).__name__,
        _choices_digest(field),
    )


def render_field(field) -> str:
    """The field through includes/form_field.html, from memory when it has no errors."""
    widget = field.field.widget
    if (
        not isinstance(widget, CACHED_WIDGETS)
        or getattr(widget, "input_type", None) in NOT_CACHED_INPUTS
        or field.errors
    ):
        return render_to_string(FIELD_TEMPLATE, {"field": field})
    html = _rendered.remembered(_key(field), lambda: render_to_string(FIELD_TEMPLATE, {"field": field}))
    return mark_safe(html)  # rendered by our own template, autoescaped
