"""Form pieces shared across the site."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Every character Python's str.splitlines() breaks a line at: a name must not smuggle in a second line
# (an e-mail header, a CSV row, a forged log line).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def refuse_line_breaks(value):
    if value and any(character in LINE_BREAKS for character in str(value)):
        raise ValidationError(
            _("To pole musi mieścić się w jednym wierszu: usuń znaki nowej linii."), code="line_break"
        )


class SingleLineFieldsMixin(forms.Form):
    """Text fields shown as one-line inputs refuse line breaks (a browser never sends them; a forged POST can)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            multi_line = isinstance(field.widget, forms.Textarea | forms.HiddenInput | forms.PasswordInput)
            if isinstance(field, forms.CharField) and not multi_line:
                field.validators.append(refuse_line_breaks)
