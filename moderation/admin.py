"""The editors' side of the moderation: decision pages, the queue and its counter on the admin home.

Each app registers a ``DecisionAdmin`` subclass for its submission models (read-only pages with an
approve/reject form; the reason is required to reject). Decisions go through moderation.services, which
applies them in one transaction with the row locked, records who decided and e-mails the submitter.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from moderation import registry, services
from wortal.admin_dashboard import Item, Panel, attention_provider

# The queue's address is the one editors know from before moderation had an app of its own
# (/admin/entities/entitysubmission/kolejka/); the admin that hosts it sets ``hosts_queue``.
QUEUE_URL = "kolejka/"


class DecisionAdmin(admin.ModelAdmin):
    """Read-only admin pages of a registered submission model, with the approve/reject form."""

    change_form_template = "admin/moderation/decision_change_form.html"
    list_filter = ["state"]
    ordering = ["created_at", "pk"]
    hosts_queue = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        excluded = self.exclude or ()
        return [field.name for field in self.model._meta.fields if field.name not in excluded]

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        urls = [
            path(
                "<int:pk>/decyzja/",
                self.admin_site.admin_view(self.decide_view),
                name="{}_{}_decide".format(*info),
            )
        ]
        if self.hosts_queue:
            urls.append(
                path(
                    QUEUE_URL,
                    self.admin_site.admin_view(self.queue_view),
                    name=services.QUEUE_URL_NAME.removeprefix("admin:"),
                )
            )
        return [*urls, *super().get_urls()]

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
                services.approve(item, request.user)
                self.message_user(request, _("Zatwierdzono. Zgłaszający dostał wiadomość e-mail."))
            elif decision == "reject":
                if not reason:
                    self.message_user(request, _("Podaj uzasadnienie odrzucenia."), messages.ERROR)
                    return redirect(back)
                services.reject(item, request.user, reason)
                self.message_user(request, _("Odrzucono. Zgłaszający dostał wiadomość e-mail."))
            else:
                self.message_user(request, _("Wybierz decyzję."), messages.ERROR)
                return redirect(back)
        except ValidationError as error:
            self.message_user(
                request, _("Nie zastosowano: %(error)s") % {"error": " ".join(error.messages)}, messages.ERROR
            )
            return redirect(back)
        return redirect(reverse(services.QUEUE_URL_NAME))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            item = self.get_object(request, object_id)
            if item is not None:
                extra_context.update(self.decision_context(item))
        return super().changeform_view(request, object_id, form_url, extra_context)

    def decision_context(self, item):
        meta = item._meta
        moderation = registry.for_model(item)
        return {
            "decision_item": item,
            "decide_url": reverse(f"admin:{meta.app_label}_{meta.model_name}_decide", args=[item.pk]),
            "changes": moderation.changes(item),
            "changed_since": moderation.changed_since(item) if item.is_pending else [],
            "is_stale": item.is_pending and moderation.is_stale(item),
            "removed_photos": moderation.removed_photos(item),
            **moderation.decision_context(item),
        }

    def queue_view(self, request):
        sections = [
            section for moderation in registry.registered() for section in moderation.queue_sections()
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Kolejka moderacji"),
            "sections": sections,
        }
        return TemplateResponse(request, "admin/moderation/queue.html", context)


class SubmissionImageInline(admin.TabularInline):
    """Files sent with a submission, shown read-only on its decision page (served privately, not as media)."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        hidden = ("id", "submission", "image")
        return ["preview", *(field.name for field in self.model._meta.fields if field.name not in hidden)]

    def get_fields(self, request, obj=None):
        return self.get_readonly_fields(request, obj)

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("plik"))
    def preview(self, image):
        url = image.private_url
        return format_html('<a href="{}"><img src="{}" alt="{}" width="160"></a>', url, url, image)


@attention_provider
def moderation_queue(request):
    """The admin home's panel for pending submissions of every kind (the queue page has the details)."""
    moderations = [
        moderation
        for moderation in registry.registered()
        if request.user.has_perm(
            f"{moderation.model._meta.app_label}.change_{moderation.model._meta.model_name}"
        )
    ]
    if not moderations:
        return None
    counts = [(moderation, moderation.pending_count()) for moderation in moderations]
    return Panel(
        _("Kolejka moderacji"),
        sum(count for _moderation, count in counts),
        [Item(moderation.panel_label % {"count": count}) for moderation, count in counts],
        reverse(services.QUEUE_URL_NAME),
        _("Otwórz kolejkę moderacji"),
    )
