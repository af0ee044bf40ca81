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


def _new_release(sender, **kwargs):
    # Templates may have changed with the deployment: pages cached by the previous release are stale.
    from wortal.cache import bump_content_generation

    bump_content_generation()


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
        # Every content change, and every deployment (which migrates), invalidates the page cache.
        from wortal import cache

        cache.connect_signals()
        post_migrate.connect(_new_release, dispatch_uid="wortal-cache-release")
        # Connect the receivers: activating TOTP counts as passing the second factor (staff_mfa); sign-ins,
        # lockouts, decisions and role changes become security events (security_events); collation registers the
        # Polish collation on SQLite connections (PostgreSQL gets it from migration entities/0012).
        from wortal import collation, security_events, staff_mfa  # noqa: F401
