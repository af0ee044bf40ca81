"""The registry's list cards: read with two narrow queries and rendered by one Jinja2 template.

A list page shows twenty cards. Loading them as model instances (the row, its gmina and powiat, a prefetch of
sectors and of PS statuses) and rendering ``includes/entity_card.html`` once per card cost about two thirds
of a list request (docs/performance.md). Here the page's rows come as plain values, with the PS status as an
``EXISTS`` in the same query, the sectors in a second query (both compiled by the ORM once per process,
wortal/compiled.py), and all the cards in one render of ``templates/jinja2/entities/cards.html``.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from sorl.thumbnail import get_thumbnail

from entities.models import Entity, LegalForm, Powiat
from wortal.compiled import KeysQuery

CARDS_TEMPLATE = "entities/cards.html"
# The logo on a card: 4rem, and twice that for dense screens (as includes/entity_logo.html).
LOGO_SIZES = ("64x64", "128x128")
# Slugs are letters, digits and dashes, so this never occurs in one.
SLUG_PLACEHOLDER = "__slug__"


class Rendition(NamedTuple):
    url: str
    width: int
    height: int


@dataclass
class Card:
    pk: int
    name: str
    url: str
    legal_form: str
    town: str
    powiat: str
    has_ps_status: bool
    logo: tuple | None = None  # (small, large) thumbnails
    sectors: list[str] = field(default_factory=list)


def legal_form_labels() -> dict[str, str]:
    """Each legal form's label in the current language (kept per process: the labels are in the code)."""
    return _legal_form_labels(get_language())


@lru_cache(maxsize=8)
def _legal_form_labels(language: str) -> dict[str, str]:
    return {value: str(label) for value, label in LegalForm.choices}


@lru_cache(maxsize=4096)
def _logo(name: str, storage_key: str):
    """Both renditions of a logo, or None (the card then shows the neutral picture) if it cannot be read.

    Remembered per process by the file's name: uploads get new names, so a name always means the same image,
    and sorl's own lookup (a cache round trip and key hashing per rendition) is paid once, not per card.
    """
    try:
        return tuple(
            Rendition(thumbnail.url, thumbnail.width, thumbnail.height)
            for thumbnail in (get_thumbnail(name, size) for size in LOGO_SIZES)
        )
    except Exception:  # a broken image must not break the list, as in sorl's own tag
        return None


# The rows and the sectors of a page's cards, compiled once per process (wortal/compiled.py).
CARD_ROWS = KeysQuery(
    lambda keys, today: Entity.objects.filter(pk__in=keys)
    .with_ps_status(today)
    .values_list(
        "pk", "name", "slug", "legal_form", "town", "logo", "gmina__powiat__name", "gmina__powiat__city",
        "has_ps_status",
    )
)  # fmt: skip
CARD_SECTORS = KeysQuery(
    lambda keys: (
        Entity.sectors.through.objects.filter(entity_id__in=keys)
        .order_by("sector__position", "sector__name")
        .values_list("entity_id", "sector__name")
    )
)


def entity_cards(keys) -> list[Card]:
    """Cards of the entities with these primary keys, in the order of ``keys``."""
    if not keys:
        return []
    # Per page, not per card: the profile address (one reverse) and the translated labels.
    url_pattern = reverse("entities:detail", kwargs={"slug": SLUG_PLACEHOLDER})
    legal_forms = legal_form_labels()
    storage_key = settings.MEDIA_URL
    cards = {}
    for pk, name, slug, legal_form, town, logo, powiat, city, has_ps_status in CARD_ROWS.rows(
        keys, timezone.localdate()
    ):
        cards[pk] = Card(
            pk=pk,
            name=name,
            url=url_pattern.replace(SLUG_PLACEHOLDER, slug),
            legal_form=legal_forms.get(legal_form, legal_form),
            town=town,
            powiat=Powiat.label(powiat, bool(city)),
            has_ps_status=bool(has_ps_status),
            logo=_logo(logo, storage_key) if logo else None,
        )
    for entity_id, sector_name in CARD_SECTORS.rows(keys):
        cards[entity_id].sectors.append(sector_name)
    return [cards[key] for key in keys if key in cards]


def render_cards(cards, list_query: str = "") -> str:
    """The ``<ul>`` of cards; each link carries the list's query so the profile can lead back to it."""
    html = get_template(CARDS_TEMPLATE, using="jinja2").render(
        {"cards": cards, "link_query": f"?{list_query}" if list_query else ""}
    )
    return mark_safe(html)  # autoescaped by Jinja2
