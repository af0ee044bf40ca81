"""Stored search text for the smaller kinds of content (posts, films, events, pages, initiatives).

A model lists its searchable fields in ``SEARCH_FIELDS`` and inherits ``Searchable``: ``search_text`` is
rebuilt on every save with the same analysis as the registry (folded words and their lemmas), and
``matching(queryset, query)`` finds rows with every word of a query (LIKE over the stored words: these
tables are small, so no full-text index is needed on either database).
"""

from django.db import models
from django.utils.html import strip_tags

from search.analysis import analyse_query, index_text
from search.synonyms import synonym_phrases


class Searchable(models.Model):
    SEARCH_FIELDS: tuple[str, ...] = ()

    search_text = models.TextField(editable=False, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        # Rich text fields hold HTML: only the words count.
        return index_text(*(strip_tags(str(getattr(self, name) or "")) for name in self.SEARCH_FIELDS))


def filter_by_terms(queryset, terms):
    """Rows whose search_text has, for every term, one of its alternatives (words as prefixes)."""
    for term in terms:
        condition = models.Q()
        for words in term.alternatives():
            condition |= models.Q(*(models.Q(search_text__contains=f" {word}") for word, _ in words))
        queryset = queryset.filter(condition)
    return queryset


def matching(queryset, query: str):
    """Rows matching every word of a query, through its inflected forms, synonyms and abbreviations."""
    terms = analyse_query(query, synonym_phrases())
    return filter_by_terms(queryset, terms) if terms else queryset
