from django.apps import AppConfig


class EntitiesConfig(AppConfig):
    name = "entities"
    verbose_name = "Rejestr podmiotów"

    def ready(self):
        from entities import search_source, services, signals  # noqa: F401  (connect receivers)
        from entities.member import dashboard  # noqa: F401  (adds the registry's sections to "Moje konto")
