"""Job practice calls the AI provider with no transaction open, through the API and the pages
alike: the requirements are extracted before the profile is stored, and the questions about the
résumé's projects are written before the session and its questions are stored together."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory
from analysis.tests.fake_openai import FakeOpenAIServer
from analysis.tests.provider_spy import ProviderCall, provider_calls_recorded
from analysis.tests.test_openai_provider import GOOD_QUESTION
from core.choices import QuestionSource
from jobprep.models import JobProfile, JobSession
from questions.models import Question
from sessions_app.models import InterviewSession

from .test_job_practice import BACKEND_JD_EN
from .test_openai_jobs import EXTRACTED_EN

pytestmark = pytest.mark.django_db(transaction=True)

EXTRACTED = {
    **EXTRACTED_EN,
    "projects": [
        "Payments platform rebuild: checkout moved to PostgreSQL and Redis",
        "Fraud scoring service handling 2,000 requests per second",
    ],
}
RESUME_QUESTIONS = [
    {**GOOD_QUESTION, "question": 'What did you decide yourself in "Payments platform rebuild"?'},
    {**GOOD_QUESTION, "question": 'How did "Fraud scoring service" keep up with 2,000 rps?'},
]
EXTRACTION = ProviderCall("job_requirements", in_transaction=False)
GENERATION = ProviderCall("generate_question", in_transaction=False)


@pytest.fixture
def openai_settings(settings):
    with FakeOpenAIServer() as fake:
        settings.AI_PROVIDER = "openai"
        settings.OPENAI_API_KEY = "sk-test-fake"
        settings.OPENAI_BASE_URL = fake.base_url
        settings.OPENAI_MAX_RETRIES = 0
        settings.OPENAI_TIMEOUT_SECONDS = 5
        yield fake


def _resume_questions(user) -> dict[str, str]:
    """The user's résumé questions: text by id."""
    return {
        str(pk): text
        for pk, text in Question.objects.filter(
            created_by=user, source=QuestionSource.JOB
        ).values_list("pk", "question")
    }


WRITTEN = sorted(q["question"] for q in RESUME_QUESTIONS)


def test_the_api_extracts_and_writes_resume_questions_with_no_transaction_open(
    openai_settings, bank
):
    user = UserFactory()
    client = APIClient()
    client.force_authenticate(user)
    openai_settings.enqueue_completion(EXTRACTED)
    with provider_calls_recorded() as calls:
        created = client.post(
            reverse("job-profile-list"),
            {"description": BACKEND_JD_EN, "language": "en"},
            format="json",
        )
    assert created.status_code == 201, created.json()
    assert calls == [EXTRACTION]
    profile = created.json()
    assert profile["extractedBy"] == "openai"
    confirmed = client.put(
        reverse("job-profile-requirements", args=[profile["id"]]),
        {"requirements": [{"kind": r["kind"], "text": r["text"]} for r in profile["requirements"]]},
        format="json",
    )
    assert confirmed.status_code == 200, confirmed.json()

    for question in RESUME_QUESTIONS:
        openai_settings.enqueue_completion(question)
    with provider_calls_recorded() as calls:
        started = client.post(
            reverse("job-session-start", args=[profile["id"]]),
            {"questionCount": 4, "followUps": "off"},
            format="json",
        )
    assert started.status_code == 201, started.json()
    assert calls == [GENERATION, GENERATION]
    written = _resume_questions(user)
    assert sorted(written.values()) == WRITTEN
    session = InterviewSession.objects.get(pk=started.json()["id"])
    assert JobSession.objects.filter(session=session, profile_id=profile["id"]).exists()
    assert set(written) <= set(session.question_plan)


def test_the_pages_extract_and_write_resume_questions_with_no_transaction_open(
    openai_settings, bank
):
    user = UserFactory()
    browser = Client()
    browser.force_login(user)
    openai_settings.enqueue_completion(EXTRACTED)
    with provider_calls_recorded() as calls:
        pasted = browser.post(
            reverse("web:job-start"), {"description": BACKEND_JD_EN, "language": "en"}
        )
    assert pasted.status_code == 302
    assert calls == [EXTRACTION]
    profile = JobProfile.objects.get(user=user)

    requirements = [(r["kind"], r["text"]) for r in profile.requirements]
    form = {
        "req-TOTAL_FORMS": str(len(requirements)),
        "req-INITIAL_FORMS": str(len(requirements)),
        "req-MIN_NUM_FORMS": "0",
        "req-MAX_NUM_FORMS": "15",
        **{f"req-{i}-kind": kind for i, (kind, _) in enumerate(requirements)},
        **{f"req-{i}-text": text for i, (_, text) in enumerate(requirements)},
        "category": "software_engineering",
        "difficulty": "medium",
        "question_count": 4,
        "follow_ups": "off",
        "action": "start",
    }
    for question in RESUME_QUESTIONS:
        openai_settings.enqueue_completion(question)
    with provider_calls_recorded() as calls:
        started = browser.post(reverse("web:job-confirm", args=[profile.pk]), form)
    assert started.status_code == 302, started.content.decode()[:2000]
    assert calls == [GENERATION, GENERATION]
    assert sorted(_resume_questions(user).values()) == WRITTEN
    assert JobSession.objects.filter(profile=profile).count() == 1
