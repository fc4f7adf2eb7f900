"""A session whose bank has no question generates one with a paid provider call that may take
seconds: while it runs, the user's row is not locked and no transaction is held open."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from accounts.tests.factories import UserFactory
from analysis.tests.fake_openai import FakeOpenAIServer
from analysis.tests.provider_spy import ProviderCall, provider_calls_recorded
from analysis.tests.test_openai_provider import GOOD_QUESTION

pytestmark = pytest.mark.django_db(transaction=True)


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
    settings.OPENAI_TIMEOUT_SECONDS = 5
    return fake_openai


def _idle_in_transaction() -> int:
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state LIKE 'idle in transaction%%' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_a_generated_first_question_is_written_with_no_lock_or_transaction_held(openai_settings):
    if connection.vendor != "postgresql":
        pytest.skip("row locks and pg_stat_activity need PostgreSQL")
    user = UserFactory()
    openai_settings.enqueue_completion(GOOD_QUESTION, delay=1.5)
    responses = []

    def start():
        client = APIClient()
        client.force_authenticate(user)
        try:
            body = {"category": "custom", "customCategory": "Barista", "language": "en"}
            responses.append(client.post(reverse("session-list"), body, format="json"))
        finally:
            connection.close()

    thread = threading.Thread(target=start)
    thread.start()
    deadline = time.monotonic() + 5
    while not openai_settings.requests and time.monotonic() < deadline:
        time.sleep(0.02)
    assert openai_settings.requests, "the provider was never called"
    # The provider is answering slowly now: the user's row must be free and nothing pending.
    with transaction.atomic():
        locked = User.objects.select_for_update(nowait=True).filter(pk=user.pk).exists()
    assert locked
    assert _idle_in_transaction() == 0
    thread.join()
    assert responses[0].status_code == 201, responses[0].json()
    assert (
        responses[0].json()["currentQuestion"]["question"]["question"]
        == (GOOD_QUESTION["question"])
    )


def test_a_generated_first_question_is_asked_for_with_no_transaction_open(openai_settings):
    """On either database: the paid call is made before the session's own short transaction."""
    client = APIClient()
    client.force_authenticate(UserFactory())
    openai_settings.enqueue_completion(GOOD_QUESTION)
    body = {"category": "custom", "customCategory": "Barista", "language": "en"}
    with provider_calls_recorded() as calls:
        response = client.post(reverse("session-list"), body, format="json")
    assert response.status_code == 201, response.json()
    assert calls == [ProviderCall("generate_question", in_transaction=False)]
