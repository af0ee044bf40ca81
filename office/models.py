"""Who runs the portal, in one settings object that editors change in the admin.

The operator's identity (name, logo, address, contact, BIP), the funding bar, the contact form's recipient,
the data protection officer and the accessibility coordinator are read by the footer, the contact page, the
privacy notice and the accessibility statement. One row (django-solo), cached: a page costs no query for it
once the cache is warm, and saving in the admin refreshes the cache.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from solo.models import SingletonModel

from wortal.uploads import GeneratedName

DEFAULT_OPERATOR = "Regionalny Ośrodek Polityki Społecznej w Krakowie"


class SiteSettings(SingletonModel):
    operator_name = models.CharField(
        _("nazwa operatora"),
        max_length=200,
        default=DEFAULT_OPERATOR,
        help_text=_("Instytucja prowadząca portal, pokazywana w nagłówku, stopce i na stronie kontaktu."),
    )
    operator_short_name = models.CharField(_("skrót nazwy"), max_length=40, blank=True)
    operator_logo = models.ImageField(
        _("logo operatora"),
        upload_to=GeneratedName("office"),
        blank=True,
        help_text=_("JPEG, PNG lub WebP; tekstem alternatywnym jest nazwa operatora."),
    )
    operator_url = models.URLField(_("strona internetowa operatora"), blank=True)
    address = models.TextField(_("adres"), blank=True, help_text=_("Ulica, kod i miejscowość, w wierszach."))
    phone = models.CharField(_("telefon"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.TextField(_("godziny pracy"), blank=True)
    bip_url = models.URLField(_("Biuletyn Informacji Publicznej"), blank=True)
    contact_form_recipient = models.EmailField(
        _("adres formularza kontaktowego"),
        blank=True,
        help_text=_("Tu trafiają wiadomości z formularza na stronie Kontakt. Puste: formularz jest ukryty."),
    )

    dpo_name = models.CharField(_("inspektor ochrony danych"), max_length=200, blank=True)
    dpo_email = models.EmailField(_("e-mail inspektora ochrony danych"), blank=True)
    dpo_address = models.TextField(_("adres inspektora ochrony danych"), blank=True)

    accessibility_coordinator_name = models.CharField(
        _("koordynator do spraw dostępności"), max_length=200, blank=True
    )
    accessibility_coordinator_email = models.EmailField(_("e-mail koordynatora"), blank=True)
    accessibility_coordinator_phone = models.CharField(_("telefon koordynatora"), max_length=60, blank=True)
    accessibility_published_on = models.DateField(
        _("data publikacji strony"),
        null=True,
        blank=True,
        help_text=_("Data opublikowania serwisu, wymagana w deklaracji dostępności."),
    )
    accessibility_updated_on = models.DateField(
        _("data ostatniej istotnej aktualizacji strony"), null=True, blank=True
    )
    accessibility_statement_prepared_on = models.DateField(
        _("data sporządzenia deklaracji"), null=True, blank=True
    )
    accessibility_statement_reviewed_on = models.DateField(
        _("data ostatniego przeglądu deklaracji"), null=True, blank=True
    )

    funding_bar = models.ImageField(
        _("pasek z logotypami finansowania"),
        upload_to=GeneratedName("office"),
        blank=True,
        help_text=_("Np. znaki Funduszy Europejskich; pokazywany w stopce każdej strony."),
    )
    funding_bar_alt = models.CharField(
        _("tekst alternatywny paska"),
        max_length=300,
        blank=True,
        help_text=_("Co jest na pasku, np. „Fundusze Europejskie dla Małopolski, flaga RP, flaga UE”."),
    )
    funding_note = models.CharField(
        _("informacja o finansowaniu"),
        max_length=300,
        blank=True,
        help_text=_("Np. „Projekt współfinansowany ze środków Unii Europejskiej”."),
    )

    example_values = models.BooleanField(
        _("wartości przykładowe"),
        default=False,
        help_text=_("Zaznaczone przez dane demonstracyjne: strony pokazują, że dane są przykładowe."),
    )

    class Meta:
        verbose_name = _("ustawienia serwisu")
        verbose_name_plural = _("ustawienia serwisu")

    def __str__(self):
        return str(_("Ustawienia serwisu"))

    def clean(self):
        if self.funding_bar and not self.funding_bar_alt.strip():
            raise ValidationError({"funding_bar_alt": _("Opisz logotypy na pasku (tekst alternatywny).")})

    @property
    def coordinator_contact_missing(self):
        """The accessibility act asks for the coordinator's name and a way to reach them."""
        return not (
            self.accessibility_coordinator_name.strip()
            and (self.accessibility_coordinator_email or self.accessibility_coordinator_phone.strip())
        )

    @property
    def operator_display_name(self):
        return self.operator_name or DEFAULT_OPERATOR
