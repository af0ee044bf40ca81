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

from moderation.diffs import changed_since, field_changes
from moderation.models import ModerationState as State

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
    #: The member-editable fields of the live record (what ``data`` may propose).
    fields = ()

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

    def live(self, item):
        """The live record the submission changes (an unsaved one for a new record), or None."""
        return None

    def changes(self, item):
        """The field-by-field comparison (``moderation.diffs.FieldChange``) for editors and the submitter."""
        live = self.live(item)
        return field_changes(live, item.data, self.fields) if live is not None else []

    def changed_since(self, item):
        """What changed in the live record since the submitter's form showed it (value then → value now)."""
        live = self.live(item)
        return (
            changed_since(live, getattr(item, "base_values", None), self.fields) if live is not None else []
        )

    def is_stale(self, item) -> bool:
        """The live record was saved after the submitter's form showed it (costs no query in the queue)."""
        live, based_on = self.live(item), getattr(item, "based_on", None)
        return bool(based_on and live is not None and live.pk and live.updated_at > based_on)

    def removed_photos(self, item):
        live = self.live(item)
        return live.photos.filter(pk__in=item.photos_removed) if live is not None and live.pk else []

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
        items = list(items[:QUEUE_LIMIT])
        for item in items:
            item.is_stale = self.is_stale(item)
        return {"label": label, "count": count, "items": items, "url_name": self.admin_url_name()}

    # --- People ---

    def delete_images(self, submissions):
        """Remove the files sent with these submissions: the rows now, the files once the deletion commits."""
        if self.image_model is None:
            return
        images = self.image_model.objects.filter(submission__in=submissions)
        files = [row.image for row in images]
        images.delete()
        delete_files_on_commit(files)

    def forget(self, user):
        """On account deletion: the person's pending submissions go, and the files of their refused ones."""
        pending = self.model.objects.submitted_by(user).pending()
        for item in pending.select_for_update():
            self.discard(item)
        self.delete_images(pending)
        pending.delete()
        refused = self.model.objects.submitted_by(user).filter(state__in=[State.REJECTED, State.WITHDRAWN])
        self.delete_images(refused)


def delete_files_on_commit(files):
    """Remove stored files once the rows that named them are gone for good (not if the transaction fails)."""
    files = [file for file in files if file]
    if files:
        transaction.on_commit(lambda: [file.delete(save=False) for file in files])


def register(model, moderation_class=Moderation):
    _registry[model] = moderation_class(model)
    return _registry[model]


def for_image_label(label) -> Moderation:
    """The moderation whose submissions' files are of the model labelled ``app_label.model_name``."""
    for moderation in _registry.values():
        if moderation.image_model is not None and moderation.image_model._meta.label_lower == label:
            return moderation
    raise LookupError(f"No registered submissions have files labelled {label}")


def for_model(model_or_item) -> Moderation:
    model = model_or_item if isinstance(model_or_item, type) else type(model_or_item)
    try:
        return _registry[model]
    except KeyError:
        raise LookupError(f"{model.__name__} is not registered with the moderation") from None


def registered() -> list[Moderation]:
    """Every registered moderation, in registration order (the queue's order)."""
    return list(_registry.values())
