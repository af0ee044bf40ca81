"""Text helpers for Polish: slugs, unique slugs and the diacritic-free form that search compares."""

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


def one_line(text: str) -> str:
    """The text on one line, runs of whitespace (line breaks included) as single spaces: for e-mail subjects,
    which may never contain a line break (Django refuses them, so one would break the request)."""
    return " ".join(str(text).split())


def unique_slug(model, text: str, pk=None, fallback="wpis", reserved=()) -> str:
    """A slug from the text not yet taken by another row of the model: 'alfa', then 'alfa-2', 'alfa-3'..."""
    base = polish_slugify(text)[:100].strip("-") or fallback
    slug, suffix = base, 2
    while slug in reserved or model._default_manager.filter(slug=slug).exclude(pk=pk).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug
