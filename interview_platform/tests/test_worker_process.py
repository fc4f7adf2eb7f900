"""Real Celery workers: their own lines are JSON on stdout, they outlive their broker, and
a hung provider holds its slots and no more of the worker's threads.

Each test starts a redis-server of its own on a free port (stopped and started again by the
test) and the production worker (`interview_platform.workers jobs`) reading the test database;
provider calls go to a local fake OpenAI server.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from analysis.models import AnalysisResult
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
    worker = start_worker("jobs", broker, **openai_env, PROMETHEUS_MULTIPROC_DIR=str(tmp_path))
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
    settings retry without limit, and the worker works again once Redis is back."""
    worker = start_worker("jobs", broker, **openai_env)
    budgeted = start_worker("jobs", broker, CELERY_BROKER_CONNECTION_MAX_RETRIES="2")

    broker.stop()
    assert wait_until(lambda: worker.logged("Connection to broker lost"), timeout=15), (
        worker.diagnostics()
    )
    # The 2 retries (2 s and 4 s apart) are spent well within 20 s of Redis being gone.
    assert wait_until(lambda: not budgeted.alive(), timeout=20), "the budgeted worker kept going"
    assert budgeted.process.returncode == 1
    assert budgeted.logged("Unrecoverable error"), budgeted.diagnostics()
    assert worker.alive()

    broker.start()  # an empty Redis: the restarted server kept nothing
    fake_openai.enqueue_completion(GOOD_ANALYSIS)
    with publishing_to(f"{broker.url}/0"):
        analysis_id = submit_answer(auth_client)
        assert wait_until(lambda: completed(analysis_id), timeout=60), worker.diagnostics()
        assert len(fake_openai.requests) == 1
        from accounts.tasks import flush_expired_tokens_task

        flush_expired_tokens_task.delay()  # beat's task, on `housekeeping`
        assert wait_until(lambda: succeeded(worker, "flush_expired_tokens_task"), timeout=30), (
            worker.diagnostics()
        )
    assert worker.alive()
    reconnects = [
        line for line in worker.lines() if line["message"].startswith("Connected to redis://")
    ]
    assert len(reconnects) >= 2, worker.diagnostics()  # the first one and after the outage


def succeeded(worker: WorkerProcess, task: str) -> bool:
    return any(
        task in line["message"] and "succeeded in" in line["message"] for line in worker.lines()
    )


def test_an_export_beat_s_tasks_and_the_fallbacks_complete_while_every_provider_slot_hangs(
    broker, start_worker, openai_env, fake_openai, auth_client, settings
):
    """Issue 16: one worker runs every queue on one pool of threads. Both of its provider slots
    are stuck in calls that do not answer and a third answer waits in its queue for a slot; an
    export, two of beat's tasks and the offline results of all three answers still complete at
    once on the threads beyond the slots, while the stuck calls are still stuck. (Without the
    slots, provider calls took every thread: here, four.)"""
    from accounts.tasks import flush_expired_tokens_task
    from sessions_app.tasks import expire_sessions_task

    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m", "export": "100/h"}
    settings.ANALYSIS_PRELIMINARY_AFTER_SECONDS = 2.0
    for _ in range(3):
        fake_openai.enqueue_completion(GOOD_ANALYSIS, delay=30.0)  # hung past the SDK timeout
    worker = start_worker(
        "jobs",
        broker,
        **{**openai_env, "OPENAI_TIMEOUT_SECONDS": "15"},
        CELERY_JOBS_CONCURRENCY="4",
        ANALYSIS_PROVIDER_SLOTS="2",
        EXPORT_SLOTS="1",
    )
    overdue = InterviewSessionFactory(expires_at=timezone.now() - timedelta(minutes=1))

    with publishing_to(f"{broker.url}/0"):
        ids = [submit_answer(auth_client) for _ in range(3)]
        assert wait_until(lambda: len(fake_openai.requests) == 2, timeout=20), worker.diagnostics()
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

        def offline_results():
            rows = AnalysisResult.objects.filter(pk__in=ids)
            return all(r.status == "completed" and r.preliminary for r in rows)

        assert wait_until(export_completed, timeout=12), worker.diagnostics()
        assert wait_until(
            lambda: InterviewSession.objects.get(pk=overdue.pk).status == SessionStatus.ABANDONED,
            timeout=12,
        ), worker.diagnostics()
        assert wait_until(lambda: succeeded(worker, "flush_expired_tokens_task"), timeout=12)
        assert wait_until(offline_results, timeout=12), worker.diagnostics()
        took = time.monotonic() - hung_at

    # Well before the hung calls end (15 s): the third answer never reached the provider, its
    # task sent back to wait for a slot, and no analysis has the provider's result.
    assert took < 12, took
    assert len(fake_openai.requests) == 2
    assert worker.logged("'postponed'"), worker.diagnostics()
    assert succeeded(worker, "export_run_task")
    assert succeeded(worker, "expire_sessions_task")
    assert not AnalysisResult.objects.filter(pk__in=ids, preliminary=False).exists()
    assert worker.alive()
