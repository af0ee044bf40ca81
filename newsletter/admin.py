from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from newsletter.content import build_message, latest_items, render_issue
from newsletter.models import Delivery, Issue, Subscriber
from newsletter.sending import create_deliveries, send_issue


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "confirmed_at",
        "subscribed_at",
        "powiat",
        *[f"wants_{t}" for t in ("news", "events", "publications", "entities")],
    ]
    list_filter = [
        "confirmed_at",
        "powiat",
        "wants_news",
        "wants_events",
        "wants_publications",
        "wants_entities",
    ]
    search_fields = ["email"]
    readonly_fields = ["email", "consent_text", "subscribed_at", "confirmed_at"]
    list_select_related = ["powiat"]

    def has_add_permission(self, request):
        # People subscribe themselves (double opt-in); an editor cannot consent for them.
        return False


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["subject", "state", "created_at", "finished_at", "sent_count", "pending_count"]
    list_filter = ["state"]
    search_fields = ["subject"]
    autocomplete_fields = ["posts", "events", "publications", "entities"]
    readonly_fields = ["state", "started_at", "finished_at", "last_error"]
    change_form_template = "admin/newsletter/issue/change_form.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                sent=Count("deliveries", filter=Q(deliveries__state=Delivery.State.SENT)),
                pending=Count("deliveries", filter=Q(deliveries__state=Delivery.State.PENDING)),
            )
        )

    @admin.display(description=_("wysłano"), ordering="sent")
    def sent_count(self, obj):
        return obj.sent

    @admin.display(description=_("do wysłania"), ordering="pending")
    def pending_count(self, obj):
        return obj.pending

    def get_changeform_initial_data(self, request):
        """A new issue starts with what was published since the last one (editors remove what they do not want)."""
        return {**super().get_changeform_initial_data(request), **latest_items()}

    def has_change_permission(self, request, obj=None):
        # A sent issue is a record of what people received.
        if obj is not None and obj.state == Issue.State.SENT:
            return False
        return super().has_change_permission(request, obj)

    def get_urls(self):
        own = [
            path(
                "<int:pk>/podglad.html",
                self.admin_site.admin_view(self.preview_html),
                name="newsletter_issue_preview_html",
            ),
            path(
                "<int:pk>/podglad.txt",
                self.admin_site.admin_view(self.preview_text),
                name="newsletter_issue_preview_text",
            ),
            path(
                "<int:pk>/test/",
                self.admin_site.admin_view(self.send_test),
                name="newsletter_issue_send_test",
            ),
            path(
                "<int:pk>/wyslij/", self.admin_site.admin_view(self.send_view), name="newsletter_issue_send"
            ),
        ]
        return own + super().get_urls()

    def _issue(self, request, pk, permission="view"):
        issue = get_object_or_404(Issue, pk=pk)
        allowed = (
            self.has_view_permission(request, issue)
            if permission == "view"
            else request.user.has_perm("newsletter.change_issue")
        )
        if not allowed:
            raise PermissionDenied
        return issue

    def preview_html(self, request, pk):
        _text, html = render_issue(self._issue(request, pk))
        return HttpResponse(html)

    def preview_text(self, request, pk):
        text, _html = render_issue(self._issue(request, pk))
        return HttpResponse(text, content_type="text/plain; charset=utf-8")

    def send_test(self, request, pk):
        issue = self._issue(request, pk, "change")
        if request.method != "POST":
            return redirect("admin:newsletter_issue_change", pk)
        if not request.user.email:
            messages.error(request, _("Twoje konto nie ma adresu e-mail."))
        else:
            build_message(issue, None, to=request.user.email, subject_prefix="[TEST] ").send()
            messages.success(
                request, _("Wysłano wiadomość testową na %(email)s.") % {"email": request.user.email}
            )
        return redirect("admin:newsletter_issue_change", pk)

    def send_view(self, request, pk):
        """Confirm, then send (or resume) to every confirmed subscriber of the issue's topics."""
        issue = self._issue(request, pk, "change")
        if request.method == "POST" and issue.state != Issue.State.SENT:
            try:
                sent = send_issue(issue)
            except Exception as error:
                messages.error(
                    request,
                    _(
                        "Wysyłka przerwana (%(error)s). Wysłane wiadomości są zapisane; „Wznów wysyłkę” wyśle resztę, nikomu dwa razy."
                    )
                    % {"error": error},
                )
            else:
                messages.success(request, _("Wysłano wiadomości: %(count)d.") % {"count": sent})
            return redirect("admin:newsletter_issue_changelist")
        if issue.state == Issue.State.DRAFT:
            create_deliveries(issue)  # so the editor sees how many will receive it
        counts = issue.deliveries.aggregate(
            total=Count("pk"), sent=Count("pk", filter=Q(state=Delivery.State.SENT))
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "issue": issue,
            "total": counts["total"],
            "sent": counts["sent"],
            "title": _("Wyślij newsletter"),
        }
        return TemplateResponse(request, "admin/newsletter/issue/send.html", context)
