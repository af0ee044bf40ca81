"""The editors' moderation queue: pending proposals, changes, archiving requests and claims, oldest first.

Decisions are POST forms (with CSRF) on the item's admin page; approving applies the submission through
entities.services in one transaction, records who decided and when, and e-mails the submitter.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from entities import services
from entities.models import (
    ENTITY_MEMBER_FIELDS,
    Claim,
    Entity,
    EntityPhoto,
    EntitySubmission,
    Membership,
    SubmissionImage,
)
from wortal.admin_dashboard import Item, Panel, attention_provider
from wortal.moderation import field_changes
from wortal.uploads import CleanImageField

QUEUE_LIMIT = 50
# Other apps' moderated submissions (initiative reports) join the same queue: (sections(), count()) pairs.
QUEUE_SECTIONS = []


def register_queue_section(sections, count):
    """Add another app's pending items to the queue: ``sections()`` returns dicts with a label, count, items
    (each with a ``title``) and the admin URL name of an item's page; ``count()`` feeds the admin's front page.
    """
    QUEUE_SECTIONS.append((sections, count))


class EntityPhotoInline(admin.TabularInline):
    model = EntityPhoto
    extra = 0
    max_num = 6
    formfield_overrides = {models.ImageField: {"form_class": CleanImageField}}


class SubmissionImageInline(admin.TabularInline):
    model = SubmissionImage
    extra = 0
    can_delete = False
    readonly_fields = ["role", "image", "alt_text"]

    def has_add_permission(self, request, obj=None):
        return False


class DecisionAdminMixin:
    """Read-only admin pages with an approve/reject form; the reason is required to reject."""

    change_form_template = "admin/entities/decision_change_form.html"
    approve_service = reject_service = None

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<int:pk>/decyzja/",
                self.admin_site.admin_view(self.decide_view),
                name="{}_{}_decide".format(*info),
            ),
            *super().get_urls(),
        ]

    def decide_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            raise PermissionDenied
        item = get_object_or_404(self.model, pk=pk)
        back = reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])
        decision = request.POST.get("decision")
        reason = request.POST.get("reason", "").strip()[:2000]
        try:
            if decision == "approve":
                type(self).approve_service(item, request.user)
                self.message_user(request, _("Zatwierdzono. Zgłaszający dostał wiadomość e-mail."))
            elif decision == "reject":
                if not reason:
                    self.message_user(request, _("Podaj uzasadnienie odrzucenia."), messages.ERROR)
                    return redirect(back)
                type(self).reject_service(item, request.user, reason)
                self.message_user(request, _("Odrzucono. Zgłaszający dostał wiadomość e-mail."))
            else:
                self.message_user(request, _("Wybierz decyzję."), messages.ERROR)
                return redirect(back)
        except ValidationError as error:
            self.message_user(
                request, _("Nie zastosowano: %(error)s") % {"error": " ".join(error.messages)}, messages.ERROR
            )
            return redirect(back)
        return redirect(reverse("admin:entities_moderation_queue"))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            item = self.get_object(request, object_id)
            if item is not None:
                extra_context.update(self.decision_context(item))
        return super().changeform_view(request, object_id, form_url, extra_context)

    def decision_context(self, item):
        meta = item._meta
        return {
            "decision_item": item,
            "decide_url": reverse(f"admin:{meta.app_label}_{meta.model_name}_decide", args=[item.pk]),
        }


@admin.register(EntitySubmission)
class EntitySubmissionAdmin(DecisionAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "kind", "state", "submitted_by", "created_at", "decided_by", "decided_at"]
    list_filter = ["state", "kind"]
    list_select_related = ["entity", "submitted_by", "decided_by"]
    search_fields = ["entity__name", "submitted_by__email"]
    ordering = ["created_at", "pk"]
    date_hierarchy = "created_at"
    inlines = [SubmissionImageInline]
    exclude = ["data", "photos_removed"]
    approve_service = staticmethod(services.submission_approve)
    reject_service = staticmethod(services.submission_reject)

    def get_readonly_fields(self, request, obj=None):
        return [name for name in super().get_readonly_fields(request, obj) if name not in self.exclude]

    def get_urls(self):
        return [
            path(
                "kolejka/",
                self.admin_site.admin_view(self.queue_view),
                name="entities_moderation_queue",
            ),
            *super().get_urls(),
        ]

    def decision_context(self, item):
        live = item.entity if item.kind == EntitySubmission.Kind.CHANGE and item.entity_id else Entity()
        return {
            **super().decision_context(item),
            "changes": field_changes(live, item.data, ENTITY_MEMBER_FIELDS),
            "removed_photos": live.photos.filter(pk__in=item.photos_removed) if live.pk else [],
        }

    def queue_view(self, request):
        submissions = (
            EntitySubmission.objects.pending().oldest_first().select_related("entity", "submitted_by")
        )
        claims = Claim.objects.pending().oldest_first().select_related("entity", "submitted_by")
        counts = dict(
            submissions.order_by()
            .values_list("kind")
            .annotate(count=models.Count("pk"))
            .values_list("kind", "count")
        )
        submission_url = "admin:entities_entitysubmission_change"
        sections = [
            {
                "label": label,
                "count": counts.get(kind, 0),
                "items": submissions.filter(kind=kind)[:QUEUE_LIMIT],
                "url_name": submission_url,
            }
            for kind, label in EntitySubmission.Kind.choices
        ]
        sections.append(
            {
                "label": _("prośby o dostęp do profilu"),
                "count": claims.count(),
                "items": claims[:QUEUE_LIMIT],
                "url_name": "admin:entities_claim_change",
            }
        )
        for extra_sections, _count in QUEUE_SECTIONS:
            sections.extend(extra_sections())
        context = {
            **self.admin_site.each_context(request),
            "title": _("Kolejka moderacji"),
            "sections": sections,
        }
        return TemplateResponse(request, "admin/entities/moderation_queue.html", context)


@admin.register(Claim)
class ClaimAdmin(DecisionAdminMixin, admin.ModelAdmin):
    list_display = ["entity", "state", "submitted_by", "created_at", "decided_by", "decided_at"]
    list_filter = ["state"]
    list_select_related = ["entity", "submitted_by", "decided_by"]
    search_fields = ["entity__name", "submitted_by__email"]
    ordering = ["created_at", "pk"]
    approve_service = staticmethod(services.claim_approve)
    reject_service = staticmethod(services.claim_reject)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["entity", "user", "created_at"]
    list_select_related = ["entity", "user"]
    search_fields = ["entity__name", "user__email"]
    autocomplete_fields = ["entity"]
    raw_id_fields = ["user"]


@attention_provider
def moderation_queue(request):
    """The admin home's panel for pending submissions and claims (the queue page has the details)."""
    if not request.user.has_perm("entities.change_entitysubmission"):
        return None
    submissions = EntitySubmission.objects.pending().count()
    claims = Claim.objects.pending().count()
    others = sum(count() for _sections, count in QUEUE_SECTIONS)
    items = [
        Item(_("Zgłoszenia organizacji: %(count)d") % {"count": submissions}),
        Item(_("Prośby o dostęp do profilu: %(count)d") % {"count": claims}),
    ]
    if QUEUE_SECTIONS:
        items.append(Item(_("Zgłoszenia inicjatyw: %(count)d") % {"count": others}))
    return Panel(
        _("Kolejka moderacji"),
        submissions + claims + others,
        items,
        reverse("admin:entities_moderation_queue"),
        _("Otwórz kolejkę moderacji"),
    )
