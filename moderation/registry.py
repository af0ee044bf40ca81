"""What the moderation moderates: each app registers its submission models with a ``Moderation``.

An app subclasses ``Moderation`` for each model of submissions (a subclass of ``moderation.models.Moderated``)
and registers it from its ``moderation.py``, which the moderation app imports at start-up::

    registry.register(EntitySubmission, EntitySubmissionModeration)

The moderation then owns everything the kinds share: the queue in the admin and its counter on the admin
home, the decision services (approve, reject, withdraw, each locking the row), the e-mails to editors and
submitters, and forgetting a person's pending submissions when their account is deleted. See
docs/moderation.md.
"""

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

QUEUE_LIMIT = 50

_registry = {}


class Moderation:
    """How the moderation handles one model of submissions; override what differs."""

    #: The admin home's counter line, with ``%(count)d``.
    panel_label = _("Zgłoszenia: %(count)d")
    #: A queue section's label when the model has no ``Kind`` choices (one section per kind otherwise).
    queue_label = _("zgłoszenia")
    #: The line before ``public_url`` in the decision e-mail.
    link_label = _("Profil:")
    #: Relations the queue shows besides the submitter.
    queue_related = ()
    #: The model of files sent with a submission (a ``submission`` foreign key and an ``image`` file field).
    image_model = None

    def __init__(self, model):
        self.model = model

    # --- Decisions: called inside the decision's transaction, the submission locked and still pending ---

    def apply(self, item, editor):
        """Make the approved submission live; raise ValidationError (in Polish) to refuse, nothing changed."""
        raise NotImplementedError

    def discard(self, item):
        """Undo what submitting stored, for a rejected or withdrawn submission (e.g. an unpublished report)."""

    # --- How a submission is shown ---

    def summary(self, item) -> str:
        """How e-mails name the submission: its kind and title ("Nowy podmiot: „Alfa”")."""
        return f"{item.get_kind_display().capitalize()}: „{item.title}”"

    def public_url(self, item) -> str:
        """The public page the decision e-mail links to, if there is one."""
        return ""

    def changes(self, item):
        """The field-by-field comparison (``moderation.diffs.FieldChange``) for editors and the submitter."""
        return []

    def removed_photos(self, item):
        return []

    def decision_context(self, item) -> dict:
        """Extra context of the admin's decision page (captions, a preview link)."""
        return {}

    # --- The queue ---

    def pending(self):
        return self.model.objects.pending().oldest_first().select_related("submitted_by", *self.queue_related)

    def pending_count(self) -> int:
        return self.model.objects.pending().count()

    def admin_url_name(self) -> str:
        meta = self.model._meta
        return f"admin:{meta.app_label}_{meta.model_name}_change"

    def queue_sections(self) -> list[dict]:
        """Sections of the queue: a label, a count, the oldest items and the admin URL name of an item."""
        pending = self.pending()
        kinds = getattr(self.model, "Kind", None)
        if kinds is None:
            return [self._section(self.queue_label, pending.count(), pending)]
        counts = dict(
            self.model.objects.pending()
            .order_by()
            .values_list("kind")
            .annotate(count=Count("pk"))
            .values_list("kind", "count")
        )
        return [
            self._section(label, counts.get(kind, 0), pending.filter(kind=kind))
            for kind, label in kinds.choices
        ]

    def _section(self, label, count, items):
        return {
            "label": label,
            "count": count,
            "items": items[:QUEUE_LIMIT],
            "url_name": self.admin_url_name(),
        }

    # --- People ---

    def stored_files(self, submissions):
        """The files sent with the given submissions (read before their rows go)."""
        if self.image_model is None:
            return []
        return [row.image for row in self.image_model.objects.filter(submission__in=submissions)]

    def forget(self, user):
        """On account deletion: the person's pending submissions go, with their files."""
        pending = self.model.objects.submitted_by(user).pending()
        for item in pending.select_for_update():
            self.discard(item)
        files = self.stored_files(pending)
        pending.delete()
        delete_files_on_commit(files)


def delete_files_on_commit(files):
    """Remove stored files once the rows that named them are gone for good (not if the transaction fails)."""
    files = [file for file in files if file]
    if files:
        transaction.on_commit(lambda: [file.delete(save=False) for file in files])


def register(model, moderation_class=Moderation):
    _registry[model] = moderation_class(model)
    return _registry[model]


def for_model(model_or_item) -> Moderation:
    model = model_or_item if isinstance(model_or_item, type) else type(model_or_item)
    try:
        return _registry[model]
    except KeyError:
        raise LookupError(f"{model.__name__} is not registered with the moderation") from None


def registered() -> list[Moderation]:
    """Every registered moderation, in registration order (the queue's order)."""
    return list(_registry.values())
