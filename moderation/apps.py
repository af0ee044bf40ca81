from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderacja"

    def ready(self):
        from moderation import services  # noqa: F401  (connects the account deletion's receiver)

        # Each app registers what it moderates in its own moderation.py (as the admin's admin.py).
        autodiscover_modules("moderation")
