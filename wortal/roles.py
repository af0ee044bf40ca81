"""The editors' roles: two groups whose permissions are exact and kept in code.

"Redaktor" runs the registry and the content (every permission of the apps below, their history included) and
nothing else: no users, groups or permissions, so an editor cannot give themselves more rights.
"Administrator" holds every permission. The groups are created by a data migration (``wortal/0001``) and
brought up to date by ``sync_roles`` whenever a new app joins the editors' list (add its label here and call
``sync_roles`` from a new data migration).
"""

from django.db import models

EDITOR = "Redaktor"
ADMINISTRATOR = "Administrator"

# The apps whose every model editors manage. Deliberately not auth, admin, sessions, contenttypes or axes.
EDITOR_APP_LABELS = (
    "entities",
    "initiatives",
    "news",
    "monitoring",
    "search",
    "office",
    "knowledge",
    "newsletter",
    "pakt",
)
# Besides: seeing who is locked out of signing in and lifting the lock (wortal/admin.py), nothing else of axes.
EDITOR_EXTRA_PERMISSIONS = (("axes", "view_accessattempt"), ("axes", "delete_accessattempt"))


def sync_roles(group_model, permission_model):
    """Create both groups if missing and set their permissions exactly (extra ones are removed)."""
    editor, _ = group_model.objects.get_or_create(name=EDITOR)
    extra = models.Q()
    for app_label, codename in EDITOR_EXTRA_PERMISSIONS:
        extra |= models.Q(content_type__app_label=app_label, codename=codename)
    editor.permissions.set(
        permission_model.objects.filter(models.Q(content_type__app_label__in=EDITOR_APP_LABELS) | extra)
    )
    administrator, _ = group_model.objects.get_or_create(name=ADMINISTRATOR)
    administrator.permissions.set(permission_model.objects.all())
    return editor, administrator


def make_editor(user, administrator=False):
    """Give a person the editor's (or administrator's) role: staff flag and the group, nothing more."""
    from django.contrib.auth.models import Group, Permission

    editor_group, admin_group = sync_roles(Group, Permission)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.groups.add(admin_group if administrator else editor_group)
    return user
