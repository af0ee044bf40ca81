"""A paginator for long public lists: counts kept until the content changes, deep pages by a deferred join.

``Paginator`` slices the whole query with ``OFFSET``: page 4,000 of 100,000 entities makes PostgreSQL build
and throw away 80,000 full rows (joins, every column) before the 20 it shows. Here the offset walks only the
primary keys in the list's order (an index-only scan when an index covers the filter and the order, see
``entity_state_name_id_idx``) and the full rows are read for the page's keys alone:

    SELECT id FROM entity WHERE <filters> ORDER BY name, id LIMIT 20 OFFSET 80000   -- index-only
    SELECT … FROM entity JOIN … WHERE <filters> AND id IN (<those 20>)              -- 20 full rows

Same rows, same order as plain ``OFFSET``, so page addresses stay shareable and stable (tested in
tests/wortal/test_pagination.py). The count is cached per query (its SQL and parameters) until the next
content change (wortal/cache.py), so paging through a list or a common search word counts once.
"""

import hashlib

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from wortal.cache import get_or_set_current

COUNT_SECONDS = 600


class DeferredJoinPaginator(Paginator):
    def __init__(self, object_list, per_page, **kwargs):
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def count(self):
        queryset = self.object_list
        if not settings.PAGE_CACHE:
            return queryset.count()
        sql, params = queryset.order_by().query.sql_with_params()
        key = "count:" + hashlib.sha256(repr((sql, params)).encode()).hexdigest()
        return get_or_set_current(key, queryset.count, COUNT_SECONDS)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        queryset = self.object_list
        # Two steps rather than ``pk__in=<subquery>``: raw SQL in a filter (the search's tsquery) names the
        # table, which inside a subquery would point at the outer query.
        keys = list(queryset.values_list("pk", flat=True)[bottom:top])
        position = {key: index for index, key in enumerate(keys)}
        rows = (
            sorted(queryset.filter(pk__in=keys).order_by(), key=lambda row: position[row.pk]) if keys else []
        )
        return self._get_page(rows, number, self)
