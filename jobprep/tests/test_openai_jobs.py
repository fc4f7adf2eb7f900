"""Job practice with the OpenAI provider, end to end through the real `openai` SDK against the
local fake OpenAI-compatible server: requirements extracted from the description and résumé,
questions written about the résumé's projects, and the offline rules when the provider fails."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from analysis.tests.fake_openai import FakeOpenAIServer
from analysis.tests.test_openai_provider import GOOD_QUESTION
from jobprep.models import JobProfile
from questions.models import Question

from .files import text_pdf
from .test_job_practice import BACKEND_JD_EN, BACKEND_JD_KO, RESUME_LINES

pytestmark = pytest.mark.django_db(transaction=True)

EXTRACTED_EN = {
    "skills": ["Python", "PostgreSQL", "Redis", "REST API design"],
    "responsibilities": [
        "Design and operate high-traffic REST APIs",
        "Run zero-downtime database migrations",
    ],
    "seniority": "Senior (5+ years)",
    "category": "software_engineering",
    "projects": ["Payments platform rebuild: checkout moved to PostgreSQL and Redis"],
}
EXTRACTED_KO = {
    "skills": ["REST API", "Redis", "데이터베이스 인덱스"],
    "responsibilities": ["대용량 트래픽 API 설계 및 운영", "장애 대응과 모니터링 체계 구축"],
    "seniority": "경력 3년 이상",
    "category": "software_engineering",
    "projects": [],
}


@pytest.fixture
def fake_openai():
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def openai_settings(settings, fake_openai):
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = "sk-test-fake"
    settings.OPENAI_BASE_URL = fake_openai.base_url
    settings.OPENAI_MAX_RETRIES = 0
    settings.OPENAI_TIMEOUT_SECONDS = 2
    return fake_openai


def _create(client, description, **extra):
    return client.post(
        reverse("job-profile-list"),
        {"description": description, **extra},
        format="multipart" if "resume" in extra else "json",
    )


def _resume():
    return SimpleUploadedFile("cv.pdf", text_pdf(RESUME_LINES), content_type="application/pdf")


def test_openai_extracts_the_requirements_from_the_description_and_resume(
    auth_client, openai_settings
):
    openai_settings.enqueue_completion(EXTRACTED_EN)
    response = _create(auth_client, BACKEND_JD_EN, language="en", resume=_resume())
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["extractedBy"] == "openai"
    assert [(r["kind"], r["text"]) for r in body["requirements"]] == [
        ("skill", "Python"),
        ("skill", "PostgreSQL"),
        ("skill", "Redis"),
        ("skill", "REST API design"),
        ("responsibility", "Design and operate high-traffic REST APIs"),
        ("responsibility", "Run zero-downtime database migrations"),
        ("seniority", "Senior (5+ years)"),
    ]
    assert all(r["keywords"] for r in body["requirements"])  # fit matching needs them
    assert body["projects"][0]["text"].startswith("Payments platform rebuild")
    request = openai_settings.last_request
    assert request.json["response_format"]["json_schema"]["name"] == "JobRequirements"
    assert request.headers["authorization"] == "Bearer sk-test-fake"
    # Both texts reach the model as fenced data, never as instructions.
    assert "<job_description>\nSenior Backend Engineer (5+ years)" in request.prompt_text
    assert "<resume>\nJane Doe - Backend engineer" in request.prompt_text


def test_openai_extracts_a_korean_description_in_korean(auth_client, openai_settings):
    openai_settings.enqueue_completion(EXTRACTED_KO)
    body = _create(auth_client, BACKEND_JD_KO, language="ko").json()
    assert body["extractedBy"] == "openai" and body["language"] == "ko"
    assert "대용량 트래픽 API 설계 및 운영" in [r["text"] for r in body["requirements"]]
    assert "<resume>\n(none)" in openai_settings.last_request.prompt_text
    assert "Korean" in openai_settings.last_request.prompt_text


@pytest.mark.parametrize(
    "script",
    [
        lambda fake: fake.enqueue_error(500, "boom", type_="server_error"),
        lambda fake: fake.enqueue_completion("this is not JSON"),
        lambda fake: fake.enqueue_completion({"skills": ["Python"]}),  # schema not met
    ],
)
def test_a_failing_provider_falls_back_to_the_offline_extraction(
    auth_client, openai_settings, script
):
    script(openai_settings)
    response = _create(auth_client, BACKEND_JD_EN, language="en")
    assert response.status_code == 201
    body = response.json()
    assert body["extractedBy"] == "offline_fallback"
    assert {"Python", "PostgreSQL", "Redis"} <= {r["text"] for r in body["requirements"]}
    assert len(openai_settings.requests) == 1


def _confirmed_profile(client, fake, extraction):
    fake.enqueue_completion(extraction)
    profile = _create(client, BACKEND_JD_EN, language="en", resume=_resume()).json()
    response = client.put(
        reverse("job-profile-requirements", args=[profile["id"]]),
        {"requirements": [{"kind": r["kind"], "text": r["text"]} for r in profile["requirements"]]},
        format="json",
    )
    assert response.status_code == 200
    return profile


def _start(client, profile):
    response = client.post(
        reverse("job-session-start", args=[profile["id"]]),
        {"questionCount": 3, "followUps": "off"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def _resume_questions(user):
    # In Python: a JSON "contains" lookup is PostgreSQL's only (the suite also runs on SQLite).
    return [q for q in Question.objects.filter(created_by=user) if "resume" in q.tags]


def test_openai_writes_the_question_about_a_resume_project(auth_client, openai_settings, bank):
    profile = _confirmed_profile(auth_client, openai_settings, EXTRACTED_EN)
    written = {
        **GOOD_QUESTION,
        "question": 'Your résumé says "Payments platform rebuild". What did you decide yourself '
        "when you moved checkout to PostgreSQL?",
    }
    openai_settings.enqueue_completion(written)
    _start(auth_client, profile)
    user = JobProfile.objects.get(pk=profile["id"]).user
    questions = _resume_questions(user)
    assert [q.question for q in questions] == [written["question"]]
    request = openai_settings.last_request
    assert request.json["response_format"]["json_schema"]["name"] == "InterviewQuestion"
    assert "Payments platform rebuild: checkout moved to PostgreSQL and Redis" in (
        request.prompt_text
    )


def test_a_failing_provider_leaves_the_resume_question_to_the_template(
    auth_client, openai_settings, bank
):
    profile = _confirmed_profile(auth_client, openai_settings, EXTRACTED_EN)
    openai_settings.enqueue_error(503, "overloaded", type_="server_error")
    _start(auth_client, profile)
    user = JobProfile.objects.get(pk=profile["id"]).user
    [question] = _resume_questions(user)
    assert question.question.startswith('Your résumé mentions "Payments platform rebuild')
    assert question.question.endswith("how did it turn out?")
