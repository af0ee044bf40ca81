from django import forms
from django.template.defaultfilters import linebreaks_filter
from django.utils.translation import gettext_lazy as _

from entities.models import Entity, Powiat
from initiatives.models import (
    INITIATIVE_MAX_PHOTOS,
    INITIATIVE_MEMBER_FIELDS,
    Initiative,
    InitiativePhoto,
    Theme,
)
from moderation.diffs import values_from_form
from moderation.forms import HoneypotMixin, ShownRecordMixin
from moderation.forms import photo_formset as shared_photo_formset
from wortal.forms import SingleLineFieldsMixin
from wortal.richtext import plain_text, sanitize_html

RICH_FIELDS = ("description", "results")


def as_plain_paragraphs(html):
    """Stored HTML as the plain text a member edits: one block per paragraph, a blank line between them."""
    return plain_text(html, keep_lines=True).replace("\n", "\n\n")


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InitiativeForm(HoneypotMixin, ShownRecordMixin, forms.ModelForm):
    """An initiative report as a member of an organising entity may propose it. Never saved directly.

    ``choices`` are the person's own organisations they may name as organisers; ``fixed`` are organisers that
    always stay: the organisation submitting a new report, or (in a change) organisers the person does not
    belong to, which they cannot remove.
    """

    shown_fields = INITIATIVE_MEMBER_FIELDS

    class Meta:
        model = Initiative
        fields = list(INITIATIVE_MEMBER_FIELDS)
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "results": forms.Textarea(attrs={"rows": 5}),
            "partners": forms.Textarea(attrs={"rows": 3}),
            "organisers": forms.CheckboxSelectMultiple,
            "powiaty": forms.CheckboxSelectMultiple,
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
        }
        help_texts = {
            "description": _("Zwykły tekst; pusta linia zaczyna nowy akapit."),
            "results": _("Np. liczba uczestników, co powstało, co się zmieniło. Pusta linia: nowy akapit."),
            "partners": _("Instytucje i osoby spoza bazy podmiotów, po jednej w linii."),
            "start_date": _("Np. 2025-03-01."),
        }

    def __init__(self, *args, choices, fixed, require_choice=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed = list(fixed)
        self.require_choice = require_choice
        organisers = self.fields["organisers"]
        organisers.queryset = choices
        organisers.required = False
        organisers.label = _("Organizatorzy spośród Twoich organizacji")
        if self.fixed:
            names = ", ".join(entity.name for entity in self.fixed)
            organisers.help_text = _("Zawsze wśród organizatorów: %(names)s.") % {"names": names}
        self.fields["theme"].choices = [("", _("— wybierz temat —")), *Theme.choices]
        # Rich text is shown as plain paragraphs; if it comes back untouched, the stored HTML is kept as is.
        self.rich_sources = {}
        for name in RICH_FIELDS:
            html = self.initial.get(name) or ""
            if "<" in html:
                self.initial[name] = as_plain_paragraphs(html)
                self.rich_sources[name] = html
        # Retired powiaty are not offered, except those the report already has (an edit must not drop them).
        powiaty = Powiat.objects.current()
        if self.instance.pk:
            powiaty = powiaty | Powiat.objects.filter(pk__in=self.instance.powiaty.values("pk"))
        self.fields["powiaty"].queryset = powiaty.distinct()
        self.fields["powiaty"].help_text = _("Gdzie inicjatywa się odbywa.")

    def clean_organisers(self):
        chosen = self.cleaned_data.get("organisers")
        if self.require_choice and not chosen:
            raise forms.ValidationError(_("Wybierz co najmniej jedną ze swoich organizacji."))
        return chosen

    def _paragraphs(self, name):
        # Members type plain text; rich-text fields keep paragraphs only as HTML (sanitised again on save).
        # Cleaned here too, so the stored proposal compares with the live (cleaned) value like for like.
        text = self.cleaned_data.get(name, "").replace("\r\n", "\n").strip()
        source = self.rich_sources.get(name)
        if source is not None and text == as_plain_paragraphs(source):
            return source
        if text and "<" not in text:
            text = linebreaks_filter(text, autoescape=True)
        return sanitize_html(text)

    def clean_summary(self):
        # Browsers send line breaks as CRLF; stored text uses LF, so an untouched field is not a "change".
        return self.cleaned_data.get("summary", "").replace("\r\n", "\n")

    def clean_partners(self):
        return self.cleaned_data.get("partners", "").replace("\r\n", "\n")

    def clean_description(self):
        return self._paragraphs("description")

    def clean_results(self):
        return self._paragraphs("results")

    def proposed_values(self):
        data = values_from_form(self, INITIATIVE_MEMBER_FIELDS)
        chosen = [entity.pk for entity in self.cleaned_data.get("organisers") or []]
        data["organisers"] = sorted({*chosen, *(entity.pk for entity in self.fixed)})
        return data


def photo_formset(existing=0, data=None, files=None):
    return shared_photo_formset(INITIATIVE_MAX_PHOTOS, existing, data, files)


class RemovePhotosForm(forms.Form):
    remove = forms.ModelMultipleChoiceField(
        label=_("Usuń zdjęcia"),
        queryset=InitiativePhoto.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove"].queryset = initiative.photos.all()
        self.fields["remove"].label_from_instance = lambda photo: photo.alt


def member_entities(user):
    """The organisations a person may name as organisers: their own, not archived."""
    return Entity.objects.of_member(user).order_by("name")


MAX_LINKS = 5


class LinkForm(SingleLineFieldsMixin, forms.Form):
    label = forms.CharField(label=_("Opis odnośnika"), max_length=200, required=False)
    url = forms.URLField(label=_("Adres"), required=False, assume_scheme="https")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("url") and not cleaned.get("label", "").strip():
            self.add_error("label", _("Opisz, dokąd prowadzi odnośnik (np. „Relacja w gazecie”)."))
        if cleaned.get("label", "").strip() and not cleaned.get("url") and "url" not in self.errors:
            self.add_error("url", _("Podaj adres strony."))
        return cleaned


def links_formset(initiative=None, data=None):
    """The report's links as editable rows (current ones first), with empty rows up to MAX_LINKS."""
    initial = (
        [{"label": link.label, "url": link.url} for link in initiative.links.all()] if initiative else []
    )
    formset_class = forms.formset_factory(
        LinkForm, extra=max(MAX_LINKS - len(initial), 0), max_num=MAX_LINKS, absolute_max=MAX_LINKS
    )
    return formset_class(data, initial=initial, prefix="odnosniki")


def proposed_links(formset):
    return [
        {"label": form.cleaned_data["label"].strip(), "url": form.cleaned_data["url"]}
        for form in formset
        if form.cleaned_data.get("url")
    ]


def live_links(initiative):
    return [{"label": link.label, "url": link.url} for link in initiative.links.all()]
