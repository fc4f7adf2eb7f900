"""The question list as the API serves it: filtered, paginated and cached per filter set for an
hour (the shared bank changes rarely), with the sample answers of unanswered questions withheld
per user after the cache."""

from __future__ import annotations

from typing import Any

from interview_platform.api.pagination import PageNumberPagination

from . import cache as question_cache
from .selectors import question_list, questions_answered_by
from .serializers import QuestionSerializer, withhold


def question_list_page(*, request, view, filters: dict[str, Any]) -> dict[str, Any]:
    """One page of `{count, next, previous, results}` for `request`'s user."""
    staff = request.user.is_staff
    include_inactive = staff and filters.get("is_active") is not None
    key = question_cache.list_key(
        category=filters.get("category"),
        difficulty=filters.get("difficulty"),
        params={
            **filters,
            "page": request.query_params.get("page"),
            "page_size": request.query_params.get("pageSize"),
            "host": request.get_host(),
            "include_inactive": include_inactive,
        },
    )

    def compute() -> dict:
        paginator = PageNumberPagination()
        # Filled from the primary: a lagging replica must not be cached for an hour.
        queryset = question_list(filters=filters, include_inactive=include_inactive).using(
            "default"
        )
        page = paginator.paginate_queryset(queryset, request, view=view)
        return paginator.get_paginated_response(QuestionSerializer(page, many=True).data).data

    body = dict(question_cache.get_or_set(key, compute))
    answered = (
        set()
        if staff
        else {
            str(pk)
            for pk in questions_answered_by(
                user=request.user, question_ids=[item["id"] for item in body["results"]]
            )
        }
    )
    body["results"] = [
        withhold(item, answered=str(item["id"]) in answered, staff=staff)
        for item in body["results"]
    ]
    return body
