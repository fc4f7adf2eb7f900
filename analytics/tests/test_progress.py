"""GET /api/analytics/progress: buckets by day and week, rollups for finished days, time zones."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from analytics.services import user_analytics_rollup

from .factories import answer, completed_session

URL = reverse("analytics-progress")
NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)  # a Monday


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def history(user):
    """8 Mar: a 600 s session with answers 50 and 70; 9 Mar: free answers 40, 50, 60;
    10 Mar (today): a 900 s session with an answer of 80. Finished days are rolled up."""
    completed_session(user, completed_at=at(8, 10), duration=600, answers=[50, 70])
    for hour, score in ((10, 40), (11, 50), (12, 60)):
        answer(user, at=at(9, hour), total=score, category="marketing")
    completed_session(user, completed_at=at(10, 9), duration=900, answers=[80])
    for day in (8, 9):
        user_analytics_rollup(day=date(2025, 3, day))
    return user


def bucket(start, end, average, sessions, answers, time):
    return {
        "start": start,
        "end": end,
        "averageScore": average,
        "sessionsCompleted": sessions,
        "questionsAnswered": answers,
        "timeSpent": time,
    }


@time_machine.travel(NOW, tick=False)
def test_daily_buckets_include_empty_days(auth_client, history):
    response = auth_client.get(URL, {"from": "2025-03-07", "to": "2025-03-11"})

    assert response.status_code == 200
    assert response.json() == {
        "period": "day",
        "from": "2025-03-07",
        "to": "2025-03-11",
        "timezone": "UTC",
        "buckets": [
            bucket("2025-03-07", "2025-03-07", None, 0, 0, 0),
            bucket("2025-03-08", "2025-03-08", 60.0, 1, 2, 600),
            bucket("2025-03-09", "2025-03-09", 50.0, 0, 3, 0),
            bucket("2025-03-10", "2025-03-10", 80.0, 1, 1, 900),
            bucket("2025-03-11", "2025-03-11", None, 0, 0, 0),
        ],
    }


@time_machine.travel(NOW, tick=False)
def test_weekly_buckets_are_whole_iso_weeks(auth_client, history):
    body = auth_client.get(URL, {"period": "week", "from": "2025-03-05", "to": "2025-03-12"}).json()

    assert body["from"] == "2025-03-03"
    assert body["to"] == "2025-03-16"
    assert body["buckets"] == [
        # 50 + 70 + 40 + 50 + 60 = 270 over 5 answers
        bucket("2025-03-03", "2025-03-09", 54.0, 1, 5, 600),
        bucket("2025-03-10", "2025-03-16", 80.0, 1, 1, 900),
    ]


@time_machine.travel(NOW, tick=False)
def test_finished_days_come_from_rollups_and_today_is_live(auth_client, history, user):
    # Late data for a finished day is seen once that day is rolled up again; today at once.
    answer(user, at=at(9, 20), total=100)
    answer(user, at=at(10, 11), total=60)
    params = {"from": "2025-03-09", "to": "2025-03-10"}

    before = auth_client.get(URL, params).json()["buckets"]
    user_analytics_rollup(day=date(2025, 3, 9))
    after = auth_client.get(URL, params).json()["buckets"]

    assert before[0]["questionsAnswered"] == 3
    assert after[0]["questionsAnswered"] == 4
    assert after[0]["averageScore"] == 62.5  # (40 + 50 + 60 + 100) / 4
    assert before[1]["questionsAnswered"] == after[1]["questionsAnswered"] == 2
    assert before[1]["averageScore"] == 70.0  # (80 + 60) / 2


@time_machine.travel(NOW, tick=False)
def test_days_are_counted_in_the_requested_time_zone(auth_client, user):
    # 9 Mar 16:00 UTC is 10 Mar 01:00 in Seoul (UTC+9); 9 Mar 14:59 UTC is 23:59 in Seoul.
    answer(user, at=at(9, 16), total=90)
    answer(user, at=at(9, 14, 59), total=30)
    user_analytics_rollup(day=date(2025, 3, 9))
    params = {"from": "2025-03-09", "to": "2025-03-10"}

    utc = auth_client.get(URL, params).json()["buckets"]
    seoul = auth_client.get(URL, {**params, "timezone": "Asia/Seoul"}).json()["buckets"]

    assert [b["questionsAnswered"] for b in utc] == [2, 0]
    assert [b["averageScore"] for b in utc] == [60.0, None]
    assert [b["questionsAnswered"] for b in seoul] == [1, 1]
    assert [b["averageScore"] for b in seoul] == [30.0, 90.0]


@time_machine.travel(NOW, tick=False)
def test_an_empty_range_has_empty_buckets(auth_client):
    body = auth_client.get(URL, {"from": "2025-03-01", "to": "2025-03-03"}).json()

    assert [b["averageScore"] for b in body["buckets"]] == [None, None, None]
    assert {b["questionsAnswered"] for b in body["buckets"]} == {0}


@time_machine.travel(NOW, tick=False)
def test_the_default_range_is_the_last_30_days(auth_client):
    body = auth_client.get(URL).json()

    assert body["from"] == "2025-02-09"
    assert body["to"] == "2025-03-10"
    assert len(body["buckets"]) == 30


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2025-03-10", "to": "2025-03-01"}, "from"),
        ({"from": "2020-01-01", "to": "2025-03-01"}, "from"),
        ({"period": "month"}, "period"),
        ({"from": "yesterday"}, "from"),
    ],
)
def test_it_refuses_bad_parameters(auth_client, params, field):
    response = auth_client.get(URL, params)

    assert response.status_code == 400
    assert field in response.json()["error"]["details"]["fields"]
