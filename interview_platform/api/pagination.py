from rest_framework.pagination import PageNumberPagination as _PageNumberPagination


class PageNumberPagination(_PageNumberPagination):
    """`{count, next, previous, results}`; `?page=` and `?pageSize=` (at most 100)."""

    page_size = 20
    page_size_query_param = "pageSize"
    max_page_size = 100
