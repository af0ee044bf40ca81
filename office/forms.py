from django import forms
from django.utils.translation import gettext_lazy as _

from moderation.forms import HoneypotMixin


class ContactForm(HoneypotMixin, forms.Form):
    """A message to the office. Nothing is stored: it is e-mailed to the settings' address and forgotten."""

    name = forms.CharField(label=_("Imię i nazwisko lub nazwa organizacji"), max_length=200)
    email = forms.EmailField(
        label=_("Adres e-mail do odpowiedzi"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    subject = forms.CharField(label=_("Temat"), max_length=200)
    message = forms.CharField(label=_("Wiadomość"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
