from django import forms
from django.utils.translation import gettext_lazy as _

from entities.models import Powiat
from moderation.forms import HoneypotMixin
from newsletter.models import Topic

CONSENT_TEXT = _(
    "Zgadzam się na otrzymywanie newslettera Małopolskiego Wortalu Ekonomii Społecznej na podany adres e-mail, "
    "z wybranymi tematami. Zgodę mogę wycofać w każdej chwili linkiem „Wypisz się” w każdej wiadomości."
)


class SubscribeForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("Adres e-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    topics = forms.MultipleChoiceField(
        label=_("Tematy"),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=Topic.values,
        error_messages={"required": _("Wybierz co najmniej jeden temat.")},
    )
    powiat = forms.ModelChoiceField(
        label=_("Powiat (nieobowiązkowo)"),
        queryset=Powiat.objects.none(),
        required=False,
        empty_label=_("cała Małopolska"),
        help_text=_("Nowe podmioty i wydarzenia tylko z wybranego powiatu; wydarzenia online zawsze."),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT, error_messages={"required": _("Zgoda jest potrzebna do zapisu.")}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["powiat"].queryset = Powiat.objects.current().order_by("name")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
