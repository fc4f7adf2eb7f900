"""interview_ai_provider_latency_seconds times every provider call, labelled by its kind: not
only analyses but feedback, ideal answers, question generation, follow-ups and job
descriptions (each through the real SDK against the local fake OpenAI server)."""

from __future__ import annotations

import pytest
from prometheus_client import REGISTRY

from analysis.ai.base import InvalidAIOutput
from analysis.ai.openai_provider.followup import follow_up_generate
from analysis.ai.openai_provider.jobs import job_requirements_extract
from analysis.ai.registry import get_offline_service

from .test_openai_provider import (  # noqa: F401 - make_service is a fixture
    ANSWER_EN,
    CONTEXT,
    GOOD_FEEDBACK,
    QUESTION_EN,
    make_service,
)

METRIC = "interview_ai_provider_latency_seconds_count"
pytestmark = pytest.mark.django_db


def calls(provider: str, operation: str, outcome: str) -> float:
    labels = {"provider": provider, "operation": operation, "outcome": outcome}
    return REGISTRY.get_sample_value(METRIC, labels) or 0.0


def test_every_openai_call_is_timed_with_its_kind(fake_openai, make_service):  # noqa: F811
    service = make_service(fake_openai)
    analysis = get_offline_service().analyze_answer(QUESTION_EN, ANSWER_EN, CONTEXT)
    kinds = {
        "generate_question": lambda: service.generate_question(
            "design", "medium", [], language="en"
        ),
        "generate_ideal_answer": lambda: service.generate_ideal_answer(
            QUESTION_EN, ANSWER_EN, CONTEXT
        ),
        "follow_up": lambda: follow_up_generate(
            service,
            question=QUESTION_EN.text,
            answer=ANSWER_EN,
            language="en",
            scores={"understanding": 20, "logic": 18, "specificity": 10, "job_fit": 15},
            improvements=["Name the outcome."],
            asked_targets=set(),
        ),
        "job_requirements": lambda: job_requirements_extract(
            service,
            description="Backend engineer: Python, PostgreSQL.",
            resume_text="",
            language="en",
        ),
        "analyze_answer": lambda: service.analyze_answer(QUESTION_EN, ANSWER_EN, CONTEXT),
    }
    for operation, call in kinds.items():
        before = calls("openai", operation, "InvalidAIOutput")
        fake_openai.enqueue_completion({"unexpected": True})  # fails validation: an outcome too
        with pytest.raises(InvalidAIOutput):
            call()
        assert calls("openai", operation, "InvalidAIOutput") == before + 1, operation

    before = calls("openai", "generate_feedback", "ok")
    fake_openai.enqueue_completion(GOOD_FEEDBACK)
    service.generate_feedback(analysis)
    assert calls("openai", "generate_feedback", "ok") == before + 1
    assert len(fake_openai.requests) == len(kinds) + 1


def test_offline_provider_calls_are_timed_with_their_kind():
    before = calls("offline", "analyze_answer", "ok")
    get_offline_service().analyze_answer(QUESTION_EN, ANSWER_EN, CONTEXT)
    assert calls("offline", "analyze_answer", "ok") == before + 1
