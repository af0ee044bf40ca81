from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, apps=None, **kwargs):
    # New models (and apps such as allauth) bring new permissions after the roles' data migration ran:
    # keep both groups exact after every migrate. post_migrate is sent once per app, and permissions are
    # created per app: act on the last one, when all of them exist.
    from django.apps import apps as global_apps
    from django.contrib.auth.models import Group, Permission

    if sender.label != list(global_apps.get_app_configs())[-1].label:
        return
    from wortal.roles import sync_roles

    sync_roles(Group, Permission)


class WortalConfig(AppConfig):
    name = "wortal"
    verbose_name = "Wortal"

    def ready(self):
        from django.contrib import admin
        from django.utils.translation import gettext_lazy as _

        admin.site.site_header = _("Panel redakcji Wortalu Ekonomii Społecznej")
        admin.site.site_title = _("Panel redakcji")
        admin.site.index_title = _("Rejestr i treści")
        post_migrate.connect(_sync_roles, dispatch_uid="wortal-sync-roles")
        # staff_mfa connects the receiver that counts activating TOTP as passing the second factor;
        # collation registers the Polish collation on SQLite connections (PostgreSQL has pl-x-icu).
        from wortal import collation, staff_mfa  # noqa: F401
