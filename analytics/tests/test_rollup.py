"""The daily rollup: hand-computed rows, idempotent upsert, UTC day boundaries, refresh."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine

from analytics.models import UserAnalytics
from analytics.services import (
    user_analytics_refresh,
    user_analytics_rollup,
    user_analytics_rollup_range,
)
from analytics.tasks import analytics_rollup_task
from sessions_app.models import InterviewSession

from .factories import answer, completed_session

DAY = date(2025, 3, 9)


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, second, tzinfo=UTC)


def test_it_writes_one_hand_computed_row_per_active_user(user, other_client):
    session = completed_session(user, completed_at=at(9, 10), duration=600, answers=[40, 60])
    answer(user, at=at(9, 12), scores=(20, 20, 20, 20))
    answer(user, at=at(9, 13), status="failed")
    answer(other_client.user, at=at(9, 8), total=70)
    answer(other_client.user, at=at(8, 8), total=10)  # another day

    written = user_analytics_rollup(day=DAY)

    assert written == 2
    row = UserAnalytics.objects.get(user=user, date=DAY)
    assert row.sessions_completed == 1
    assert row.time_spent == 600
    assert row.questions_answered == 3
    assert row.score_total == 180  # 40 + 60 + 80
    assert row.average_score == 60.0
    # split(40) = (10, 10, 10, 10), split(60) = (15, 15, 15, 15), then 20 each: mean 15
    assert row.skill_breakdown["understanding"] == {
        "score": 15.0,
        "questions_count": 3,
        "trend": "stable",
        "trend_slope": None,  # three answers so far: below the five a trend needs
    }
    assert row.improvement_rate is None
    other = UserAnalytics.objects.get(user=other_client.user, date=DAY)
    assert (other.questions_answered, other.average_score, other.sessions_completed) == (1, 70, 0)
    assert session.user_id == user.pk


def test_running_it_twice_changes_nothing(user):
    completed_session(user, completed_at=at(9, 10), answers=[50])
    user_analytics_rollup(day=DAY)
    first = UserAnalytics.objects.get(user=user, date=DAY)

    user_analytics_rollup(day=DAY)

    again = UserAnalytics.objects.get(user=user, date=DAY)
    assert UserAnalytics.objects.count() == 1
    assert again.pk == first.pk
    assert (again.questions_answered, again.average_score) == (1, 50.0)


def test_a_day_without_activity_any_more_loses_its_row(user):
    session = completed_session(user, completed_at=at(9, 10), answers=[50])
    user_analytics_rollup(day=DAY)

    InterviewSession.objects.filter(pk=session.pk).delete()  # its answers go with it
    user_analytics_rollup(day=DAY)

    assert not UserAnalytics.objects.filter(user=user).exists()


def test_days_are_utc_days(user):
    answer(user, at=at(9, 23, 59, 59), total=30)
    answer(user, at=at(10, 0, 0, 0), total=90)

    user_analytics_rollup_range(first=date(2025, 3, 9), last=date(2025, 3, 10))

    rows = dict(UserAnalytics.objects.values_list("date", "average_score"))
    assert rows == {date(2025, 3, 9): 30.0, date(2025, 3, 10): 90.0}


def test_the_days_trend_looks_at_the_last_answers_up_to_that_day(user):
    # Six answers rising by 5 points a day, 1..6 March, then one on 9 March of 70.
    for day, score in zip(range(1, 7), (40, 45, 50, 55, 60, 65), strict=True):
        answer(user, at=at(day, 9), total=score)
    answer(user, at=at(9, 9), total=70)
    answer(user, at=at(10, 9), total=0)  # after the day: not part of its trend

    user_analytics_rollup(day=DAY)

    row = UserAnalytics.objects.get(user=user, date=DAY)
    assert row.improvement_rate == 5.0  # 40, 45, ..., 70: slope 5 per answer
    assert row.skill_breakdown["understanding"]["trend"] == "improving"


def test_refresh_rolls_up_the_day_and_the_day_before(user):
    # A session that started before midnight: one answer on each side.
    answer(user, at=at(8, 23, 50), total=40)
    answer(user, at=at(9, 0, 10), total=80)

    user_analytics_refresh(user_id=user.pk, day=DAY)

    rows = dict(UserAnalytics.objects.values_list("date", "questions_answered"))
    assert rows == {date(2025, 3, 8): 1, date(2025, 3, 9): 1}


@time_machine.travel(datetime(2025, 3, 11, 0, 20, tzinfo=UTC), tick=False)
def test_the_nightly_task_rolls_up_yesterday_and_the_day_before(user):
    for day in (8, 9, 10):
        answer(user, at=at(day, 12), total=50)

    assert analytics_rollup_task.delay().get() == 2

    assert sorted(UserAnalytics.objects.values_list("date", flat=True)) == [
        date(2025, 3, 9),
        date(2025, 3, 10),
    ]


@pytest.mark.django_db(transaction=True)
def test_completing_a_session_refreshes_its_day(user):
    """Through the sessions app: session_complete → on commit → user_analytics_refresh."""
    from sessions_app.services import session_complete
    from sessions_app.tests.factories import InterviewSessionFactory

    session = InterviewSessionFactory(user=user, status="active")
    # Answered now, not minutes ago: within five minutes after midnight (UTC) the answer fell on
    # the day before and the refresh wrote a row for each day.
    answer(user, at=datetime.now(UTC), total=75, session=session)

    session_complete(user=user, session_id=session.pk)

    session.refresh_from_db()
    row = UserAnalytics.objects.get(user=user, date=session.completed_at.date())
    assert row.sessions_completed == 1
    assert row.questions_answered == 1
    assert row.average_score == 75.0
