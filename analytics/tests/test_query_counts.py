"""Every analytics endpoint runs the same number of queries for a small and a large history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tests.factories import UserFactory
from analytics.services import user_analytics_rollup_range

from .factories import answer, completed_session

START = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
CATEGORIES = ["software_engineering", "marketing", "design"]
TYPES = ["behavioral", "technical", "situational"]

# (url name, query parameters, the most queries it may run: auth and savepoints included)
ENDPOINTS = [
    ("analytics-user-stats", {}, 8),
    ("analytics-progress", {"from": "2025-01-01", "to": "2025-03-31"}, 6),
    ("analytics-progress", {"from": "2025-01-01", "to": "2025-03-31", "timezone": "Asia/Seoul"}, 6),
    ("analytics-progress", {"period": "week", "from": "2025-01-01", "to": "2025-03-31"}, 6),
    ("analytics-skills", {}, 10),
    ("analytics-benchmarks", {"category": "software_engineering"}, 8),
    ("analytics-export", {}, 5),
]


def history(user, sessions: int) -> None:
    for n in range(sessions):
        when = START + timedelta(days=n % 80, hours=n % 5)
        completed_session(
            user,
            completed_at=when,
            category=CATEGORIES[n % 3],
            answers=[40 + (n * 7) % 50, 50 + (n * 3) % 40],
        )
        answer(
            user,
            at=when + timedelta(hours=1),
            total=30 + n % 60,
            category=CATEGORIES[n % 3],
            type=TYPES[n % 3],
            improvements=[f'Your result "{n}" has no figure.', "Missing: any figure."],
        )
    for _ in range(sessions // 5):
        peer = UserFactory()
        for k in range(5):
            answer(peer, at=START + timedelta(hours=k), total=50 + k)


def count_queries(client, name: str, params: dict) -> int:
    cache.clear()  # measure the uncached path: the cached one only runs fewer
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(name), params)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize(("name", "params", "limit"), ENDPOINTS)
def test_query_count_does_not_grow_with_the_data(
    auth_client, user, name, params, limit, django_assert_max_num_queries
):
    history(user, 10)
    user_analytics_rollup_range(first=date(2025, 1, 1), last=date(2025, 3, 31))
    small = count_queries(auth_client, name, params)

    history(user, 30)
    user_analytics_rollup_range(first=date(2025, 1, 1), last=date(2025, 3, 31))
    with django_assert_max_num_queries(limit):
        large = count_queries(auth_client, name, params)

    assert large == small


def test_the_staff_endpoints_do_not_grow_either(staff_client, user, django_assert_max_num_queries):
    history(user, 3)
    params = {"from": "2025-01-01", "to": "2025-03-31"}
    small_users = count_queries(staff_client, "admin-user-list", {})
    small_platform = count_queries(staff_client, "admin-analytics", params)

    history(user, 30)
    with django_assert_max_num_queries(14):
        large_platform = count_queries(staff_client, "admin-analytics", params)
    large_users = count_queries(staff_client, "admin-user-list", {})

    assert (large_users, large_platform) == (small_users, small_platform)
