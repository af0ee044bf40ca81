from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring przedsiębiorstw społecznych")

    def ready(self):
        from monitoring import dashboard, signals  # noqa: F401  (the section of "Moje konto"; forgetting a person)
