"""The vocabulary behind "Czy chodziło Ci o: …": words of names and titles, and the closest one to a typo."""

import difflib
import re

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connections

from search.analysis import lemmas, words_of_query
from search.models import Word
from wortal.text import fold

_NAME_WORD = re.compile(r"[^\W\d_]{3,60}")
CANDIDATES = 8


def learn(*texts: str) -> None:
    """Remember the words of some names or titles (one INSERT, existing words ignored)."""
    found = {}
    for text in texts:
        for word in _NAME_WORD.findall((text or "").lower()):
            found.setdefault(fold(word), word)
    if found:
        Word.objects.bulk_create(
            [Word(word=folded, display=display) for folded, display in found.items()], ignore_conflicts=True
        )


def closest_word(folded: str) -> str | None:
    """The known word closest to a misspelt one (pg_trgm similarity), as written; None on SQLite."""
    if connections[Word.objects.db].vendor != "postgresql":
        return None
    candidates = list(
        Word.objects.filter(word__trigram_similar=folded)
        .exclude(word=folded)
        .annotate(similarity=TrigramSimilarity("word", folded))
        .order_by("-similarity", "word")
        .values_list("word", "display")[:CANDIDATES]
    )
    if not candidates:
        return None
    by_word = dict(candidates)
    # Trigrams find the neighbours; difflib prefers the one with the same letters in nearly the same order.
    best = difflib.get_close_matches(folded, list(by_word), n=1, cutoff=0.6)
    return by_word[best[0]] if best else by_word[candidates[0][0]]


def spelling_suggestion(query: str) -> str | None:
    """'Czy chodziło Ci o: …': the query with each unknown word replaced by the closest known word.

    A word counts as unknown when Morfeusz does not know it; the closest word comes from the search
    vocabulary by trigram similarity (pg_trgm). On SQLite there is no suggestion.
    """
    changed, result = False, []
    for typed in words_of_query(query):
        folded = fold(typed)
        replacement = None
        if len(folded) >= 4 and not folded.isdigit() and not lemmas(typed):
            replacement = closest_word(folded)
        changed |= replacement is not None
        result.append(replacement or typed)
    return " ".join(result) if changed else None
