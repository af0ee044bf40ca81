"""The registry's part of the site-wide search (/szukaj/): published entities, as the list searches them."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from entities.facets import searched_keys
from entities.models import Entity
from entities.versions import registry_changed, registry_version
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
    return searched_keys(registry_version(), query)


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
