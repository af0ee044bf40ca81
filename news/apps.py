from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Aktualności"

    def ready(self):
        from news import search_sources  # noqa: F401  (posts, films, events and pages in /szukaj/)
