from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from knowledge.formats import detect_format
from knowledge.models import PublicationFile
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
