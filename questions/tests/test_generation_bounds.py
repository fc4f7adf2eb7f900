"""Provider calls made while a web request waits are bounded: no SDK retries, a timeout of what is
left of the request's provider budget, and a per-process cap on calls in flight (503 `ai_busy`
with Retry-After beyond it). Exercised through the real `openai` SDK against a local fake
OpenAI-compatible server that answers slowly or not at all."""

from __future__ import annotations

import importlib
import threading
import time

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory
from analysis.ai.openai_provider.bounds import MIN_CALL_SECONDS, SLOTS
from analysis.tests.fake_openai import FakeOpenAIServer
from analysis.tests.test_openai_provider import GOOD_QUESTION
from interview_platform.tests.servers import ROOT, child_database_url, free_port, wait_until
from questions.models import Question

pytestmark = pytest.mark.django_db(transaction=True)

HUNG = 30.0  # seconds the fake provider takes: longer than any test waits
GENERATE = {"category": "marketing", "difficulty": "easy", "language": "en"}


@pytest.fixture
def fake_openai():
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def provider(settings, fake_openai):
    """OpenAI through the fake, with the production defaults for timeout and retries (30 s, 2),
    which a request must not wait for."""
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = "sk-test-fake"
    settings.OPENAI_BASE_URL = fake_openai.base_url
    settings.OPENAI_TIMEOUT_SECONDS = 30.0
    settings.OPENAI_MAX_RETRIES = 2
    settings.REQUEST_PROVIDER_BUDGET_SECONDS = 1.5
    settings.REQUEST_PROVIDER_CONCURRENCY = 1
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "analysis": "100/m"}
    # The SDK is imported on first use; on a loaded machine that import alone can spend the
    # budget these tests give a request, and then no call is made at all.
    importlib.import_module("openai")
    return fake_openai


def _client(user, language="en") -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    client.force_authenticate(user)
    return client


def test_a_hung_provider_answers_503_within_the_budget_and_is_not_retried(provider):
    client = _client(UserFactory())
    provider.enqueue_completion(GOOD_QUESTION, delay=HUNG)
    started = time.monotonic()
    response = client.post(reverse("question-generate"), GENERATE, format="json")
    elapsed = time.monotonic() - started
    assert response.status_code == 503, response.json()
    assert response.json()["error"]["code"] == "ai_unavailable"
    assert response.json()["error"]["details"] == {"reason": "timeout"}
    assert elapsed < 1.5 + 2.5  # unbounded: 30 s, 3 attempts
    time.sleep(1.0)  # an SDK retry would have arrived by now
    assert len(provider.requests) == 1
    assert not Question.objects.filter(source="ai").exists()


def test_a_call_beyond_the_cap_is_refused_at_once_with_retry_after(provider, settings):
    settings.REQUEST_PROVIDER_BUDGET_SECONDS = 5.0
    provider.enqueue_completion(GOOD_QUESTION, delay=1.5)
    first: list = []

    def generate():
        try:
            first.append(
                _client(UserFactory()).post(reverse("question-generate"), GENERATE, format="json")
            )
        finally:
            connection.close()

    thread = threading.Thread(target=generate)
    thread.start()
    deadline = time.monotonic() + 5
    while not provider.requests and time.monotonic() < deadline:
        time.sleep(0.02)
    assert SLOTS.in_flight == 1

    client = _client(UserFactory(), "ko")
    started = time.monotonic()
    refused = client.post(reverse("question-generate"), GENERATE, format="json")
    assert time.monotonic() - started < 0.5
    assert refused.status_code == 503
    assert refused["Retry-After"] == "5"
    assert refused.json()["error"] == {
        "type": "ai_service_error",
        "code": "ai_busy",
        "message": "지금은 생성 중인 질문이 많습니다. 잠시 후 다시 시도해 주세요.",
        "details": {"retryAfter": 5},
    }
    assert len(provider.requests) == 1  # the refused call never reached the provider

    thread.join()
    assert first[0].status_code == 201, first[0].json()
    assert SLOTS.in_flight == 0
    provider.enqueue_completion({**GOOD_QUESTION, "question": "What would you measure first?"})
    again = _client(UserFactory()).post(reverse("question-generate"), GENERATE, format="json")
    assert again.status_code == 201, again.json()


def test_outside_a_request_the_configured_timeout_and_retries_apply(provider):
    from analysis.ai.registry import get_ai_service

    provider.enqueue_error(500, "boom", type_="server_error")
    provider.enqueue_completion(GOOD_QUESTION, delay=2.0)  # longer than a request's budget
    generated = get_ai_service().generate_question("marketing", "easy", [], language="en")
    assert generated.question == GOOD_QUESTION["question"]
    assert len(provider.requests) == 2


def test_a_session_start_that_needs_a_generated_question_is_bounded_too(provider):
    client = _client(UserFactory())
    provider.enqueue_completion(GOOD_QUESTION, delay=HUNG)
    started = time.monotonic()
    response = client.post(
        reverse("session-list"),
        {"category": "custom", "customCategory": "Barista", "language": "en"},
        format="json",
    )
    assert response.status_code == 503, response.json()
    assert response.json()["error"]["code"] == "ai_unavailable"
    assert time.monotonic() - started < 1.5 + 2.5
    assert len(provider.requests) == 1


@pytest.fixture
def token(transactional_db) -> str:
    """A signed-in user's access token, written before the server below starts (on SQLite it
    serves a copy of the database taken then)."""
    from accounts.tokens import token_pair_for

    return str(token_pair_for(UserFactory()).access)


def _served_database_url(tmp_path) -> str:
    """PostgreSQL: this test's database. SQLite: a file copy of it as it stands now, since the
    test database lives in this process's memory, where no other process can open it; the
    server then runs on a SQLite file with four threads, as `make run` does."""
    if connection.vendor != "sqlite":
        return child_database_url()
    import sqlite3

    path = tmp_path / "served.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()
    return f"sqlite:///{path}"


@pytest.fixture
def served(token, fake_openai, tmp_path):
    """The app under gunicorn as the web container runs it (one worker, four threads), on this
    test's database (see `_served_database_url`), with OpenAI through the fake and a 2 s provider
    budget."""
    import os
    import subprocess
    import sys

    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": _served_database_url(tmp_path),
        "AI_PROVIDER": "openai",
        "OPENAI_API_KEY": "sk-test-fake",
        "OPENAI_BASE_URL": fake_openai.base_url,
        "OPENAI_TIMEOUT_SECONDS": "30",
        "OPENAI_MAX_RETRIES": "2",
        "REQUEST_PROVIDER_BUDGET_SECONDS": "2",
        "REQUEST_PROVIDER_CONCURRENCY": "2",
    }
    env.pop("REDIS_URL", None)  # per-process limits and cache: nothing shared with other tests
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "interview_platform.wsgi:application"),
            *("--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if not wait_until(lambda: _get(port, "/api/ping")[0] == 200, timeout=60, step=0.3):
            pytest.fail("gunicorn did not start")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


def _get(port, path, *, method="GET", body=None, token=None):
    import http.client
    import json

    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        conn.request(method, path, json.dumps(body) if body else None, headers)
        response = conn.getresponse()
        raw = response.read()
        return response.status, json.loads(raw) if raw else None, dict(response.getheaders())
    except OSError:
        return None, None, {}


def test_a_hung_provider_does_not_stall_the_site(served, token, fake_openai):
    """The audit: 8 concurrent generations with a hung provider delayed /api/ping by 9.4 s.
    Neither a ping nor a write waits on them now."""
    # One quick generation first, so that no request below spends its budget on the process's
    # first import of the SDK; it also shows the server can use its database.
    fake_openai.enqueue_completion(GOOD_QUESTION)
    status, body, _ = _get(
        served, "/api/questions/generate", method="POST", body=GENERATE, token=token
    )
    assert status == 201, body
    warm_up_calls = len(fake_openai.requests)
    for _ in range(8):
        fake_openai.enqueue_completion(GOOD_QUESTION, delay=HUNG)
    answers: list = []

    def generate():
        answers.append(
            _get(served, "/api/questions/generate", method="POST", body=GENERATE, token=token)
        )

    threads = [threading.Thread(target=generate) for _ in range(8)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    wait_until(lambda: len(fake_openai.requests) >= 2, timeout=5, step=0.02)
    # A write while the generations wait on the provider: on SQLite, a generation that held a
    # transaction open for its call kept the database's lock and this waited out their budget.
    before = time.monotonic()
    status, body, _ = _get(
        served, "/api/users/settings", method="PATCH", body={"language": "en"}, token=token
    )
    write = time.monotonic() - before
    assert status == 200, body
    pings = []
    for _ in range(5):
        before = time.monotonic()
        assert _get(served, "/api/ping")[0] == 200
        pings.append(time.monotonic() - before)
        time.sleep(0.1)
    for thread in threads:
        thread.join()
    assert max(pings) < 1.0, pings
    assert write < 1.0, write
    assert time.monotonic() - started < 2 + 3.0  # every generation answered within the budget
    codes = [body["error"]["code"] for status, body, _ in answers]
    assert all(status == 503 for status, _, _ in answers)
    assert set(codes) <= {"ai_busy", "ai_unavailable"}
    # The cap, whatever the machine's load (which decides how many requests arrive while the
    # first calls still hold their slots): a third call starts only once one of the two before
    # it has given its slot back, and a call holds its slot for at least MIN_CALL_SECONDS.
    started_at = sorted(request.received_at for request in fake_openai.requests[warm_up_calls:])
    gaps = [later - earlier for earlier, later in zip(started_at, started_at[2:], strict=False)]
    assert all(gap >= MIN_CALL_SECONDS - 0.1 for gap in gaps), gaps
    assert all(
        headers.get("Retry-After") == "2"
        for _, body, headers in answers
        if body["error"]["code"] == "ai_busy"
    )
    # At most one provider call per slot taken, no retries (a request whose budget was spent
    # before its call answers ai_unavailable without making one).
    assert len(fake_openai.requests) - warm_up_calls <= codes.count("ai_unavailable")
