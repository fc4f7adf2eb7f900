"""POST /api/questions/generate calls the AI provider with no transaction open: a paid call of
seconds must hold neither a pooled PostgreSQL connection in a transaction nor SQLite's write lock.
The questions it wrote are stored afterwards, together."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory
from analysis.tests.fake_openai import FakeOpenAIServer
from analysis.tests.provider_spy import ProviderCall, provider_calls_recorded
from analysis.tests.test_openai_provider import GOOD_QUESTION
from questions.models import Question

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def openai_settings(settings):
    with FakeOpenAIServer() as fake:
        settings.AI_PROVIDER = "openai"
        settings.OPENAI_API_KEY = "sk-test-fake"
        settings.OPENAI_BASE_URL = fake.base_url
        settings.OPENAI_MAX_RETRIES = 0
        settings.OPENAI_TIMEOUT_SECONDS = 5
        yield fake


def test_questions_are_generated_with_no_transaction_open_then_stored(openai_settings):
    user = UserFactory()
    client = APIClient()
    client.force_authenticate(user)
    second = {**GOOD_QUESTION, "question": "Tell me about a launch you would run differently."}
    openai_settings.enqueue_completion(GOOD_QUESTION)
    openai_settings.enqueue_completion(second)
    body = {"category": "marketing", "difficulty": "easy", "language": "en", "count": 2}
    with provider_calls_recorded() as calls:
        response = client.post(
            reverse("question-generate"), {**body, "type": "behavioral"}, format="json"
        )
    assert response.status_code == 201, response.json()
    assert calls == [ProviderCall("generate_question", in_transaction=False)] * 2
    assert [q["question"] for q in response.json()] == [
        GOOD_QUESTION["question"],
        second["question"],
    ]
    assert Question.objects.filter(source="ai", created_by=user).count() == 2
