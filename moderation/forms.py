"""Form pieces every member submission form shares: the honeypot and the photo rows."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from moderation.diffs import shown_record
from wortal.forms import SingleLineFieldsMixin
from wortal.uploads import CleanImageField

SHOWN_SALT = "moderation.shown-record"


class HoneypotMixin(SingleLineFieldsMixin, forms.Form):
    """A field people never see (hidden by CSS and from screen readers) but form-filling bots do fill.

    Every member submission form has it, so it also brings the one-line rule for text inputs.
    """

    fax = forms.CharField(
        label=_("Nie wypełniaj tego pola"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_fax(self):
        if self.cleaned_data.get("fax"):
            raise forms.ValidationError(_("Nie udało się wysłać formularza. Spróbuj ponownie."))
        return ""

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "fax"]


class ShownRecordMixin(forms.Form):
    """Carries the live record as the form showed it (signed), so a change keeps only the person's own edits.

    Set ``shown_fields`` to the member-editable fields. ``shown_record(live)`` returns what the form showed,
    or the live record when the form carried none (or a tampered one).
    """

    shown = forms.CharField(widget=forms.HiddenInput, required=False)
    shown_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            record = shown_record(self.instance, self.shown_fields)
            self.initial["shown"] = signing.dumps(record, salt=SHOWN_SALT, compress=True)

    def shown_record(self, live):
        try:
            return signing.loads(self.cleaned_data.get("shown") or "", salt=SHOWN_SALT)
        except signing.BadSignature:
            return shown_record(live, self.shown_fields)


class PhotoForm(SingleLineFieldsMixin, forms.Form):
    image = CleanImageField(label=_("Zdjęcie"), required=False)
    alt_text = forms.CharField(
        label=_("Opis zdjęcia"),
        max_length=200,
        required=False,
        help_text=_("Co widać na zdjęciu – dla osób, które go nie widzą."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("alt_text", "").strip():
            self.add_error("alt_text", _("Opisz, co widać na zdjęciu."))
        return cleaned


def photo_formset(limit, existing=0, data=None, files=None):
    """Empty rows for the photos still allowed (none when the record already has ``limit``)."""
    free = max(limit - existing, 0)
    formset_class = forms.formset_factory(PhotoForm, extra=free, max_num=free, absolute_max=free)
    return formset_class(data, files, prefix="zdjecia")


def new_photos(formset):
    return [
        (form.cleaned_data["image"], form.cleaned_data["alt_text"].strip())
        for form in formset
        if form.cleaned_data.get("image")
    ]
