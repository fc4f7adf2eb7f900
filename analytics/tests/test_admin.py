"""Staff endpoints (/api/admin/users, /api/admin/analytics) and the admin's analytics page."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from accounts.tests.factories import UserFactory
from analysis.models import AnalysisResult
from analytics.selectors.platform import percentiles
from sessions_app.tests.factories import InterviewSessionFactory

from .factories import answer, completed_session

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
ANALYTICS = reverse("admin-analytics")
USERS = reverse("admin-user-list")


def at(day: int, hour: int) -> datetime:
    return datetime(2025, 3, day, hour, 0, tzinfo=UTC)


def started(user, when, status):
    session = InterviewSessionFactory(user=user, status=status)
    type(session).objects.filter(pk=session.pk).update(created_at=when)
    return session


@pytest.fixture
def platform(db):
    """8 Mar: ann completes a session (answers 60, 80) and bob abandons one; 9 Mar: bob answers
    in free practice (40, preliminary) and one analysis fails; cat starts a session that is
    still active. AI latencies of the completed, non-preliminary analyses: 100, 300 ms; the
    preliminary one 5000 ms (excluded); a 900 ms one on 7 Mar is outside the range."""
    ann, bob, cat = UserFactory(), UserFactory(), UserFactory()
    session = completed_session(ann, completed_at=at(8, 10), duration=600, answers=[60, 80])
    latencies = iter([100, 300])
    for result in AnalysisResult.objects.filter(session=session).order_by("created_at"):
        result.ai_analysis = {"model": "gpt", "processingTime": next(latencies)}
        result.save(update_fields=["ai_analysis"])
    started(bob, at(8, 11), "abandoned")
    answer(
        bob,
        at=at(9, 9),
        total=40,
        category="marketing",
        preliminary=True,
        ai_analysis={"model": "offline", "processingTime": 5000, "fallbackReason": "timeout"},
    )
    answer(bob, at=at(9, 10), status="failed")
    started(cat, at(9, 12), "active")
    answer(cat, at=at(7, 9), total=10, ai_analysis={"processingTime": 900})
    return ann, bob, cat


@time_machine.travel(NOW, tick=False)
def test_platform_analytics_by_hand(staff_client, platform):
    body = staff_client.get(ANALYTICS, {"from": "2025-03-08", "to": "2025-03-10"}).json()

    assert body["days"] == [
        {"date": "2025-03-08", "activeUsers": 2, "sessionsStarted": 2, "sessionsCompleted": 1},
        {"date": "2025-03-09", "activeUsers": 2, "sessionsStarted": 1, "sessionsCompleted": 0},
        {"date": "2025-03-10", "activeUsers": 0, "sessionsStarted": 0, "sessionsCompleted": 0},
    ]
    assert (body["sessionsStarted"], body["sessionsCompleted"], body["sessionsAbandoned"]) == (
        3,
        1,
        1,
    )
    assert body["completionRate"] == 0.5  # 1 completed / (1 completed + 1 abandoned)
    assert body["averageScoreByCategory"] == [
        {"category": "marketing", "averageScore": 40.0, "answers": 1},
        {"category": "software_engineering", "averageScore": 70.0, "answers": 2},
    ]
    assert body["ai"] == {
        "analyses": 4,
        "completed": 3,
        "failed": 1,
        "preliminary": 1,
        "latencyP50Ms": 200.0,  # between 100 and 300
        "latencyP95Ms": 290.0,  # 100 + 0.95 x (300 - 100)
        "fallbackRate": 0.3333,
        "failureRate": 0.25,
    }
    assert body["usersTotal"] == 4  # three users and the staff member
    assert body["usersNew"] == 0


def test_percentiles_interpolate_like_percentile_cont(db, user):
    for ms in (100, 200, 300, 400, 1000):
        answer(user, ai_analysis={"processingTime": ms})
    from django.db.models import IntegerField
    from django.db.models.fields.json import KeyTextTransform
    from django.db.models.functions import Cast

    latency = Cast(KeyTextTransform("processingTime", "ai_analysis"), IntegerField())

    # p50: the middle value; p95: position 0.95 x 4 = 3.8 → 400 + 0.8 x 600 = 880.
    assert percentiles(AnalysisResult.objects.all(), latency, [0.5, 0.95]) == pytest.approx(
        [300, 880]
    )
    assert percentiles(AnalysisResult.objects.none(), latency, [0.5]) == [None]


def test_platform_analytics_is_for_staff_only(auth_client, api_client, db):
    assert auth_client.get(ANALYTICS).status_code == 403
    assert api_client.get(ANALYTICS).status_code == 401


def test_platform_analytics_refuses_more_than_a_year(staff_client):
    response = staff_client.get(ANALYTICS, {"from": "2023-01-01", "to": "2025-01-01"})

    assert response.status_code == 400


@time_machine.travel(NOW, tick=False)
def test_the_user_list_shows_each_users_totals(staff_client, platform):
    ann = platform[0]

    body = staff_client.get(USERS, {"search": ann.email}).json()

    assert body["count"] == 1
    row = body["results"][0]
    assert row["email"] == ann.email
    assert (row["sessionsCompleted"], row["questionsAnswered"], row["averageScore"]) == (1, 2, 70.0)
    assert row["lastAnsweredAt"].startswith("2025-03-08")
    assert row["isActive"] is True


def test_the_user_list_filters_and_pages(staff_client, db):
    for _ in range(3):
        UserFactory(role="admin")
    UserFactory(is_active=False)

    admins = staff_client.get(USERS, {"role": "admin", "pageSize": 2}).json()
    inactive = staff_client.get(USERS, {"isActive": "false"}).json()

    assert admins["count"] == 4  # three and the staff member
    assert len(admins["results"]) == 2
    assert admins["next"] is not None
    assert inactive["count"] == 1
    assert staff_client.get(USERS, {"ordering": "password"}).status_code == 400


def test_the_user_list_is_for_staff_only(auth_client):
    assert auth_client.get(USERS).status_code == 403


@time_machine.travel(NOW, tick=False)
def test_the_admin_page_draws_the_charts(client, staff_user, platform):
    client.force_login(staff_user)

    index = client.get(reverse("admin:index"))
    page = client.get(reverse("admin:analytics_platformanalytics_changelist"), {"days": 7})

    assert reverse("admin:analytics_platformanalytics_changelist") in index.content.decode()
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("<svg viewBox") == 3
    assert 'class="bar"' in html
    assert "Marketing" in html
    assert "50%" in html  # the completion rate


def test_the_admin_page_is_refused_to_non_staff(client, user):
    client.force_login(user)

    response = client.get(reverse("admin:analytics_platformanalytics_changelist"))

    assert response.status_code == 302  # to the admin login
