"""The decisions on any registered submission: approve, reject, withdraw; and the e-mails they send.

Every state change locks the submission's row (SELECT ... FOR UPDATE) and re-checks that it is still
pending inside the same transaction, so of two people deciding at once (an editor approving, the submitter
withdrawing) exactly one wins and the other is told, in Polish, that the submission was already decided.
The app's own step (``Moderation.apply`` or ``discard``) runs in that transaction: the live record, the
submission's state, who decided and when change together or not at all. The submitter is e-mailed after
the transaction, so a failed write sends nothing.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from members.signals import forget_person
from moderation import registry
from moderation.models import ModerationState
from wortal.text import one_line

State = ModerationState
QUEUE_URL_NAME = "admin:entities_moderation_queue"


class AlreadyDecided(ValidationError):
    """The submission was decided or withdrawn by someone else a moment before."""


def _locked_pending(item):
    locked = type(item)._default_manager.select_for_update().get(pk=item.pk)
    if not locked.is_pending:
        if locked.state == State.WITHDRAWN:
            message = _("To zgłoszenie zostało już wycofane przez zgłaszającego.")
        else:
            message = _("To zgłoszenie zostało już rozpatrzone.")
        raise AlreadyDecided(message, code="already_decided")
    return locked


def approve(item, editor):
    """Apply the submission; raises ValidationError (nothing changed) if it no longer fits or was decided."""
    moderation = registry.for_model(item)
    with transaction.atomic():
        item = _locked_pending(item)
        moderation.apply(item, editor)
        item.record_decision(State.APPROVED, editor)
    notify_submitter(item)
    return item


def reject(item, editor, reason):
    moderation = registry.for_model(item)
    with transaction.atomic():
        item = _locked_pending(item)
        moderation.discard(item)
        moderation.delete_images([item])  # never public, and now never will be
        item.record_decision(State.REJECTED, editor, reason)
    notify_submitter(item)
    return item


def withdraw(item):
    """The submitter takes back a pending submission (the view checks it is theirs)."""
    moderation = registry.for_model(item)
    with transaction.atomic():
        item = _locked_pending(item)
        moderation.discard(item)
        moderation.delete_images([item])
        item.record_decision(State.WITHDRAWN, None)
    return item


@receiver(forget_person)
def forget_pending_submissions(sender, user, **kwargs):
    """On account deletion: every app's pending submissions of the person go, with their files."""
    for moderation in registry.registered():
        moderation.forget(user)


def notify_editors_on_commit(item):
    """Tell the editors about a new submission once it is stored for good."""
    transaction.on_commit(lambda: notify_editors(item))


def notify_editors(item):
    """Tell the editors something waits in the queue (addresses from MODERATION_NOTIFY_EMAILS, if any)."""
    recipients = settings.MODERATION_NOTIFY_EMAILS
    if not recipients:
        return
    what = registry.for_model(item).summary(item)
    queue_url = settings.SITE_URL + reverse(QUEUE_URL_NAME)
    body = _("Nowe zgłoszenie czeka na decyzję redakcji:\n%(what)s\n\nKolejka moderacji: %(url)s\n") % {
        "what": what,
        "url": queue_url,
    }
    send_mail(one_line(_("Do moderacji: %(what)s") % {"what": what}), body, None, recipients)


def notify_submitter(item):
    """E-mail the submitter the editor's decision (nothing to do once their account is gone)."""
    user = item.submitted_by
    if user is None or not user.email:
        return
    moderation = registry.for_model(item)
    what = moderation.summary(item)
    context = {
        "item": item,
        "what": what,
        "approved": item.state == State.APPROVED,
        "link_label": moderation.link_label,
        "account_url": settings.SITE_URL + reverse("member:dashboard"),
        "profile_url": settings.SITE_URL + url if (url := moderation.public_url(item)) else "",
    }
    subject = one_line(_("Decyzja redakcji: %(what)s") % {"what": what})
    send_mail(subject, render_to_string("moderation/email/decision.txt", context), None, [user.email])
