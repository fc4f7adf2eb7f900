"""Job fit in a job session is scored against the requirements the user confirmed: an answer
that shows them scores higher on job fit than one that does not, for the same question."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory
from analysis.ai.offline.analyzer import analyze
from analysis.ai.offline.scoring import score
from analysis.ai.types import AnalysisContext, JobRequirement, QuestionContext
from analysis.models import AnalysisResult

from .test_job_practice import BACKEND_JD_EN

pytestmark = pytest.mark.django_db(transaction=True)

MEETS = (
    "At my last company I owned the order API. When traffic tripled, I profiled it, moved the "
    "hot queries in PostgreSQL onto covering indexes and put a Redis cache in front of the "
    "Python service. p95 latency fell from 800 ms to 140 ms and we ran the migration with zero "
    "downtime. I learned to load-test before every schema change."
)
# The same story, told with another stack: none of the confirmed requirements shows.
MISSES = (
    "At my last company I owned the order API. When traffic tripled, I profiled it, moved the "
    "hot queries in MongoDB onto compound indexes and put a Memcached layer in front of the "
    "Java service. p95 latency fell from 800 ms to 140 ms and we ran the rollout with no "
    "outage. I learned to load-test before every data model change."
)
QUESTION = QuestionContext(
    text="Tell me about a time you improved the performance of a service.",
    category="software_engineering",
    type="behavioral",
    difficulty="medium",
    language="en",
)
CONFIRMED = (
    JobRequirement(text="Python", keywords=("python",)),
    JobRequirement(text="PostgreSQL", keywords=("postgresql",)),
    JobRequirement(text="Redis", keywords=("redis",)),
)


def _job_fit(answer: str, requirements=()) -> int:
    context = AnalysisContext(
        job_category="software_engineering", language="en", job_requirements=requirements
    )
    scores, _ = score(analyze(QUESTION, answer, context))
    return scores.job_fit


def test_the_answer_that_shows_the_confirmed_requirements_fits_the_job_better():
    assert _job_fit(MEETS, CONFIRMED) > _job_fit(MISSES, CONFIRMED)


def test_it_is_the_confirmed_requirements_that_count_not_only_the_category():
    # Outside a job session only the category's vocabulary tells the two stories apart ...
    category_gap = _job_fit(MEETS) - _job_fit(MISSES)
    assert _job_fit(MEETS, CONFIRMED) - _job_fit(MISSES, CONFIRMED) > category_gap
    # ... and a user who confirmed the other stack sees the order turn round.
    other_stack = (
        JobRequirement(text="MongoDB", keywords=("mongodb",)),
        JobRequirement(text="Java", keywords=("java",)),
        JobRequirement(text="Memcached", keywords=("memcached",)),
    )
    assert _job_fit(MISSES, other_stack) > _job_fit(MEETS, other_stack)


def _job_session_answer(answer: str) -> AnalysisResult:
    client = APIClient()
    client.force_authenticate(UserFactory())
    profile = client.post(
        reverse("job-profile-list"), {"description": BACKEND_JD_EN, "language": "en"}, "json"
    ).json()
    client.put(
        reverse("job-profile-requirements", args=[profile["id"]]),
        {"requirements": [{"kind": r["kind"], "text": r["text"]} for r in profile["requirements"]]},
        format="json",
    )
    session = client.post(
        reverse("job-session-start", args=[profile["id"]]),
        {"questionCount": 1, "followUps": "off"},
        format="json",
    ).json()
    response = client.post(
        reverse("analysis-answer"),
        {
            "sessionId": session["id"],
            "sessionQuestionId": session["currentQuestion"]["id"],
            "answer": answer,
        },
        format="json",
    )
    assert response.status_code == 202, response.json()
    return AnalysisResult.objects.get(pk=response.json()["id"])


def test_a_job_session_scores_job_fit_against_its_confirmed_requirements(bank):
    meets, misses = _job_session_answer(MEETS), _job_session_answer(MISSES)
    assert meets.question_id == misses.question_id  # the same planned question
    assert meets.status == misses.status == "completed"
    assert meets.job_fit > misses.job_fit
