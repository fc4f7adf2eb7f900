"""Query parameters are camelCase (`pageSize`, `isActive`, `fromDate`), like the bodies; each
also answers to its snake_case spelling (`page_size`, `is_active`, `from_date`). The schema lists
the camelCase names only (`openapi.document_errors` camelizes them) and says so once."""

from djangorestframework_camel_case.util import camel_to_underscore, underscoreize


class QueryParams(dict):
    """Query parameters read for a serializer: text, so `strict_types` converts them."""


def query_params(request) -> QueryParams:
    """Query parameters with camelCase names (`pageSize`, `isActive`) read as snake_case."""
    return QueryParams(underscoreize(request.query_params.dict()))


def query_param(request, name: str) -> str | None:
    """One parameter by its camelCase `name`, or by its snake_case alias."""
    params = request.query_params
    if name in params:
        return params.get(name)
    return params.get(camel_to_underscore(name))
