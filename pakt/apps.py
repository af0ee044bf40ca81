from django.apps import AppConfig


class PaktConfig(AppConfig):
    name = "pakt"
    verbose_name = "Małopolski Pakt"

    def ready(self):
        # "Moje konto" lists the person's declarations (members.dashboard).
        from pakt import dashboard  # noqa: F401
