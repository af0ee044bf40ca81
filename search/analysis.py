"""How text becomes searchable words, and how a query becomes search terms.

Both sides are folded the same way in Python (lower case, no diacritics: ``wortal.text.words``), and both are
lemmatised with Morfeusz 2 (``morfeusz2`` from PyPI, the SGJP dictionary), so "fundacji" finds "Fundacja"
and "w Krakowie" finds "Kraków". The indexed text keeps every word as written (folded) followed by its
lemmas, so typing the beginning of a word still works ("spoldziel"). A query word that Morfeusz does not
know is usually a Polish word typed without its Polish letters ("spoldzielnie"): its inflectional ending is
cut off and the rest is matched as a prefix ("spoldzieln" finds "spółdzielnia", "spółdzielni"). See
docs/search.md for why Morfeusz 2 and not simplemma.
"""

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache

from wortal.text import fold

MAX_QUERY_WORDS = 8
# Words as typed: letters (with Polish ones) and digits.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_FOLDED_WORD = re.compile(r"[a-z0-9]+")
# Folded inflectional endings of Polish nouns and adjectives, longest first; cut from a word Morfeusz does not
# know (typed without Polish letters) so that the rest matches the other forms as a prefix.
_ENDINGS = sorted(
    [
        "iami",
        "ami",
        "ach",
        "ego",
        "emu",
        "owie",
        "ich",
        "ymi",
        "imi",
        "iej",
        "ej",
        "ow",
        "om",
        "em",
        "ie",
        "ia",
        "ii",
        "iu",
        "ym",
        "im",
        "a",
        "e",
        "i",
        "o",
        "u",
        "y",
    ],
    key=len,
    reverse=True,
)
_MIN_STEM = 4
# Short words that carry no meaning for a search ("w Krakowie", "fundacja dla dzieci"): dropped from a query
# that has other words.
STOP_WORDS = frozenset(
    ["a", "i", "o", "u", "w", "z", "we", "ze", "na", "do", "od", "po", "za", "dla", "oraz", "lub", "the"]
)

_local = threading.local()


def _morfeusz():
    # A Morfeusz instance is not safe to share between threads; it is cheap to create (one per thread).
    analyser = getattr(_local, "morfeusz", None)
    if analyser is None:
        import morfeusz2

        analyser = _local.morfeusz = morfeusz2.Morfeusz(generate=False, expand_tags=False)
    return analyser


@lru_cache(maxsize=50_000)
def lemmas(word: str) -> tuple[str, ...]:
    """The folded lemmas Morfeusz gives for one word (lower case), or () when the word is unknown to it."""
    found = []
    for _start, _end, (_form, lemma, tag, _name, _qualifiers) in _morfeusz().analyse(word):
        if tag == "ign":
            continue
        # Homonyms are numbered after a colon: "zamek:s1", "zamek:s2".
        folded = fold(lemma.split(":", 1)[0])
        if folded and folded not in found:
            found.append(folded)
    return tuple(found)


def index_words(text: str) -> list[str]:
    """The words to store for a text: each folded word, followed by its folded lemmas when they differ."""
    result = []
    for token in _TOKEN.findall(text.lower()):
        folded_words = _FOLDED_WORD.findall(fold(token))
        if not folded_words:
            continue
        result.extend(folded_words)
        if len(folded_words) == 1 and not token.isdigit():
            result.extend(lemma for lemma in lemmas(token) if lemma != folded_words[0])
    return result


def index_text(*parts: str, seen: set | None = None) -> str:
    """Searchable text of some fields, with a leading space so that a plain LIKE ' word%' finds word prefixes.

    Each word is kept once: matching needs no repeats, and a smaller tsvector is read faster. Pass the same
    ``seen`` set for the parts of one record so a word of the name is not repeated in its description.
    """
    seen = set() if seen is None else seen
    kept = []
    for word in index_words(" ".join(part for part in parts if part)):
        if word not in seen:
            seen.add(word)
            kept.append(word)
    return " " + " ".join(kept)


def stem(folded: str) -> str:
    """A folded word without its inflectional ending, never shorter than four letters."""
    for ending in _ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= _MIN_STEM:
            return folded[: -len(ending)]
    return folded


@dataclass
class Term:
    """One query word: matched if any of its forms is found.

    ``prefixes`` match the beginning of an indexed word (what was typed, or its stem); ``exact`` match whole
    indexed words (lemmas); ``phrases`` are synonyms or written-out abbreviations, each a group of words that
    must all be present.
    """

    typed: str
    prefixes: list[str] = field(default_factory=list)
    exact: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)

    def alternatives(self):
        """Every alternative as a list of (word, is_prefix) that must all match."""
        for prefix in self.prefixes:
            yield [(prefix, True)]
        for word in self.exact:
            yield [(word, False)]
        for phrase in self.phrases:
            yield [(word, False) for word in phrase]


def analyse_query(query: str, synonyms: dict[str, list[list[str]]] | None = None) -> list[Term]:
    """Search terms for a query: every word must match (AND), through any of its forms (OR)."""
    synonyms = synonyms or {}
    terms = []
    tokens = _TOKEN.findall(query.lower())[:MAX_QUERY_WORDS]
    meaningful = [token for token in tokens if fold(token) not in STOP_WORDS]
    for token in meaningful or tokens:
        folded_words = _FOLDED_WORD.findall(fold(token))
        if not folded_words:
            continue
        folded = "".join(folded_words)
        term = Term(typed=folded, prefixes=[folded])
        if not token.isdigit():
            found = lemmas(token)
            if found:
                term.exact = [lemma for lemma in found if not lemma.startswith(folded)]
            elif len(folded) > _MIN_STEM and stem(folded) != folded:
                term.prefixes.append(stem(folded))
            keys = {folded, *found}
            for key in keys:
                for phrase in synonyms.get(key, []):
                    if phrase not in term.phrases and phrase != [folded]:
                        term.phrases.append(phrase)
        terms.append(term)
    return terms


def words_of_query(query: str) -> list[str]:
    """The words of a query as typed (lower case), for showing a corrected query."""
    return _TOKEN.findall(query.lower())[:MAX_QUERY_WORDS]
