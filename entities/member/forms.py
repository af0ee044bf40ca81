from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from entities import duplicates
from entities.filters import gmina_choices_by_powiat
from entities.models import ENTITY_MEMBER_FIELDS, Entity, EntityPhoto, Gmina, Powiat, Sector
from entities.models.moderation import CONTACT_FIELDS
from entities.widgets import LocationPickerInput
from moderation.diffs import values_from_form
from moderation.forms import HoneypotMixin, ShownRecordMixin
from moderation.forms import photo_formset as shared_photo_formset
from wortal.uploads import CleanImageField

IDENTIFIER_LABELS = {"nip": "NIP", "krs": "KRS", "regon": "REGON"}


class EntityForm(HoneypotMixin, ShownRecordMixin, forms.ModelForm):
    """The registry's public fields as a member may propose them. Nothing here is ever saved directly."""

    shown_fields = ENTITY_MEMBER_FIELDS

    logo = CleanImageField(
        label=_("Nowe logo"),
        required=False,
        help_text=_("JPEG, PNG lub WebP, do 5 MB. Zostaw puste, by nie zmieniać."),
    )

    website = forms.URLField(label=_("Strona internetowa"), required=False, assume_scheme="https")

    class Meta:
        model = Entity
        fields = list(ENTITY_MEMBER_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "offer": forms.Textarea(attrs={"rows": 4}),
            "sectors": forms.CheckboxSelectMultiple,
            "powiaty_served": forms.CheckboxSelectMultiple,
            "longitude": LocationPickerInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicates = []
        # Retired gminy are not offered, except the one a profile already has (edits must not fail on it).
        current = Gmina.objects.filter(Q(retired=False) | Q(pk=self.instance.gmina_id))
        self.fields["gmina"].queryset = current.select_related("powiat")
        # Grouped by powiat for finding one among 182; the queryset above still validates the choice.
        self.fields["gmina"].choices = [
            ("", "---------"),
            *gmina_choices_by_powiat(current, value=lambda gmina: gmina.pk),
        ]
        self.fields["sectors"].queryset = Sector.objects.all()
        self.fields["powiaty_served"].queryset = Powiat.objects.current()
        self.fields["contact_consent"].label = _(
            "Zgadzam się na publikację na profilu organizacji imienia i nazwiska, adresu e-mail i telefonu "
            "osoby kontaktowej podanych powyżej."
        )
        for name in ("krs", "nip", "regon"):
            self.fields[name].help_text = _("Nieobowiązkowy. Można wpisać z kreskami lub spacjami.")

    def clean(self):
        cleaned = super().clean()
        has_contact = any(cleaned.get(name) for name in CONTACT_FIELDS)
        if has_contact and not cleaned.get("contact_consent"):
            self.add_error(
                "contact_consent",
                _("Zaznacz zgodę na publikację albo usuń dane osoby kontaktowej."),
            )
        return cleaned

    def validate_unique(self):
        """Identifiers are unique: say which profile already has the number, and offer to claim it."""
        for name, label in IDENTIFIER_LABELS.items():
            if name in self.errors:
                continue
            value = getattr(self.instance, name)
            existing = duplicates.entity_with_identifier(name, value, exclude_pk=self.instance.pk)
            if existing is not None:
                self.duplicates.append(existing)
                if existing.is_published:
                    message = format_html(
                        _('Podmiot z tym numerem {} jest już w bazie: <a href="{}">{}</a>.'),
                        label,
                        existing.get_absolute_url(),
                        existing.name,
                    )
                else:
                    message = format_html(
                        _("Podmiot z tym numerem {} jest już w bazie („{}”), czeka na publikację."),
                        label,
                        existing.name,
                    )
                self.add_error(name, message)
            elif self.instance.pk is None and duplicates.pending_proposal_with_identifier(name, value):
                self.add_error(
                    name,
                    format_html(
                        _("Podmiot z tym numerem {} został już zgłoszony i czeka na decyzję redakcji."), label
                    ),
                )

    def proposed_values(self):
        return values_from_form(self, ENTITY_MEMBER_FIELDS)


class ProposalForm(EntityForm):
    confirm_distinct = forms.BooleanField(
        label=_("Sprawdziłem(-am): to inna organizacja niż podobne podmioty pokazane powyżej."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"].label = _("Logo")
        self.fields["logo"].help_text = _("JPEG, PNG lub WebP, do 5 MB i 40 mln pikseli.")
        self.similar = []

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            self.similar = duplicates.similar_names(cleaned.get("name"), cleaned.get("gmina"))
            if self.similar and not cleaned.get("confirm_distinct"):
                self.add_error(
                    "confirm_distinct",
                    _(
                        "W tej gminie jest już podmiot o bardzo podobnej nazwie. Jeśli to Twoja organizacja, "
                        "poproś o dostęp do jej profilu; jeśli nie, zaznacz to pole."
                    ),
                )
        return cleaned


def photo_formset(existing=0, data=None, files=None):
    """Empty rows for the photos still allowed on the profile (none when it already has the maximum)."""
    return shared_photo_formset(settings.ENTITY_MAX_PHOTOS, existing, data, files)


class RemovePhotosForm(forms.Form):
    remove = forms.ModelMultipleChoiceField(
        label=_("Usuń z profilu zdjęcia"),
        queryset=EntityPhoto.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, entity, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove"].queryset = entity.photos.all()
        self.fields["remove"].label_from_instance = lambda photo: photo.alt_text


class ClaimForm(HoneypotMixin):
    justification = forms.CharField(
        label=_("Uzasadnienie"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Kim jesteś w organizacji i jak możemy to potwierdzić (np. funkcja, telefon do biura)."),
    )


class ArchiveForm(HoneypotMixin):
    message = forms.CharField(
        label=_("Dlaczego profil ma zostać zarchiwizowany?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Np. organizacja zakończyła działalność. Nieobowiązkowe."),
    )
