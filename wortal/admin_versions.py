"""Optimistic concurrency for the editors' forms: a save based on an outdated form is refused, never merged.

The form carries the row's ``updated_at`` as it was when the form was opened (a hidden ``version``). On save
the row is read again *with a row lock* (SELECT ... FOR UPDATE) and compared. The admin validates and saves
in one transaction, so the lock is held until this save commits: a second editor saving the same object at
the same moment waits for the first, then sees the new version and is refused with the first editor's name,
instead of both being told "saved" while one change silently disappears.

The version is read from the database, not from the instance: the history's "restore" form edits an old
version, yet must compare against the row as it is now.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class VersionedAdminForm(forms.ModelForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.current_version()

    def current_version(self, lock=False) -> str:
        rows = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        if lock and transaction.get_connection(rows.db).in_atomic_block:
            rows = rows.select_for_update()
        updated_at = rows.values_list("updated_at", flat=True).first()
        return updated_at.isoformat() if updated_at else ""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and cleaned_data.get("version") != self.current_version(lock=True):
            raise ValidationError(self.conflict_message(), code="edit_conflict")
        return cleaned_data

    def conflict_message(self):
        model = type(self.instance)
        history = getattr(model, "history", None)
        last = history.filter(id=self.instance.pk).select_related("history_user").first() if history else None
        who = _("ktoś inny")
        when = ""
        if last is not None:
            if last.history_user is not None:
                who = last.history_user.get_full_name() or last.history_user.get_username()
            else:
                who = _("import lub zadanie systemowe")
            when = formats.date_format(last.history_date.astimezone(), "DATETIME_FORMAT")
        return _(
            "„%(name)s” zmienił(a) w międzyczasie %(who)s (%(when)s). Twoje zmiany nie zostały zapisane, "
            "by nie nadpisać tamtych. Otwórz ten wpis ponownie, sprawdź zmiany i wprowadź swoje jeszcze raz."
        ) % {"name": self.instance, "who": who, "when": when}


class VersionedAdminMixin:
    """For a ModelAdmin (with SimpleHistoryAdmin): the versioned form, its hidden field, restore in a transaction."""

    form = VersionedAdminForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if any("version" in options.get("fields", ()) for _name, options in fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], "version"]}), *rest]

    def history_form_view(self, request, *args, **kwargs):
        # The restore form saves like the change form: validated and saved in one transaction (the lock).
        with transaction.atomic():
            return super().history_form_view(request, *args, **kwargs)
