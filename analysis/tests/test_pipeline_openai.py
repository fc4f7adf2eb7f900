"""The pipeline with the OpenAI provider against the local fake OpenAI server: each failure mode
leaves a clear state and no lost answer."""

import pytest
from django.urls import reverse

from analysis.models import AnalysisResult
from analysis.tasks import MAX_RETRIES
from questions.tests.factories import QuestionFactory

from .test_openai_provider import GOOD_ANALYSIS
from .test_pipeline_api import EN_ANSWER

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def openai_settings(settings, fake_openai):
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = "sk-test-fake"
    settings.OPENAI_BASE_URL = fake_openai.base_url
    settings.OPENAI_MAX_RETRIES = 0
    settings.OPENAI_TIMEOUT_SECONDS = 2
    return fake_openai


def submit(client):
    question = QuestionFactory(language="en")
    response = client.post(
        reverse("analysis-answer"),
        {"questionId": str(question.id), "answer": EN_ANSWER},
        format="json",
    )
    assert response.status_code == 202
    return AnalysisResult.objects.get(pk=response.json()["id"])


def test_the_models_analysis_is_stored_with_model_latency_and_tokens(auth_client, openai_settings):
    openai_settings.enqueue_completion(
        GOOD_ANALYSIS,
        model="gpt-4o-2024-08-06",
        usage={"prompt_tokens": 812, "completion_tokens": 240, "total_tokens": 1052},
    )
    result = submit(auth_client)
    assert result.status == "completed"
    assert result.preliminary is False
    assert (result.understanding, result.logic, result.specificity, result.job_fit) == (
        20,
        17,
        14,
        19,
    )
    assert result.total_score == 70
    assert result.ai_analysis["model"] == "gpt-4o-2024-08-06"
    assert result.ai_analysis["token_usage"]["total_tokens"] == 1052
    assert result.ai_analysis["processing_time"] >= 0
    assert result.strengths == GOOD_ANALYSIS["strengths"]
    body = auth_client.get(reverse("analysis-detail", args=[result.pk])).json()
    assert body["aiAnalysis"]["tokenUsage"] == {
        "promptTokens": 812,
        "completionTokens": 240,
        "totalTokens": 1052,
    }


def test_a_permanent_failure_stores_offline_feedback_as_preliminary_and_can_rerun(
    auth_client, openai_settings
):
    openai_settings.enqueue_error(401, "Incorrect API key provided", type_="invalid_request_error")
    result = submit(auth_client)
    assert result.user_answer == EN_ANSWER  # the answer is never lost
    assert result.status == "completed"
    assert result.preliminary is True
    assert result.failure_reason == "authentication_failed"
    assert result.ai_analysis["model"].startswith("offline")
    assert result.ai_analysis["fallback_reason"] == "authentication_failed"
    assert result.total_score is not None and result.strengths
    assert len(openai_settings.requests) == 1  # a permanent error is not retried
    body = auth_client.get(reverse("analysis-detail", args=[result.pk])).json()
    assert body["preliminary"] is True and body["failureReason"] == "authentication_failed"

    # The provider is back: re-running replaces the preliminary feedback.
    openai_settings.enqueue_completion(GOOD_ANALYSIS)
    response = auth_client.post(reverse("analysis-rerun", args=[result.pk]))
    assert response.status_code == 202
    result.refresh_from_db()
    assert (result.status, result.preliminary, result.total_score, result.failure_reason) == (
        "completed",
        False,
        70,
        "",
    )
    again = auth_client.post(reverse("analysis-rerun", args=[result.pk]))
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "analysis_not_rerunnable"


def test_a_rate_limit_is_retried_then_falls_back_with_the_reason(auth_client, openai_settings):
    for _ in range(MAX_RETRIES + 1):
        openai_settings.enqueue_error(
            429, "Rate limit reached", type_="requests", code="rate_limit_exceeded"
        )
    result = submit(auth_client)
    assert len(openai_settings.requests) == MAX_RETRIES + 1
    assert result.status == "completed" and result.preliminary is True
    assert result.failure_reason == "rate_limited"
    assert result.attempts == MAX_RETRIES + 1


def test_a_rate_limit_then_success_stores_the_models_analysis(auth_client, openai_settings):
    openai_settings.enqueue_error(
        429, "Rate limit reached", type_="requests", code="rate_limit_exceeded"
    )
    openai_settings.enqueue_completion(GOOD_ANALYSIS)
    result = submit(auth_client)
    assert (result.status, result.preliminary, result.total_score) == ("completed", False, 70)
    assert result.attempts == 2


@pytest.mark.parametrize(
    ("script", "reason"),
    [
        (lambda fake: fake.enqueue_completion("{not json"), "invalid_output"),
        (
            lambda fake: fake.enqueue_completion(
                {**GOOD_ANALYSIS, "scores": {**GOOD_ANALYSIS["scores"], "logic": 30}}
            ),
            "invalid_output",
        ),
        (lambda fake: fake.enqueue_completion(None, refusal="I can't help with that."), "refused"),
        (
            lambda fake: fake.enqueue_completion('{"scores": {"underst', finish_reason="length"),
            "truncated",
        ),
    ],
)
def test_unusable_model_output_is_never_stored(auth_client, openai_settings, script, reason):
    script(openai_settings)
    result = submit(auth_client)
    assert result.failure_reason == reason
    assert result.preliminary is True
    assert 0 <= result.logic <= 25  # the offline scores, never the model's 30


def test_a_timeout_is_transient(auth_client, openai_settings, settings):
    settings.OPENAI_TIMEOUT_SECONDS = 0.3
    for _ in range(MAX_RETRIES + 1):
        openai_settings.enqueue_completion(GOOD_ANALYSIS, delay=1.0)
    result = submit(auth_client)
    assert result.failure_reason == "timeout"
    assert result.preliminary is True


def test_openai_without_a_key_still_coaches_offline(auth_client, settings):
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = ""
    result = submit(auth_client)
    assert result.status == "completed" and result.preliminary is True
    assert result.failure_reason.startswith("misconfigured")
