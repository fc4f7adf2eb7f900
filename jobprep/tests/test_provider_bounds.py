"""Requirement extraction runs while the user waits: a hung provider costs at most the request's
provider budget, with no SDK retries, and the offline rules answer instead."""

import time

import pytest
from django.urls import reverse

from analysis.tests.fake_openai import FakeOpenAIServer
from jobprep.models import JobProfile

from .test_job_practice import BACKEND_JD_EN

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def hung_provider(settings):
    with FakeOpenAIServer() as fake:
        settings.AI_PROVIDER = "openai"
        settings.OPENAI_API_KEY = "sk-test-fake"
        settings.OPENAI_BASE_URL = fake.base_url
        settings.OPENAI_TIMEOUT_SECONDS = 30.0
        settings.OPENAI_MAX_RETRIES = 2
        settings.REQUEST_PROVIDER_BUDGET_SECONDS = 1.5
        fake.enqueue_completion({}, delay=30.0)
        yield fake


def test_a_hung_provider_gives_the_offline_requirements_within_the_budget(
    auth_client, hung_provider
):
    started = time.monotonic()
    response = auth_client.post(
        reverse("job-profile-list"), {"description": BACKEND_JD_EN, "language": "en"}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert time.monotonic() - started < 1.5 + 2.5  # unbounded: 30 s, 3 attempts
    skills = {r["text"] for r in response.json()["requirements"] if r["kind"] == "skill"}
    assert {"Python", "PostgreSQL", "Redis"} <= skills
    assert JobProfile.objects.get(pk=response.json()["id"]).extracted_by == "offline_fallback"
    assert len(hung_provider.requests) == 1
