"""The volume data generator at a tiny scale: counts, the heavy user, rollups, idempotence."""

from __future__ import annotations

import io

from django.core.management import call_command

from accounts.models import User
from analysis.models import AnalysisResult
from analytics.models import UserAnalytics
from sessions_app.models import InterviewSession, SessionQuestion


def test_it_generates_the_requested_volume(db):
    out = io.StringIO()
    call_command(
        "generate_analytics_data",
        "--users",
        "20",
        "--sessions",
        "80",
        "--results",
        "400",
        "--heavy-sessions",
        "30",
        "--days",
        "30",
        stdout=out,
    )

    heavy = User.objects.get(email="analytics.heavy@example.com")
    assert heavy.check_password("Generated-Analytics-Data-2024!")
    assert User.objects.filter(email__endswith="@gen.example.com").count() == 19
    assert InterviewSession.objects.count() == 80
    assert InterviewSession.objects.filter(user=heavy).count() == 30
    results = AnalysisResult.objects.count()
    assert results == SessionQuestion.objects.count()
    assert 80 <= results <= 400
    # Scores add up (the model's constraint) and land in range; some failed, none pending.
    assert not AnalysisResult.objects.filter(status="pending").exists()
    assert UserAnalytics.objects.filter(user=heavy).exists()
    assert "rollups:" in out.getvalue()

    again = io.StringIO()
    call_command("generate_analytics_data", "--heavy-sessions", "30", stdout=again)
    assert "nothing to do" in again.getvalue()
    assert InterviewSession.objects.count() == 80
