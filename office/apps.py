from django.apps import AppConfig


class OfficeConfig(AppConfig):
    name = "office"
    verbose_name = "Urząd i serwis"

    def ready(self):
        # Registers the admin home's warning about the accessibility coordinator's missing contact.
        from office import admin_panels  # noqa: F401
