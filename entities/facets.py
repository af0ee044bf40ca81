"""The registry's filters answered from memory: a bitmap of the published entities for every filter value.

A list without a search word (the registry's first page, a powiat with a legal form and a sector, the PS
status, page 4,000, the order by last change) is a set of filter values. In PostgreSQL each new combination
is a count and a page of keys over joins to gminy, powiaty, sectors and PS statuses, sorted in the Polish
collation: 5–15 ms of the database and as much again of the ORM building the queries, for every new address.

Here every published entity has a *position* in the list's name order, and every filter value (a powiat, a
gmina, a legal form, a sector, the PS status in force today) is a Python integer with the bits of its
entities' positions set. A combination of filters is an ``&`` of a few integers, its count ``bit_count()``,
and a page the set bits from the page's rank on: microseconds, whichever the filters or the page. The order
by last change is a second order of the same positions.

The index describes one state of the registry: it is built after each change of the registry (its version
token, entities/versions.py, which every saved entity, sector, PS status, gmina or powiat replaces; news and
other content leave it alone) and each new day (a PS status comes into force or lapses by date), by one
worker, in about half a second at 100,000 entities; it is kept in Redis for the others and in each worker's
memory (a few MB) while it is current. Searches rank their matches with the word index (entities/word_index.py)
and put them in this index's positions. The SQL path remains wherever the page cache (and so the generation)
is off, or the word index is. Tests compare both paths.
"""

import bisect
import datetime
import pickle
from array import array
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from entities.bitmaps import bitmap_of, set_bits
from entities.filters import BY_NAME, BY_UPDATE, MAX_QUERY_LENGTH, SORT_NAME, SORT_UPDATED
from entities.models import Entity, Gmina, Sector
from entities.versions import registry_version
from entities.word_index import ORDER_NAME, ORDER_RELEVANCE, ORDER_UPDATE, search_keys, word_index
from wortal.cache import get_or_set_current

INDEX_KEY = "entities:facet-index:v2"
INDEX_SECONDS = 600
# The filters the index answers, by the name of the registry's filter (entities/filters.py), and the founding
# year (for the statistics only).
FACETS = ("powiat", "gmina", "forma", "branza")
YEAR = "rok"


@dataclass
class FacetIndex:
    by_name: array  # primary keys in the list's name order: a key's position is its index here
    update_rank: array  # for each position, its rank in the order by last change
    by_update: array  # primary keys in the order by last change
    facets: dict = field(default_factory=dict)  # (filter, value) -> bitmap of positions
    ps_status: int = 0  # bitmap of the entities with a PS status in force on the day of the index
    positions: array = field(default_factory=lambda: array("i"))  # primary key -> its position, or -1

    def positions_of(self, keys: list) -> list[int]:
        """The positions of those primary keys, given in ascending order, that are in the list (published)."""
        positions = self.positions
        known = keys[: bisect.bisect_left(keys, len(positions))]  # keys newer than the index are not in it
        return [position for position in map(positions.__getitem__, known) if position >= 0]

    @property
    def everyone(self) -> int:
        return (1 << len(self.by_name)) - 1

    def select(self, filters: dict, ps_status: bool = False) -> int:
        """The bitmap of the entities matching every filter value given (an unknown value matches none)."""
        selected = self.everyone
        for name, value in filters.items():
            selected &= self.facets.get((name, str(value)), 0)
        if ps_status:
            selected &= self.ps_status
        return selected

    def keys(self, selected: int, by_update: bool = False) -> "SelectedKeys":
        return SelectedKeys(self, selected, by_update)

    def totals(self) -> dict[str, int]:
        """The home page's figures: published entities, those with a PS status, powiaty with any of them."""
        return {
            "entity_count": len(self.by_name),
            "ps_count": self.ps_status.bit_count(),
            # A value is in ``facets`` only if some entity has it.
            "powiat_count": sum(1 for name, _ in self.facets if name == "powiat"),
        }

    def counts(self, selected: int, facet: str) -> dict[str, int]:
        """How many of the selection have each value of one facet (the statistics' breakdowns)."""
        return {
            value: count
            for (name, value), bitmap in self.facets.items()
            if name == facet and (count := (selected & bitmap).bit_count())
        }


class SelectedKeys:
    """The primary keys of a selection in the list's order, for a paginator: ``len()`` and slices."""

    def __init__(self, index: FacetIndex, selected: int, by_update: bool):
        self.index, self.selected, self.by_update = index, selected, by_update
        self.length = selected.bit_count()
        self._update_order = None

    def __len__(self):
        return self.length

    def __getitem__(self, items: slice) -> list:
        start, stop, _ = items.indices(self.length)
        index = self.index
        if self.length == len(index.by_name):  # nothing filtered out: the orders themselves
            return list((index.by_update if self.by_update else index.by_name)[start:stop])
        if self.by_update:
            return [index.by_name[position] for position in self._by_update()[start:stop]]
        return [index.by_name[position] for position in set_bits(self.selected, start, stop)]

    def _by_update(self) -> list:
        if self._update_order is None:
            rank = self.index.update_rank
            self._update_order = sorted(set_bits(self.selected, 0, self.length), key=rank.__getitem__)
        return self._update_order


def build_index(today: datetime.date) -> FacetIndex:
    """Read the published registry (six queries, index-only where it is large) and index it."""
    published = Entity.objects.published()
    rows = list(published.order_by(*BY_NAME).values_list("pk", "gmina_id", "legal_form", "year_founded"))
    position = {row[0]: number for number, row in enumerate(rows)}
    territory = {
        pk: (gmina, powiat) for pk, gmina, powiat in Gmina.objects.values_list("pk", "teryt", "powiat__teryt")
    }
    sectors = dict(Sector.objects.values_list("pk", "slug"))
    members: dict = {}
    for number, (_, gmina_id, legal_form, year) in enumerate(rows):
        gmina, powiat = territory[gmina_id]
        for key in (("gmina", gmina), ("powiat", powiat), ("forma", legal_form), (YEAR, str(year))):
            if key[1] != "None":  # no founding year given
                members.setdefault(key, []).append(number)
    for entity_id, sector_id in Entity.sectors.through.objects.values_list("entity_id", "sector_id"):
        if entity_id in position:
            members.setdefault(("branza", sectors[sector_id]), []).append(position[entity_id])
    with_status = published.having_ps_status(today).values_list("pk", flat=True)
    by_update = array("q", published.order_by(*BY_UPDATE).values_list("pk", flat=True))
    update_rank = array("q", bytes(8 * len(rows)))
    for rank, pk in enumerate(by_update):
        update_rank[position[pk]] = rank
    positions = array("i", [-1]) * (max(position, default=0) + 1)
    for pk, number in position.items():
        positions[pk] = number
    return FacetIndex(
        by_name=array("q", (row[0] for row in rows)),
        update_rank=update_rank,
        by_update=by_update,
        facets={key: bitmap_of(numbers, len(rows)) for key, numbers in members.items()},
        ps_status=bitmap_of((position[pk] for pk in with_status), len(rows)),
        positions=positions,
    )


# This worker's copy: ((registry version, day), index).
_current: tuple = (None, None)


def facet_index(version: str | None = None) -> FacetIndex | None:
    """The index of the registry as it is now (``version``: its version token, if the caller has read it), or
    None where the page cache is off (development without Redis, most tests): the SQL filters answer there,
    with nothing to keep up to date."""
    global _current
    if not settings.PAGE_CACHE:
        return None
    today = timezone.localdate()
    version = version or registry_version()
    key, index = _current
    if key != (version, today):
        packed = get_or_set_current(
            f"{INDEX_KEY}:{today.isoformat()}",
            lambda: pickle.dumps(build_index(today), pickle.HIGHEST_PROTOCOL),
            INDEX_SECONDS,
            single_flight=True,
            version=version,
        )
        index = pickle.loads(packed)
        _current = ((version, today), index)
    return index


def _filters(data: dict) -> dict:
    """The facet filters among a valid filter form's values (like the queryset, invalid values are ignored)."""
    return {name: data[name] for name in FACETS if data.get(name)}


def selection(filterset) -> tuple[FacetIndex, int] | None:
    """The index and the bitmap of the entities these filters (entities/filters.py) select, or None for a
    search or where there is no index. Like the queryset, it applies every filter whose value is valid and
    ignores the others."""
    if not filterset.is_bound:
        return None
    filterset.form.is_valid()
    data = filterset.form.cleaned_data
    if data.get("q"):
        return None
    index = facet_index(filterset.registry_version)
    if index is None:
        return None
    return index, index.select(_filters(data), bool(data.get("ps")))


def searched_keys(version: str, query: str, filters=None, ps_status=False, order=ORDER_RELEVANCE):
    """The published entities matching ``query`` (and the filters), best first or in ``order``, from the word
    and facet indexes; None where PostgreSQL answers (no word index, an identifier: entities/word_index.py)."""
    words = word_index(version)  # first: without it the facet index is not needed
    index = facet_index(version) if words is not None else None
    if index is None:
        return None
    filters = filters or {}
    selected = index.select(filters, ps_status)
    named = (tuple(sorted(filters.items())), ps_status)
    return search_keys(words, index, selected, query[:MAX_QUERY_LENGTH], order, version, named)


def selected_keys(filterset, sort: str | None = None):
    """The keys of the registry's list for these filters, in its order (``sort``, else the form's), from the
    indexes (``len()`` and slices), or None where PostgreSQL answers (see ``selection`` and ``searched_keys``)."""
    if not filterset.is_bound:
        return None
    filterset.form.is_valid()
    data = filterset.form.cleaned_data
    sort = sort or data.get("sort")
    if data.get("q"):
        order = {SORT_UPDATED: ORDER_UPDATE, SORT_NAME: ORDER_NAME}.get(sort, ORDER_RELEVANCE)
        return searched_keys(
            filterset.registry_version, data["q"], _filters(data), bool(data.get("ps")), order
        )
    selected = selection(filterset)
    if selected is None:
        return None
    index, bitmap = selected
    return index.keys(bitmap, by_update=sort == SORT_UPDATED)
