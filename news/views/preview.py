from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers


def get_visible_or_404(queryset, user, **lookup):
    """The published item, or for an editor any item (a preview); the public gets 404 for drafts."""
    return get_object_or_404(queryset.visible_to(user), **lookup)


def mark_preview(response, item):
    """A preview of an unpublished item must never be cached by a browser or proxy."""
    if not item.is_public:
        add_never_cache_headers(response)
    return response
