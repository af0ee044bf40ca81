from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Baza wiedzy"

    def ready(self):
        # "Moje konto" lists the person's publication proposals (members.dashboard).
        # Stored files are removed with their rows.
        from knowledge import (
            dashboard,  # noqa: F401
            signals,  # noqa: F401
        )
