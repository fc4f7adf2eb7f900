from djangorestframework_camel_case.util import underscoreize


def query_params(request) -> dict:
    """Query parameters with camelCase names (`pageSize`, `isActive`) read as snake_case."""
    return underscoreize(request.query_params.dict())
