"""The editors' synonyms and abbreviations, read once and cached until a group changes (search/signals.py)."""

from django.core.cache import cache

from search.analysis import lemmas
from search.models import SynonymGroup
from wortal.text import fold, words

SYNONYMS_KEY = "search:synonyms"


def phrase_words(phrase: str) -> list[str]:
    """A phrase as the indexed words it must match: each word's first lemma, or the folded word."""
    result = []
    for word in phrase.lower().split():
        folded = words(word)
        if not folded:
            continue
        found = lemmas(word)
        result.append(found[0] if found else "".join(folded))
    return result


def build_synonyms(groups: list[list[str]]) -> dict[str, list[list[str]]]:
    """{single word (folded, and its lemmas): [other phrases of its groups as word lists]}."""
    mapping: dict[str, list[list[str]]] = {}
    for phrases in groups:
        as_words = [phrase_words(phrase) for phrase in phrases]
        for phrase, phrase_as_words in zip(phrases, as_words, strict=True):
            if len(phrase_as_words) != 1:
                continue
            keys = {fold(phrase.strip().lower()), *phrase_as_words, *lemmas(phrase.strip().lower())}
            others = [other for other in as_words if other and other != phrase_as_words]
            for key in keys:
                bucket = mapping.setdefault(key, [])
                bucket.extend(other for other in others if other not in bucket)
    return mapping


def synonym_phrases() -> dict[str, list[list[str]]]:
    def compute():
        groups = [group.phrase_list() for group in SynonymGroup.objects.filter(is_active=True)]
        return build_synonyms(groups)

    return cache.get_or_set(SYNONYMS_KEY, compute, 3600)
