"""Pieces shared by the editors' admin screens: site links, thumbnails and bulk actions that leave a trail."""

from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from sorl.thumbnail import get_thumbnail


def site_link(obj):
    """A 'Zobacz na stronie' link for a list row (drafts open as the editors' preview)."""
    return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Zobacz na stronie"))


def thumbnail(image, alt=""):
    """A small rendition of an image for a list row, or a dash; a broken file never breaks the list."""
    if not image:
        return "–"
    try:
        rendition = get_thumbnail(image, "80x80", crop="center", quality=80)
    except Exception:  # a missing or unreadable file: show the dash rather than a 500 in the list
        return "–"
    return format_html('<img src="{}" width="{}" height="{}" alt="{}">', rendition.url, 80, 80, alt)


def bulk_change(modeladmin, request, queryset, change, reason, done_message):
    """Apply ``change(obj)`` to each selected object with its own save.

    One save per object, not ``queryset.update()``: each change then gets a history record (who, when, before
    and after, with ``reason``) and an entry in the admin log, as if the editor had edited it by hand.
    """
    count = 0
    content_type = ContentType.objects.get_for_model(queryset.model)
    entries = []
    for obj in queryset:
        obj._change_reason = str(reason)
        change(obj)
        entries.append(
            LogEntry(
                user_id=request.user.pk,
                content_type=content_type,
                object_id=str(obj.pk),
                object_repr=str(obj)[:200],
                action_flag=CHANGE,
                change_message=str(reason),
            )
        )
        count += 1
    LogEntry.objects.bulk_create(entries)
    modeladmin.message_user(request, done_message % {"count": count})


class PublishActionsMixin:
    """Bulk publish and withdraw for models with ``publish()`` and ``archive()``, one save each (history)."""

    actions = ["publish_selected", "archive_selected"]

    @admin.action(description=_("Opublikuj zaznaczone"), permissions=["change"])
    def publish_selected(self, request, queryset):
        bulk_change(
            self,
            request,
            queryset,
            lambda obj: obj.publish(),
            _("Akcja zbiorcza: publikacja"),
            _("Opublikowano: %(count)d."),
        )

    @admin.action(description=_("Wycofaj zaznaczone z publikacji"), permissions=["change"])
    def archive_selected(self, request, queryset):
        bulk_change(
            self,
            request,
            queryset,
            lambda obj: obj.archive(),
            _("Akcja zbiorcza: wycofanie z publikacji"),
            _("Wycofano z publikacji: %(count)d."),
        )


class SiteLinkMixin:
    # True where the public page exists only once published (no preview for editors): no dead links then.
    site_link_only_published = False

    @admin.display(description=_("na stronie"))
    def on_site(self, obj):
        if self.site_link_only_published and not obj.is_published:
            return "–"
        return site_link(obj)

    def view_on_site(self, obj):
        if self.site_link_only_published and not obj.is_published:
            return None
        return obj.get_absolute_url()
