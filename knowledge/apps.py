from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Baza wiedzy"

    def ready(self):
        # Registered on start-up: the person's proposals on "Moje konto" (dashboard), removing stored files with
        # their rows (signals), publications as results of the site-wide search /szukaj/ (search_source).
        from knowledge import dashboard, search_source, signals  # noqa: F401
