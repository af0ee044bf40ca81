from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from solo.admin import SingletonModelAdmin

from office.models import SiteSettings
from wortal.uploads import CleanImageField


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingletonModelAdmin):
    formfield_overrides = {models.ImageField: {"form_class": CleanImageField}}
    fieldsets = [
        (
            _("Operator serwisu"),
            {
                "fields": [
                    "operator_name",
                    "operator_short_name",
                    "operator_logo",
                    "operator_url",
                    "address",
                    "phone",
                    "email",
                    "opening_hours",
                    "bip_url",
                ]
            },
        ),
        (_("Formularz kontaktowy"), {"fields": ["contact_form_recipient"]}),
        (_("Ochrona danych osobowych"), {"fields": ["dpo_name", "dpo_email", "dpo_address"]}),
        (
            _("Deklaracja dostępności"),
            {
                "description": _(
                    "Pola wymagane przez wzór deklaracji dostępności; treść deklaracji jest w „Stronach serwisu”."
                ),
                "fields": [
                    "accessibility_coordinator_name",
                    "accessibility_coordinator_email",
                    "accessibility_coordinator_phone",
                    "accessibility_published_on",
                    "accessibility_updated_on",
                    "accessibility_statement_prepared_on",
                    "accessibility_statement_reviewed_on",
                ],
            },
        ),
        (_("Finansowanie"), {"fields": ["funding_bar", "funding_bar_alt", "funding_note"]}),
        (_("Dane demonstracyjne"), {"fields": ["example_values"]}),
    ]
