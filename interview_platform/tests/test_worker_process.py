"""Real Celery workers: their own lines are JSON on stdout, and they outlive their broker.

Each test starts a redis-server of its own on a free port (stopped and started again by the
test) and the production worker roles (`interview_platform.workers io|cpu`) reading the test
database; the `io` role calls a local fake OpenAI server.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from analysis.models import AnalysisResult
from analysis.tests.fake_openai import FakeOpenAIServer
from analysis.tests.test_openai_provider import GOOD_ANALYSIS
from questions.tests.factories import QuestionFactory

from .servers import RedisProcess, WorkerProcess, publishing_to, wait_until, worker_env

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ANSWER = (
    "I led the migration of our billing jobs to Celery. I split the monolith task into "
    "idempotent steps, added retries with backoff, and cut failed runs from 40 to 2 a week."
)


@pytest.fixture
def broker():
    if connection.vendor != "postgresql":
        pytest.skip("a worker process needs the PostgreSQL test database (CI)")
    server = RedisProcess().start()
    yield server
    server.close()


@pytest.fixture
def fake_openai():
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def openai_env(fake_openai, settings):
    settings.AI_PROVIDER, settings.OPENAI_API_KEY = "openai", "sk-test-fake"
    return {
        "AI_PROVIDER": "openai",
        "OPENAI_API_KEY": "sk-test-fake",
        "OPENAI_BASE_URL": fake_openai.base_url,
        "OPENAI_MAX_RETRIES": "0",
        "OPENAI_TIMEOUT_SECONDS": "20",
    }


@pytest.fixture
def start_worker():
    workers: list[WorkerProcess] = []

    def start(role: str, broker: RedisProcess, **env: str) -> WorkerProcess:
        worker = WorkerProcess(
            role,
            env=worker_env(broker_url=f"{broker.url}/0", **env),
            args=("--loglevel", "INFO"),
        )
        workers.append(worker)
        assert wait_until(lambda: worker.logged("ready.") or not worker.alive(), timeout=60), (
            worker.diagnostics()
        )
        assert worker.alive(), worker.diagnostics()
        return worker

    yield start
    for worker in workers:
        worker.stop()


def submit_answer(client) -> str:
    question = QuestionFactory(language="en")
    response = client.post(
        reverse("analysis-answer"),
        {"questionId": str(question.id), "answer": ANSWER},
        format="json",
    )
    assert response.status_code == 202, response.content
    return response.json()["id"]


def completed(analysis_id: str) -> bool:
    """Completed by the provider: a worker still reconnecting past the provider deadline lets
    the offline result land first (preliminary), which the provider's then replaces."""
    result = AnalysisResult.objects.get(pk=analysis_id)
    return result.status == "completed" and not result.preliminary


def test_a_worker_logs_ready_and_each_task_as_json_lines_on_stdout(
    broker, start_worker, openai_env, fake_openai, auth_client, tmp_path
):
    worker = start_worker("io", broker, **openai_env, PROMETHEUS_MULTIPROC_DIR=str(tmp_path))
    fake_openai.enqueue_completion(GOOD_ANALYSIS)
    with publishing_to(f"{broker.url}/0"):
        analysis_id = submit_answer(auth_client)
        assert wait_until(lambda: completed(analysis_id)), worker.diagnostics()
        assert wait_until(lambda: worker.logged("succeeded in"))

    lines = worker.lines()
    messages = [line["message"] for line in lines]
    assert any(message.endswith("ready.") for message in messages)
    received = [m for m in messages if "analyze_answer_task" in m and m.endswith("received")]
    succeeded = [m for m in messages if "analyze_answer_task" in m and "succeeded in" in m]
    assert len(received) == len(succeeded) == 1
    # Every line has the LogStructure fields, Celery's own included.
    for line in lines:
        assert {"timestamp", "level", "service", "operation", "message"} <= set(line)
    assert {line["service"] for line in lines if "analyze_answer_task" in line["message"]} == {
        "celery"
    }
    # Its metrics land in the multiprocess directory that /metrics sums (queue wait, provider).
    from prometheus_client import CollectorRegistry, generate_latest, multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=str(tmp_path))
    text = generate_latest(registry).decode()
    assert 'interview_task_queue_wait_seconds_count{queue="analysis"' in text, text[:2000]
    assert 'provider="openai"' in text and 'outcome="ok"' in text


def test_workers_reconnect_after_losing_their_broker_and_lose_no_answer(
    broker, start_worker, openai_env, fake_openai, auth_client
):
    """Celery gives up after `broker_connection_max_retries` failed reconnects (100 by default,
    about 45 minutes) and exits with "Unrecoverable error", which used to be written nowhere:
    the silent exit. A worker given a budget of 2 shows that exit, now logged; the shipped
    settings retry without limit, and both roles (threads and processes) work again once Redis
    is back."""
    io = start_worker("io", broker, **openai_env)
    cpu = start_worker("cpu", broker, AI_PROVIDER="offline", CELERY_CPU_CONCURRENCY="1")
    budgeted = start_worker(
        "cpu", broker, CELERY_BROKER_CONNECTION_MAX_RETRIES="2", CELERY_CPU_CONCURRENCY="1"
    )

    broker.stop()
    for worker in (io, cpu):
        assert wait_until(lambda w=worker: w.logged("Connection to broker lost"), timeout=15), (
            worker.diagnostics()
        )
    # The 2 retries (2 s and 4 s apart) are spent well within 20 s of Redis being gone.
    assert wait_until(lambda: not budgeted.alive(), timeout=20), "the budgeted worker kept going"
    assert budgeted.process.returncode == 1
    assert budgeted.logged("Unrecoverable error"), budgeted.diagnostics()
    assert io.alive() and cpu.alive()

    broker.start()  # an empty Redis: the restarted server kept nothing
    fake_openai.enqueue_completion(GOOD_ANALYSIS)
    with publishing_to(f"{broker.url}/0"):
        analysis_id = submit_answer(auth_client)
        assert wait_until(lambda: completed(analysis_id), timeout=60), io.diagnostics()
        assert len(fake_openai.requests) == 1
        from accounts.tasks import flush_expired_tokens_task

        flush_expired_tokens_task.delay()  # housekeeping, on the cpu role's processes
        assert wait_until(lambda: cpu.logged("flush_expired_tokens_task"), timeout=30), (
            cpu.diagnostics()
        )
    for worker in (io, cpu):
        assert worker.alive()
        reconnects = [
            line for line in worker.lines() if line["message"].startswith("Connected to redis://")
        ]
        assert len(reconnects) >= 2, worker.diagnostics()  # the first one and after the outage
