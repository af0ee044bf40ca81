from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = "Inicjatywy"

    def ready(self):
        from initiatives import search_source  # noqa: F401  (initiatives in /szukaj/)
        from initiatives.member import dashboard  # noqa: F401  (adds the reports' section to "Moje konto")
