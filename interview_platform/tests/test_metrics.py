"""/metrics: the spec's five APIMetrics families after real traffic, only with its token."""

from __future__ import annotations

import pytest
from django.urls import reverse

from questions.tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = (
    "I led the migration of our billing jobs to Celery. I split the monolith task into "
    "idempotent steps, added retries with backoff, and cut failed runs from 40 to 2 a week."
)
FAMILIES = {
    "responseTime": "interview_http_request_duration_seconds_count",
    "throughput": "interview_http_requests_total",
    "errorRate": "interview_http_errors_total",
    "aiServiceLatency": "interview_ai_provider_latency_seconds_count",
    "databaseLatency": "interview_db_query_duration_seconds_count",
}


def scrape(client, token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.get(reverse("metrics"), **headers)


def samples(text: str, name: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(name)]


def test_metrics_show_the_five_api_metrics_after_requests_and_an_analysis(
    auth_client, client, settings
):
    settings.METRICS_TOKEN = "scrape-me"
    settings.AI_PROVIDER = "offline"
    assert auth_client.get(reverse("ping")).status_code == 200
    assert auth_client.get("/api/no-such-endpoint").status_code == 404
    question = QuestionFactory(language="en")
    response = auth_client.post(
        reverse("analysis-answer"),
        {"questionId": str(question.id), "answer": ANSWER},
        format="json",
    )
    assert response.status_code == 202  # the task ran in this process (eager)

    page = scrape(client, "scrape-me")
    assert page.status_code == 200
    text = page.content.decode()
    for spec_name, metric in FAMILIES.items():
        assert samples(text, metric), f"{spec_name}: no {metric} samples"
    assert any(
        'route="api/analysis/answer"' in s and 'status="202"' in s
        for s in samples(text, "interview_http_requests_total")
    )
    assert any('status="404"' in s for s in samples(text, "interview_http_errors_total"))
    assert any(
        'provider="offline"' in s and 'outcome="ok"' in s
        for s in samples(text, "interview_ai_provider_latency_seconds_count")
    )
    assert 'interview_analyses{status="completed"} 1.0' in text


def test_metrics_are_refused_without_their_token_and_off_without_one(client, settings):
    settings.METRICS_TOKEN = "scrape-me"
    assert scrape(client).status_code == 401
    assert scrape(client, "wrong").status_code == 401
    settings.METRICS_TOKEN = ""
    assert scrape(client, "scrape-me").status_code == 404


def _analysis(user, status: str) -> None:
    from analysis.models import AnalysisResult

    AnalysisResult.objects.create(
        user=user,
        question=QuestionFactory(language="en"),
        user_answer=ANSWER,
        language="en",
        status=status,
    )


def test_a_scrape_counts_analyses_at_most_once_per_interval(
    client, user, settings, django_assert_num_queries
):
    """Prometheus scrapes every web process every few seconds: the GROUP BY over all analyses
    runs once per METRICS_DATABASE_SECONDS, and the scrapes in between run no query at all."""
    settings.METRICS_TOKEN = "scrape-me"
    _analysis(user, "completed")
    with django_assert_num_queries(1):
        first = scrape(client, "scrape-me").content.decode()
    assert 'interview_analyses{status="completed"} 1.0' in first
    for _ in range(3):
        with django_assert_num_queries(0):
            assert scrape(client, "scrape-me").status_code == 200

    settings.METRICS_DATABASE_SECONDS = 0  # off: counted at every scrape
    from django.core.cache import cache

    cache.clear()
    _analysis(user, "failed")
    for _ in range(2):
        with django_assert_num_queries(1):
            text = scrape(client, "scrape-me").content.decode()
    assert 'interview_analyses{status="failed"} 1.0' in text
