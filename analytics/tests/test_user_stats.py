"""GET /api/analytics/user-stats against hand-computed values."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from sessions_app.tests.factories import InterviewSessionFactory

from .factories import answer, completed_session

URL = reverse("analytics-user-stats")
NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def history(user):
    """Scored answers in time order: 50, 70 (session 1, 8 March), 40, 50, 60 (marketing, free
    practice, 9 March), 80 (session 2, 10 March); a failed analysis and an abandoned session."""
    completed_session(user, completed_at=at(8, 10), duration=600, answers=[50, 70])
    for hour, score in ((10, 40), (11, 50), (12, 60)):
        answer(user, at=at(9, hour), total=score, category="marketing")
    answer(user, at=at(9, 13), status="failed")
    completed_session(user, completed_at=at(10, 9), duration=900, answers=[80])
    InterviewSessionFactory(user=user, status="abandoned", duration=300)
    return user


@time_machine.travel(NOW, tick=False)
def test_it_reports_hand_computed_totals(auth_client, history):
    response = auth_client.get(URL)

    assert response.status_code == 200
    assert response.json() == {
        "sessionsCompleted": 2,
        # (50 + 70 + 40 + 50 + 60 + 80) / 6
        "averageScore": 58.33,
        "timeSpent": 1500,
        "questionsAnswered": 6,
        # x - x̄ = -2.5..2.5; Σ(x - x̄)·y = -125 - 105 - 20 + 25 + 90 + 200 = 65; Σ(x - x̄)² = 17.5
        "improvementRate": 3.71,
        "bestCategory": {
            "category": "software_engineering",
            "averageScore": 66.67,
            "questionsCount": 3,
        },
        "weakestCategory": {"category": "marketing", "averageScore": 50.0, "questionsCount": 3},
        "currentStreak": 3,
        "lastAnsweredAt": "2025-03-10T08:52:30Z",
        "timezone": "UTC",
        "depth": {"followUpsAnswered": 0, "averageFollowUpScore": None, "holdUp": None},
    }


@time_machine.travel(NOW, tick=False)
def test_a_new_user_has_empty_stats(auth_client):
    body = auth_client.get(URL).json()

    assert body["sessionsCompleted"] == 0
    assert body["averageScore"] is None
    assert body["improvementRate"] is None
    assert body["bestCategory"] is None
    assert body["weakestCategory"] is None
    assert body["currentStreak"] == 0


@time_machine.travel(NOW, tick=False)
def test_a_category_needs_three_answers_to_be_best(auth_client, user):
    answer(user, at=at(9, 10), total=90, category="design")
    answer(user, at=at(9, 11), total=90, category="design")
    for hour in (12, 13, 14):
        answer(user, at=at(9, hour), total=50)

    body = auth_client.get(URL).json()

    assert body["bestCategory"]["category"] == "software_engineering"
    assert body["weakestCategory"] is None


@time_machine.travel(datetime(2025, 3, 10, 3, 0, tzinfo=UTC), tick=False)
def test_the_streak_counts_days_in_the_requested_time_zone(auth_client, user):
    # 8 Mar 16:00 UTC is 9 Mar 01:00 in Seoul; 9 Mar 14:00 UTC is 9 Mar 23:00 in Seoul.
    answer(user, at=datetime(2025, 3, 8, 16, 0, tzinfo=UTC))
    answer(user, at=datetime(2025, 3, 9, 14, 0, tzinfo=UTC))

    in_utc = auth_client.get(URL).json()
    in_seoul = auth_client.get(URL, {"timezone": "Asia/Seoul"}).json()

    assert in_utc["currentStreak"] == 2  # 8 and 9 March; today (10th) not over yet
    assert in_seoul["currentStreak"] == 1  # both on 9 March, Seoul time
    assert in_seoul["timezone"] == "Asia/Seoul"


def test_it_refuses_an_unknown_time_zone(auth_client):
    response = auth_client.get(URL, {"timezone": "Mars/Olympus"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json()["error"]["details"]["fields"]["timezone"] == ["Unknown time zone."]


def test_it_refuses_an_unknown_time_zone_in_the_users_language(auth_client):
    response = auth_client.get(URL, {"timezone": "Mars/Olympus"})  # the user reads Korean

    assert response.json()["error"]["details"]["fields"]["timezone"] == ["알 수 없는 시간대입니다."]


def test_it_needs_authentication(api_client, db):
    assert api_client.get(URL).status_code == 401


@time_machine.travel(NOW, tick=False)
def test_other_users_data_does_not_count(auth_client, other_client, history):
    body = other_client.get(URL).json()

    assert body["questionsAnswered"] == 0
    assert body["sessionsCompleted"] == 0
