from rest_framework import pagination


class Pagination(pagination.PageNumberPagination):
    """Numbered pages of 50 (``page_size`` up to 200); the answer carries ``count``, ``next`` and ``previous``."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
