from collections.abc import Callable, Sequence
from typing import NamedTuple

from rest_framework import pagination

from wortal.pagination import DeferredJoinPaginator, KeysPaginator


class IndexedList(NamedTuple):
    """A list whose ordered keys are known without a query (api/entity_pages.py) and how to show a page."""

    keys: Sequence[int]
    rows: Callable[[list[int]], list]


def _paginator(object_list, per_page):
    if isinstance(object_list, IndexedList):
        return KeysPaginator(object_list.keys, per_page, rows=object_list.rows)
    return DeferredJoinPaginator(object_list, per_page)


class Pagination(pagination.PageNumberPagination):
    """Numbered pages of 50 (``page_size`` up to 200); the answer carries ``count``, ``next`` and ``previous``.

    Counted once per query until the content changes, and deep pages read by a deferred join, as the
    registry's own list (wortal/pagination.py); or paged from the indexes, given an ``IndexedList``.
    """

    django_paginator_class = staticmethod(_paginator)
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
