from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Wyszukiwarka"

    def ready(self):
        from search import signals  # noqa: F401
