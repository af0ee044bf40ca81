"""Receivers that turn sign-in, lockout, moderation and role signals into security events (wortal/security_log)."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from wortal import security_log

User = get_user_model()
FLAGS = ("is_staff", "is_superuser", "is_active")


@receiver(user_logged_in, dispatch_uid="security-login")
def _logged_in(sender, request, user, **kwargs):
    security_log.event("login_succeeded", request, user_id=user.pk)


@receiver(user_logged_out, dispatch_uid="security-logout")
def _logged_out(sender, request, user, **kwargs):
    security_log.event("logout", request, user_id=getattr(user, "pk", None))


@receiver(user_login_failed, dispatch_uid="security-login-failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    login = credentials.get("email") or credentials.get("username") or ""
    security_log.event("login_failed", request, target=login)


@receiver(user_locked_out, dispatch_uid="security-locked-out")
def _locked_out(sender, request, username=None, ip_address=None, **kwargs):
    security_log.event("lockout", request, target=username or "")


@receiver(post_save, dispatch_uid="security-moderation-decision")
def _moderation_decision(sender, instance, update_fields=None, **kwargs):
    # Any moderated model (moderation.models.Moderated) records a decision by saving `decided_at` alone with
    # its state; matched by that shape so the site-wide log does not import an app.
    if update_fields and "decided_at" in update_fields and hasattr(instance, "decided_by_id"):
        security_log.event(
            "moderation_decision",
            kind=sender._meta.label_lower,
            object_id=instance.pk,
            state=instance.state,
            editor_id=instance.decided_by_id,
        )


@receiver(pre_save, sender=User, dispatch_uid="security-staff-flags")
def _staff_flags_changed(sender, instance, update_fields=None, **kwargs):
    if not instance.pk or (update_fields is not None and not set(update_fields) & set(FLAGS)):
        return  # a new account, or a save of other fields (last_login at every sign-in)
    before = sender.objects.filter(pk=instance.pk).values(*FLAGS).first()
    if not before:
        return
    changed = {
        flag: getattr(instance, flag) for flag, old in before.items() if getattr(instance, flag) != old
    }
    if changed:
        security_log.event("role_changed", user_id=instance.pk, **changed)


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="security-groups")
def _groups_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    # user.groups.add(group) or group.user_set.add(user): log the people and the groups either way.
    users, groups = (
        (sorted(pk_set or []), [instance.pk]) if reverse else ([instance.pk], sorted(pk_set or []))
    )
    security_log.event("role_changed", user_ids=users, groups=action.removeprefix("post_"), group_ids=groups)
