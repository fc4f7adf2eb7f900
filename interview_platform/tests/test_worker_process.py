"""Real Celery workers: their own lines are JSON on stdout, they outlive their broker, and
no role's work waits behind another's.

Each test starts a redis-server of its own on a free port (stopped and started again by the
test) and the production worker roles (`interview_platform.workers <role>`) reading the test
database; provider calls go to a local fake OpenAI server.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from analysis.models import AnalysisResult
from analysis.tasks import analyze_answer_task
from analysis.tests.fake_openai import FakeOpenAIServer
from analysis.tests.test_openai_provider import GOOD_ANALYSIS
from questions.tests.factories import QuestionFactory
from sessions_app.models import InterviewSession, SessionStatus
from sessions_app.tests.factories import InterviewSessionFactory

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
    housekeeping = start_worker("housekeeping", broker)
    budgeted = start_worker(
        "cpu", broker, CELERY_BROKER_CONNECTION_MAX_RETRIES="2", CELERY_CPU_CONCURRENCY="1"
    )

    broker.stop()
    for worker in (io, cpu, housekeeping):
        assert wait_until(lambda w=worker: w.logged("Connection to broker lost"), timeout=15), (
            worker.diagnostics()
        )
    # The 2 retries (2 s and 4 s apart) are spent well within 20 s of Redis being gone.
    assert wait_until(lambda: not budgeted.alive(), timeout=20), "the budgeted worker kept going"
    assert budgeted.process.returncode == 1
    assert budgeted.logged("Unrecoverable error"), budgeted.diagnostics()
    assert io.alive() and cpu.alive() and housekeeping.alive()

    broker.start()  # an empty Redis: the restarted server kept nothing
    fake_openai.enqueue_completion(GOOD_ANALYSIS)
    with publishing_to(f"{broker.url}/0"):
        analysis_id = submit_answer(auth_client)
        assert wait_until(lambda: completed(analysis_id), timeout=60), io.diagnostics()
        assert len(fake_openai.requests) == 1
        from accounts.tasks import flush_expired_tokens_task

        flush_expired_tokens_task.delay()  # beat's task, on the housekeeping role's threads
        assert wait_until(lambda: housekeeping.logged("flush_expired_tokens_task"), timeout=30), (
            housekeeping.diagnostics()
        )
    for worker in (io, cpu, housekeeping):
        assert worker.alive()
        reconnects = [
            line for line in worker.lines() if line["message"].startswith("Connected to redis://")
        ]
        assert len(reconnects) >= 2, worker.diagnostics()  # the first one and after the outage


def succeeded(worker: WorkerProcess, task: str) -> bool:
    return any(
        task in line["message"] and "succeeded in" in line["message"] for line in worker.lines()
    )


def test_an_export_and_beat_s_tasks_complete_while_the_analysis_and_scoring_pools_hang(
    broker, start_worker, openai_env, fake_openai, auth_client, settings
):
    """Issue 14: exports and housekeeping have workers of their own. Every `io` thread and
    every `cpu` process is stuck in a provider call that does not answer; an export and two of
    beat's tasks still complete at once, on the `exports` and `housekeeping` roles, while both
    stuck pools are still stuck. (Before the split, exports and housekeeping were `cpu`'s
    queues: they waited for its process, here 15 s.)"""
    from accounts.tasks import flush_expired_tokens_task
    from sessions_app.tasks import expire_sessions_task

    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m", "export": "100/h"}
    for _ in range(2):
        fake_openai.enqueue_completion(GOOD_ANALYSIS, delay=30.0)  # hung past the SDK timeout
    hung_env = {**openai_env, "OPENAI_TIMEOUT_SECONDS": "15"}
    io = start_worker("io", broker, **hung_env, CELERY_IO_CONCURRENCY="1")
    cpu = start_worker("cpu", broker, **hung_env, CELERY_CPU_CONCURRENCY="1")
    exports = start_worker("exports", broker)
    housekeeping = start_worker("housekeeping", broker)
    overdue = InterviewSessionFactory(expires_at=timezone.now() - timedelta(minutes=1))

    with publishing_to(f"{broker.url}/0"):
        first = submit_answer(auth_client)  # `io`'s only thread: a provider call that hangs
        second = submit_answer(auth_client)  # queued on `analysis` behind it
        # `cpu`'s only process: the same hung provider call (what a wave of offline scoring
        # would be: every process busy), taken from `scoring`.
        analyze_answer_task.apply_async(args=[second], queue="scoring")
        assert wait_until(lambda: len(fake_openai.requests) == 2, timeout=20), (
            io.diagnostics() + cpu.diagnostics()
        )
        hung_at = time.monotonic()

        export = auth_client.post(
            reverse("analytics-export"), {"format": "json", "scope": "all"}, format="json"
        )
        assert export.status_code == 202, export.content
        expire_sessions_task.delay()
        flush_expired_tokens_task.delay()

        def export_completed():
            job = auth_client.get(reverse("analytics-export-detail", args=[export.json()["id"]]))
            return job.json()["status"] == "completed"

        assert wait_until(export_completed, timeout=12), exports.diagnostics()
        assert wait_until(
            lambda: InterviewSession.objects.get(pk=overdue.pk).status == SessionStatus.ABANDONED,
            timeout=12,
        ), housekeeping.diagnostics()
        assert wait_until(lambda: succeeded(housekeeping, "flush_expired_tokens_task"), timeout=12)
        took = time.monotonic() - hung_at

    # Done on their own roles, well before the hung calls end (15 s), and while both stuck
    # pools were still stuck: neither answer has a result yet, not even the offline fallback
    # (which waits on `scoring` behind the hung process).
    assert took < 12, took
    assert succeeded(exports, "export_run_task")
    assert succeeded(housekeeping, "expire_sessions_task")
    assert not AnalysisResult.objects.filter(pk__in=[first, second], status="completed").exists()
    assert len(fake_openai.requests) == 2
    for worker in (io, cpu):
        done = [line["message"] for line in worker.lines() if "succeeded in" in line["message"]]
        assert not done, (worker.role, done)
        assert worker.alive()
