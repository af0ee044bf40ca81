"""Searching the registry: words (inflected, abbreviated, without Polish letters), identifiers and typos.

PostgreSQL answers from ``search_vector``, a stored tsvector generated from ``search_text`` with the name
weighted A, the town B and the rest C (migration 0009, GIN-indexed), and orders by ``ts_rank`` so a match in
the name comes before one in the town, before one in the description or offer, and a whole word before a
prefix. SQLite, the zero-setup fallback, matches the same folded words with LIKE and keeps alphabetical order.
"""

import re

from django.db import connections, models
from django.db.models.expressions import RawSQL

from search.analysis import analyse_query
from search.synonyms import synonym_phrases

_IDENTIFIER = re.compile(r"(?:PL)?[\d\s\-.]+", re.IGNORECASE)
# Weights D, C, B, A for ts_rank: a match in the name counts far more than one in the description.
_RANK_WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"


def tsquery(terms) -> str:
    """A to_tsquery() text: every term must match, through any of its alternatives."""

    def alternative(words):
        parts = [f"{word}:*" if is_prefix else word for word, is_prefix in words]
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    # The typed word exactly, besides its prefix, so a whole-word match ranks above a longer word.
    return " & ".join(
        "(" + " | ".join([term.typed, *(alternative(words) for words in term.alternatives())]) + ")"
        for term in terms
    )


def entity_search(queryset, query: str):
    terms = analyse_query(query, synonym_phrases())
    if not terms:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        text = tsquery(terms)
        # search_vector exists only on PostgreSQL (migration 0009); the model does not declare it.
        rank = RawSQL(
            f'ts_rank(\'{_RANK_WEIGHTS}\'::float4[], "entities_entity"."search_vector", '
            "to_tsquery('simple'::regconfig, %s))",
            [text],
            output_field=models.FloatField(),
        )
        matches = RawSQL(
            '"entities_entity"."search_vector" @@ to_tsquery(\'simple\'::regconfig, %s)',
            [text],
            output_field=models.BooleanField(),
        )
        return queryset.filter(matches).annotate(search_rank=rank).order_by("-search_rank", "name", "pk")
    for term in terms:
        condition = models.Q()
        for words in term.alternatives():
            condition |= models.Q(*(models.Q(search_text__contains=f" {word}") for word, _ in words))
        queryset = queryset.filter(condition)
    return queryset


def identifier_candidates(query: str) -> models.Q | None:
    """Conditions for a query that is a NIP, REGON or KRS (spaces, dashes, dots, 'PL', KRS without zeros)."""
    if not _IDENTIFIER.fullmatch(query.strip()):
        return None
    digits = re.sub(r"\D", "", query)
    if len(digits) < 5:
        return None
    condition = models.Q()
    if len(digits) == 10:
        condition |= models.Q(nip=digits)
    if len(digits) in (9, 14):
        condition |= models.Q(regon=digits)
    if len(digits) <= 10:
        condition |= models.Q(krs=digits.zfill(10))
    return condition or None


def identifier_matches(queryset, query: str):
    condition = identifier_candidates(query)
    return None if condition is None else queryset.filter(condition)
