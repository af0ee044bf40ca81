from rest_framework import pagination

from wortal.pagination import DeferredJoinPaginator


class Pagination(pagination.PageNumberPagination):
    """Numbered pages of 50 (``page_size`` up to 200); the answer carries ``count``, ``next`` and ``previous``.

    Counted once per query until the content changes, and deep pages read by a deferred join, as the
    registry's own list (wortal/pagination.py).
    """

    django_paginator_class = DeferredJoinPaginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
