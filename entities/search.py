"""Searching the registry: words (inflected, abbreviated, without Polish letters), identifiers and typos.

PostgreSQL matches with ``search_vector``, a stored tsvector generated from ``search_text`` with the name
weighted A, the town B and the rest C (migration 0012, GIN-indexed). SQLite, the zero-setup fallback, matches
the same folded words with LIKE and keeps alphabetical order. Where the page cache runs (production), the
registry's list and the site search answer from the word index in memory instead (entities/word_index.py),
with the same matches in the same order: both follow ``LEVELS`` below.
"""

import re

from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models.expressions import RawSQL

from entities.identifiers import normalize_krs, normalize_nip, normalize_regon
from search.analysis import analyse_query
from search.synonyms import synonym_phrases

_IDENTIFIER = re.compile(r"(?:PL)?[\d\s\-.]+", re.IGNORECASE)
_VECTOR = '"entities_entity"."search_vector"'

# Relevance: each word of a query scores by where it is found, best first, and an entity by the sum over the
# query's words; ties keep the alphabetical order. (score, parts of search_text: A name, B town, C the rest,
# whole words only). A whole word is what was typed, one of its lemmas or a synonym; otherwise the beginning of
# a word. A match in the name comes before one in the town, before one in the description or offer, and a
# whole word before a longer word that only begins with it.
LEVELS = (
    (6, "A", True),
    (5, "A", False),
    (4, "AB", True),
    (3, "AB", False),
    (2, "ABC", True),
    (1, "ABC", False),
)


def level_alternatives(term, whole_words: bool) -> list[list[tuple[str, bool]]]:
    """A term's alternatives at one level, each a list of (word, is_prefix) that must all be found."""
    exact = [[(term.typed, False)]] + [[(word, False)] for word in term.exact]
    exact += [[(word, False) for word in phrase] for phrase in term.phrases]
    return exact if whole_words else list(term.alternatives()) + exact


def _tsquery_text(alternatives, weights: str = "") -> str:
    """``word:*AB`` is a prefix found in the name or the town, ``word:A`` a whole word in the name."""
    label = f":{weights}" if weights else ""

    def alternative(words):
        parts = [f"{word}:*{weights}" if is_prefix else f"{word}{label}" for word, is_prefix in words]
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    texts = [alternative(words) for words in alternatives]
    return texts[0] if len(texts) == 1 else "(" + " | ".join(texts) + ")"


def tsquery(terms) -> str:
    """A to_tsquery() text: every term must match, through any of its alternatives."""
    return " & ".join(_tsquery_text(list(term.alternatives())) for term in terms)


def _score(terms) -> RawSQL:
    """The sum of the terms' levels (``LEVELS``), for rows that match already: the lowest level is the rest."""
    cases, params = [], []
    for term in terms:
        whens = []
        for score, weights, whole_words in LEVELS[:-1]:
            whens.append(f"WHEN {_VECTOR} @@ to_tsquery('simple'::regconfig, %s) THEN {score}")
            params.append(_tsquery_text(level_alternatives(term, whole_words), weights))
        cases.append(f"CASE {' '.join(whens)} ELSE {LEVELS[-1][0]} END")
    return RawSQL(" + ".join(cases), params, output_field=models.IntegerField())


def entity_search(queryset, query: str):
    terms = analyse_query(query, synonym_phrases())
    if not terms:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        # search_vector exists only on PostgreSQL (migration 0012); the model does not declare it.
        matches = RawSQL(
            f"{_VECTOR} @@ to_tsquery('simple'::regconfig, %s)",
            [tsquery(terms)],
            output_field=models.BooleanField(),
        )
        return (
            queryset.filter(matches)
            .annotate(search_rank=_score(terms))
            .order_by("-search_rank", "name", "pk")
        )
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
    # Only numbers that pass their checksum: no other is stored, and the fields refuse them in a lookup. A
    # 10-digit number with a wrong one (a phone number, a typo) is searched for as words.
    if len(digits) == 10 and _valid(normalize_nip, digits):
        condition |= models.Q(nip=digits)
    if len(digits) in (9, 14) and _valid(normalize_regon, digits):
        condition |= models.Q(regon=digits)
    if len(digits) <= 10 and _valid(normalize_krs, digits.zfill(10)):
        condition |= models.Q(krs=digits.zfill(10))
    return condition or None


def _valid(normalize, digits: str) -> bool:
    try:
        normalize(digits)
    except ValidationError:
        return False
    return True


def identifier_matches(queryset, query: str):
    condition = identifier_candidates(query)
    return None if condition is None else queryset.filter(condition)
