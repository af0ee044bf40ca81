"""The registry's part of the site-wide search (/szukaj/): published entities, as the list searches them."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from entities.facets import facet_index
from entities.filters import MAX_QUERY_LENGTH
from entities.models import Entity
from entities.versions import registry_changed, registry_version
from entities.word_index import ORDER_RELEVANCE, search_keys, word_index
from search.registry import SearchSource, register


def search_entities(query: str):
    # The same queryset as the registry's own search (entities/filters.py), so both share one kept ranking
    # (wortal/pagination.py): "wszystkie wyniki" after the site search ranks nothing again.
    published = Entity.objects.published()
    by_identifier = published.matching_identifier(query)
    if by_identifier is not None and by_identifier.exists():
        return by_identifier
    return published.search(query)


def ranked_entity_keys(query: str):
    """The registry's matches from its word index (entities/word_index.py), as the list ranks them."""
    version = registry_version()
    facets = facet_index(version) if word_index(version) is not None else None
    if facets is None:
        return None
    return search_keys(facets, facets.everyone, query[:MAX_QUERY_LENGTH], ORDER_RELEVANCE, version)


register(
    SearchSource(
        key="podmioty",
        label=_("Podmioty ekonomii społecznej"),
        model=Entity,
        search=search_entities,
        list_url=lambda query: f"{reverse('entities:list')}?{urlencode({'q': query})}",
        summary=lambda entity: f"{entity.get_legal_form_display()}, {entity.town}",
        position=10,
        ranked_keys=ranked_entity_keys,
        keep_ranking=True,
        ranking_version=registry_version,
        after_reindex=registry_changed,
    )
)
