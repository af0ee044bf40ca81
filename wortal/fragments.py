"""Parts of every page that are the same for every anonymous visitor (header, footer), rendered once.

The header and footer of ``base.html`` (menu, operator bar, search field, links) cost about 3.5 ms of every
page render in Django's template language: twenty ``{% url %}``s, forty translations, the site settings. For
a visitor who is not signed in they depend only on the language, the menu's current section and the content
(the operator's name comes from the site settings), so ``{% anonymous_fragment %}`` keeps each rendering in
a per-process dictionary keyed by those and by the **content generation** that
``PublicPageCacheMiddleware`` read for this request (wortal/cache.py): any content change makes new keys.

Never for a signed-in person (their menu has their own links and a CSRF token), and not at all where the
request has no generation (the page cache is off, as in development and most tests): rendered as usual.
"""

from django.utils.translation import get_language

from wortal.memo import RenderedMemo

_rendered = RenderedMemo(max_entries=4096)


def fragment_key(request, name: str, vary_on: tuple) -> tuple | None:
    """The memo's key for this request, or None when the fragment must be rendered afresh."""
    generation = getattr(request, "content_generation", None)
    if generation is None or request.user.is_authenticated:
        return None
    return (name, generation, get_language(), *map(str, vary_on))


def remembered(key: tuple, render) -> str:
    return _rendered.remembered(key, render)
