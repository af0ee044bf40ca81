from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from entities.models import Entity
from entities.widgets import LocationPickerInput


class EntityAdminForm(forms.ModelForm):
    """The entity form with optimistic concurrency.

    ``version`` carries the row's ``updated_at`` as it was when the form was opened. If another save
    happened meanwhile, this save is refused and the message names who changed the entity and when, so
    nothing is overwritten silently. The version is read from the database, not from the instance: the
    history's "restore" form edits an old version, yet must compare against the row as it is now.
    """

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        widgets = {"longitude": LocationPickerInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.current_version()

    def current_version(self) -> str:
        updated_at = Entity.objects.filter(pk=self.instance.pk).values_list("updated_at", flat=True).first()
        return updated_at.isoformat() if updated_at else ""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and cleaned_data.get("version") != self.current_version():
            raise ValidationError(self.conflict_message(), code="edit_conflict")
        return cleaned_data

    def conflict_message(self):
        last = Entity.history.filter(id=self.instance.pk).select_related("history_user").first()
        who = _("ktoś inny")
        when = ""
        if last is not None:
            if last.history_user is not None:
                who = last.history_user.get_full_name() or last.history_user.get_username()
            else:
                who = _("import lub zadanie systemowe")
            when = formats.date_format(last.history_date.astimezone(), "DATETIME_FORMAT")
        return _(
            "Ten podmiot zmienił(a) w międzyczasie %(who)s (%(when)s). Twoje zmiany nie zostały zapisane, "
            "by nie nadpisać tamtych. Otwórz podmiot ponownie, sprawdź zmiany i wprowadź swoje jeszcze raz."
        ) % {"who": who, "when": when}
