"""The kinds of content that the site-wide search (/szukaj/) looks through, each registered by its own app.

An app describes its content with a ``SearchSource`` and registers it once, from its ``AppConfig.ready()``:

    from search.registry import SearchSource, register

    register(SearchSource(key="podmioty", label=_("Podmioty"), model=Entity, search=..., list_url=...))

``search(query)`` returns the published items matching a query, best first, as a QuerySet (only ever what the
public may see); ``list_url(query)`` is the address of the app's own list filtered by the query, or "" when
the app has none. Items are shown with ``str(item)``, ``get_absolute_url()`` and the optional ``summary``
function. A model that stores ``search_text`` and can rebuild it with ``build_search_text()`` is re-indexed
by ``manage.py reindex_search``. See docs/search.md.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import models

from wortal.cache import bump_content_generation


@dataclass(frozen=True)
class SearchSource:
    key: str
    label: str
    model: type[models.Model]
    search: Callable[[str], models.QuerySet]
    list_url: Callable[[str], str] = lambda query: ""
    summary: Callable[[models.Model], str] = lambda item: ""
    # Shown first on /szukaj/: lower comes first.
    position: int = 100
    # Keep a query's ranked keys until the content changes (wortal/pagination.py): for a large table whose
    # ranking is expensive (the registry's 100,000 entities); small tables are cheaper to ask again.
    keep_ranking: bool = False
    # What the kept ranking depends on, if narrower than the whole content (the registry's version token,
    # entities/versions.py): a news post then does not make every popular search rank again.
    ranking_version: Callable[[], str] | None = None
    # The primary keys of a query's matches, best first, when the app can give them without a query (the
    # registry's word index, entities/word_index.py), else None and ``search`` answers.
    ranked_keys: Callable[[str], Sequence[int] | None] | None = None
    # Called after manage.py reindex_search changed stored search texts (bulk updates send no signals): by
    # default every cached page and ranking is made stale (wortal/cache.py).
    after_reindex: Callable[[], None] = bump_content_generation

    @property
    def reindexable(self) -> bool:
        return hasattr(self.model, "build_search_text")


_sources: dict[str, SearchSource] = {}


def register(source: SearchSource) -> SearchSource:
    _sources[source.key] = source
    return source


def sources() -> list[SearchSource]:
    return sorted(_sources.values(), key=lambda source: (source.position, source.key))
