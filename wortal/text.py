"""Text helpers for Polish: slugs and the diacritic-free form that search compares."""

import re
import unicodedata

from django.utils.text import slugify

# NFKD decomposes ą, ć, ę, ń, ó, ś, ź, ż but not ł, which has no combining form.
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "ø": "o"})
_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII form of a text: 'Spółdzielnia ŁÓDŹ' -> 'spoldzielnia lodz'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def words(text: str) -> list[str]:
    """The searchable words of a text, folded: the same rule for indexed text and for queries."""
    return _WORD.findall(fold(text))


def polish_slugify(text: str) -> str:
    return slugify(fold(text))
