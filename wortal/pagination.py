"""A paginator for long public lists: counts kept until the content changes, deep pages by a deferred join.

``Paginator`` slices the whole query with ``OFFSET``: page 4,000 of 100,000 entities makes PostgreSQL build
and throw away 80,000 full rows (joins, every column) before the 20 it shows. Here the offset walks only the
primary keys in the list's order (an index-only scan when an index covers the filter and the order, see
``entity_state_name_cover_idx``) and the full rows are read for the page's keys alone:

    SELECT id FROM entity WHERE <filters> ORDER BY name, id LIMIT 20 OFFSET 80000   -- index-only
    SELECT … FROM entity JOIN … WHERE <filters> AND id IN (<those 20>)              -- 20 full rows

Same rows, same order as plain ``OFFSET``, so page addresses stay shareable and stable (tested in
tests/wortal/test_pagination.py). The count is cached per query (its SQL and parameters) until the next
content change (wortal/cache.py; or of ``version``, what the list depends on if narrower, such as the
registry's version token), so paging through a list or a common search word counts once.

``keep_order=True`` (the registry's searches, and its filtered lists where the facet index is off) goes one step further: ranking ~19,000 matches
of a common word costs PostgreSQL a few hundred milliseconds however few of them are shown, and a filter that
no index orders (a PS status, a powiat) is read in name order row by row, so the whole ordered list of keys is
read once, kept (packed, compressed) until the next content change, and counted and sliced from there. One
query instead of a count and a page, and every further page of that list needs neither. Only one worker
reads it after a change (``single_flight``); the others wait for its result.

Where the page cache runs (production), the registry's lists without a search are paged from memory instead
(entities/facets.py, with ``KeysPaginator`` below): this paginator serves searches and the other long lists.

``rows(keys)`` builds what a page shows from its keys (the registry's cards, entities/cards.py); by default
the queryset's own rows.
"""

import hashlib
import zlib
from array import array

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from wortal.cache import get_or_set_current

COUNT_SECONDS = 600
# Beyond this many results the ordered keys are not kept (a few hundred KB); the deferred join pages them.
MAX_KEPT_KEYS = 50_000


def _query_key(prefix, queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    return prefix + hashlib.sha256(repr((sql, params)).encode()).hexdigest()


def rows_in_order(queryset, keys) -> list:
    """The queryset's rows with those primary keys, in the keys' order (one query, none for no keys)."""
    if not keys:
        return []
    position = {key: index for index, key in enumerate(keys)}
    return sorted(queryset.filter(pk__in=keys).order_by(), key=lambda row: position[row.pk])


class DeferredJoinPaginator(Paginator):
    def __init__(self, object_list, per_page, *, rows=None, keep_order=False, version=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.rows = rows or self._queryset_rows
        self.keep_order = keep_order
        # What the list depends on, if narrower than the whole content (``get_or_set_current``'s version).
        self.version = version

    def _kept(self, prefix, compute):
        packed = get_or_set_current(
            _query_key(prefix, self.object_list),
            compute,
            COUNT_SECONDS,
            single_flight=True,
            version=self.version,
        )
        if not packed:
            return None
        keys = array("q")
        keys.frombytes(zlib.decompress(packed))
        return keys

    @cached_property
    def ordered_keys(self) -> array | None:
        """Every key in the list's order, when kept (see the module's docstring), else None."""
        if not (self.keep_order and settings.PAGE_CACHE):
            return None
        queryset = self.object_list

        def compute():
            keys = list(queryset.values_list("pk", flat=True)[: MAX_KEPT_KEYS + 1])
            if len(keys) > MAX_KEPT_KEYS:
                return b""  # too many: remembered as such, and paged by the deferred join
            return zlib.compress(array("q", keys).tobytes())

        return self._kept("order:", compute)

    @cached_property
    def count(self):
        if self.ordered_keys is not None:
            return len(self.ordered_keys)
        queryset = self.object_list
        if not settings.PAGE_CACHE:
            return queryset.count()
        return get_or_set_current(
            _query_key("count:", queryset.order_by()), queryset.count, COUNT_SECONDS, version=self.version
        )

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if top <= bottom:
            keys = []  # nothing to show (an empty list's first page)
        elif self.ordered_keys is not None:
            keys = self.ordered_keys[bottom:top].tolist()
        else:
            # Two steps rather than ``pk__in=<subquery>``: raw SQL in a filter (the search's tsquery) names
            # the table, which inside a subquery would point at the outer query.
            keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        return self._get_page(self.rows(keys), number, self)

    def _queryset_rows(self, keys):
        return rows_in_order(self.object_list, keys)


class KeysPaginator(Paginator):
    """Pages of a list whose ordered keys are known without a query (``len()`` and slices are cheap, as for
    entities/facets.py); ``rows(keys)`` builds what a page shows from its keys."""

    def __init__(self, keys, per_page, *, rows, **kwargs):
        super().__init__(keys, per_page, **kwargs)
        self.rows = rows

    def _get_page(self, keys, number, paginator):
        return super()._get_page(self.rows(list(keys)), number, paginator)
