"""The dashboard: recent sessions with their scores and a simple progress chart."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sessions_app.tests.factories import InterviewSessionFactory
from web.selectors import dashboard_get

pytestmark = pytest.mark.django_db


def _completed(user, score, days_ago, **fields):
    session = InterviewSessionFactory(
        user=user,
        status="completed",
        total_score=score,
        completed_at=timezone.now() - timedelta(days=days_ago),
        **fields,
    )
    # created_at is auto_now_add: set it afterwards so the order is the test's.
    type(session).objects.filter(pk=session.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return session


def test_a_new_user_is_invited_to_start(browser):
    page = browser.get(reverse("web:dashboard")).content.decode()
    assert "No sessions yet." in page
    assert f'href="{reverse("web:start")}"' in page


def test_scores_show_oldest_first_with_links_to_reports(browser):
    sessions = [
        _completed(browser.user, score, days) for score, days in ((55, 3), (70, 2), (82, 1))
    ]
    page = browser.get(reverse("web:dashboard")).content.decode()
    chart = page[page.index('class="chart"') : page.index("</ol>", page.index('class="chart"'))]
    positions = [chart.index(reverse("web:report", args=[s.pk])) for s in sessions]
    assert positions == sorted(positions)
    assert "pct-82" in chart
    assert "Recent sessions" in page
    assert "Sessions completed" in page


def test_an_active_session_is_offered_first(browser):
    active = InterviewSessionFactory(user=browser.user)
    page = browser.get(reverse("web:dashboard")).content.decode()
    assert "Session in progress" in page
    assert f'href="{reverse("web:practice", args=[active.pk])}"' in page


def test_an_expired_session_is_not_offered(browser):
    InterviewSessionFactory(user=browser.user, expires_at=timezone.now() - timedelta(minutes=1))
    assert dashboard_get(user=browser.user)["active_session"] is None


def test_other_users_sessions_never_show(browser):
    other = InterviewSessionFactory(status="completed", total_score=99)
    page = browser.get(reverse("web:dashboard")).content.decode()
    assert str(other.pk) not in page
    assert dashboard_get(user=browser.user)["stats"]["sessions_completed"] == 0
