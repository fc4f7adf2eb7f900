from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination as _PageNumberPagination

from .params import query_param


def _page_number(value: str | None, name: str, *, maximum: int | None = None) -> int | None:
    """A positive integer query parameter, or None when absent; anything else is refused (400)
    rather than replaced by a default, so a client's typo is not answered with another page."""
    if value is None:
        return None
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise ValidationError({name: [_("Enter a whole number of at least 1.")]})
    if maximum is not None and int(value) > maximum:
        raise ValidationError(
            {name: [_("Ensure this value is at most %(maximum)s.") % {"maximum": maximum}]}
        )
    return int(value)


class PageNumberPagination(_PageNumberPagination):
    """`{count, next, previous, results}`; `?page=` (from 1; past the last page answers 404) and
    `?pageSize=` (1 to 100; `page_size` is its snake_case alias). An invalid value answers 400."""

    page_size = 20
    page_size_query_param = "pageSize"
    max_page_size = 100
    last_page_strings = ()

    def get_page_size(self, request):
        size = _page_number(
            query_param(request, self.page_size_query_param),
            self.page_size_query_param,
            maximum=self.max_page_size,
        )
        return size or self.page_size

    def get_page_number(self, request, paginator):
        return _page_number(query_param(request, self.page_query_param), "page") or 1
