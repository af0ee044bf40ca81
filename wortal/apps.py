from django.apps import AppConfig


class WortalConfig(AppConfig):
    name = "wortal"
    verbose_name = "Wortal"
