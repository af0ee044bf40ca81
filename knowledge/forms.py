from django import forms
from django.conf import settings
from django.template.defaultfilters import linebreaks
from django.utils.translation import gettext_lazy as _

from entities.models import Entity
from knowledge.formats import detect_format
from knowledge.models import Publication, PublicationFile
from moderation.forms import HoneypotMixin
from wortal.richtext import sanitize_html
from wortal.uploads import refuse_oversized


class PublicationFileField(forms.FileField):
    """A file accepted only when its content is PDF, DOCX, ODT, XLSX, ODS or PPTX and within the size limit."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("PDF, DOCX, ODT, XLSX, ODS lub PPTX, do %(limit)s MB. Rodzaj pliku sprawdzamy po jego treści.")
            % {"limit": settings.PUBLICATION_FILE_MAX_BYTES // (1024 * 1024)},
        )
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        refuse_oversized(upload, settings.PUBLICATION_FILE_MAX_BYTES)
        upload.detected_format = detect_format(upload)
        # The stored name is generated (GeneratedName) with the extension of the real format, not the given one.
        upload.original_name, upload.name = upload.name, f"plik.{upload.detected_format.extension}"
        return upload


class PublicationFileForm(forms.ModelForm):
    file = PublicationFileField(label=_("Plik"))

    class Meta:
        model = PublicationFile
        fields = ["file", "label", "position"]

    def save(self, commit=True):
        instance = super().save(commit=False)
        upload = self.cleaned_data.get("file")
        if upload is not None and hasattr(upload, "detected_format"):
            fmt = upload.detected_format
            instance.format = fmt.key
            instance.size = upload.size
            instance.original_name = upload.original_name[:200]
            instance.extracted_at = None  # a new file: its text is read after saving
        if commit:
            instance.save()
        return instance


class ProposalForm(HoneypotMixin, forms.ModelForm):
    """What an organisation sends: the publication's description and one file; editors publish it."""

    entity = forms.ModelChoiceField(label=_("Organizacja proponująca"), queryset=Entity.objects.none())
    file = PublicationFileField(label=_("Plik publikacji"))
    summary = forms.CharField(
        label=_("Streszczenie"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        help_text=_(
            "Najważniejsze treści publikacji: dla osób, które nie otworzą pliku. Akapity oddziel pustym wierszem."
        ),
    )

    class Meta:
        model = Publication
        fields = ["entity", "title", "kind", "authors", "year", "themes", "summary", "file"]
        widgets = {"themes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"].queryset = Entity.objects.filter(memberships__user=user).exclude(
            state=Entity.State.ARCHIVED
        )

    def clean_summary(self):
        # Members type plain text: paragraphs become HTML, which the rich-text field sanitises again on save.
        return sanitize_html(
            linebreaks(self.cleaned_data["summary"].replace("\r\n", "\n").strip(), autoescape=True)
        )
