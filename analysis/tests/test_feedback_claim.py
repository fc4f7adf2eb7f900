"""GET /api/analysis/feedback/{id} generates missing detailed feedback with paid provider calls:
requests arriving together must pay once, not once each."""

import threading

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory
from analysis.models import AnalysisResult
from questions.tests.factories import QuestionFactory

from .test_openai_provider import GOOD_ANALYSIS, GOOD_FEEDBACK
from .test_pipeline_api import EN_ANSWER

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def openai_settings(settings, fake_openai):
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = "sk-test-fake"
    settings.OPENAI_BASE_URL = fake_openai.base_url
    settings.OPENAI_MAX_RETRIES = 0
    settings.OPENAI_TIMEOUT_SECONDS = 5
    return fake_openai


def _completed_without_feedback() -> AnalysisResult:
    return AnalysisResult.objects.create(
        user=UserFactory(),
        question=QuestionFactory(language="en"),
        user_answer=EN_ANSWER,
        language="en",
        status="completed",
        understanding=20,
        logic=17,
        specificity=14,
        job_fit=19,
        total_score=70,
        strengths=["A"],
        improvements=["B"],
        detailed_feedback=None,
    )


def _get_at_once(user, analysis_id, callers: int) -> list:
    barrier, responses = threading.Barrier(callers), []

    def call():
        client = APIClient()
        client.force_authenticate(user)
        try:
            barrier.wait()
            responses.append(client.get(reverse("analysis-feedback", args=[analysis_id])))
        finally:
            connection.close()

    threads = [threading.Thread(target=call) for _ in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def test_concurrent_feedback_requests_make_one_paid_generation(openai_settings):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent requests need PostgreSQL; SQLite serializes every writer")
    analysis = _completed_without_feedback()
    # One generation = the analysis call and the feedback call, slow enough to overlap.
    openai_settings.enqueue_completion(GOOD_ANALYSIS, delay=0.5)
    openai_settings.enqueue_completion(GOOD_FEEDBACK)
    # What a second generation would get, so that a missing guard shows as a count, not a 418.
    openai_settings.enqueue_completion(GOOD_ANALYSIS)
    openai_settings.enqueue_completion(GOOD_FEEDBACK)

    responses = _get_at_once(analysis.user, analysis.pk, callers=3)

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert all(r.json()["detailedFeedback"] == GOOD_FEEDBACK for r in responses)
    assert len(openai_settings.requests) == 2
    stored = AnalysisResult.objects.get(pk=analysis.pk)
    assert stored.detailed_feedback == GOOD_FEEDBACK
    assert stored.feedback_claimed_at is None


def test_a_failed_generation_releases_the_claim(openai_settings):
    analysis = _completed_without_feedback()
    openai_settings.enqueue_error(500, "boom", type_="server_error")
    client = APIClient()
    client.force_authenticate(analysis.user)
    response = client.get(reverse("analysis-feedback", args=[analysis.pk]))
    assert response.status_code == 503
    assert AnalysisResult.objects.get(pk=analysis.pk).feedback_claimed_at is None
    openai_settings.enqueue_completion(GOOD_ANALYSIS)
    openai_settings.enqueue_completion(GOOD_FEEDBACK)
    response = client.get(reverse("analysis-feedback", args=[analysis.pk]))
    assert response.status_code == 200
    assert response.json()["detailedFeedback"] == GOOD_FEEDBACK
