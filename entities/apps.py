from django.apps import AppConfig


class EntitiesConfig(AppConfig):
    name = "entities"
    verbose_name = "Rejestr podmiotów"

    def ready(self):
        from entities import search_source, signals  # noqa: F401
