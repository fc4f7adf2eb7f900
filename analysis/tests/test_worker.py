"""The real pipeline: an answer over HTTP, a Celery worker process on Redis (not eager),
PostgreSQL shared between the two, and duplicate deliveries of the same task."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from analysis.models import AnalysisResult
from analysis.tasks import analyze_answer_task, requeue_stale_analyses_task
from questions.tests.factories import QuestionFactory

from .test_openai_provider import GOOD_ANALYSIS

ROOT = Path(__file__).resolve().parents[2]
ANSWER = (
    "I led the migration of our billing jobs to Celery. I split the monolith task into "
    "idempotent steps, added retries with backoff, and cut failed runs from 40 to 2 a week."
)

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def start_worker(role: str, **environment: str) -> subprocess.Popen:
    """The production command line of a worker role (settings.CELERY_WORKER_ROLES), pointed at
    this test's database and Redis; the child reads its settings (CELERY_JOBS_CONCURRENCY,
    the slots) from `environment` itself."""
    from interview_platform.tests.servers import worker_argv

    database = connection.settings_dict
    env = {
        **os.environ,
        # The worker must read the test database this test writes to.
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        ),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        **environment,
    }
    process = subprocess.Popen(
        worker_argv(role, "--loglevel", "WARNING"),
        cwd=ROOT,
        env=env,
    )
    # Ready before anything is submitted: the provider's deadline counts from submission, and a
    # worker still starting (its warm-up takes a second or more) would let the offline
    # preliminary land before the provider's call has begun.
    from interview_platform.celery import app

    deadline = time.monotonic() + 30
    while not app.control.ping(timeout=0.5) and time.monotonic() < deadline:
        assert process.poll() is None, "the worker exited"
    return process


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@pytest.fixture
def broker():
    if not settings.REDIS or connection.vendor != "postgresql":
        pytest.skip("needs Redis (REDIS_URL) and PostgreSQL (CI)")
    from interview_platform.celery import app

    app.conf.task_always_eager = False
    with app.connection_for_write() as conn:
        for role in settings.CELERY_WORKER_ROLES.values():
            for queue in role["queues"]:
                conn.default_channel.queue_purge(queue)
        yield conn.default_channel.client


@pytest.fixture
def worker(broker):
    """The worker with the offline provider: analyses are CPU work queued on `scoring`."""
    process = start_worker("jobs", AI_PROVIDER="offline")
    yield process
    stop(process)


def wait_until(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_a_worker_analyses_the_answer_and_ignores_duplicate_deliveries(worker, broker, auth_client):
    question = QuestionFactory(language="en")
    response = auth_client.post(
        reverse("analysis-answer"),
        {"questionId": str(question.id), "answer": ANSWER},
        format="json",
    )
    assert response.status_code == 202
    analysis_id = response.json()["id"]
    assert response.json()["status"] == "pending"

    assert wait_until(lambda: AnalysisResult.objects.get(pk=analysis_id).status == "completed"), (
        "the worker did not complete the analysis"
    )
    completed = AnalysisResult.objects.get(pk=analysis_id)
    assert completed.total_score is not None and completed.attempts == 1

    # The broker delivers the same task twice more: the claim makes both a no-op.
    first = analyze_answer_task.apply_async(args=[analysis_id], queue=settings.QUEUE_SCORING)
    second = analyze_answer_task.apply_async(args=[analysis_id], queue=settings.QUEUE_SCORING)
    assert first.id != second.id
    assert wait_until(lambda: broker.llen("scoring") == 0), "the duplicates were not consumed"
    time.sleep(1.5)  # the worker finishes the last one it took
    after = AnalysisResult.objects.get(pk=analysis_id)
    assert (after.attempts, after.total_score, after.completed_at) == (
        1,
        completed.total_score,
        completed.completed_at,
    )
    question.refresh_from_db()
    assert question.scored_count == 1
    assert worker.poll() is None, "the worker died"


@pytest.fixture
def io_worker_env(broker, fake_openai):
    return {
        "AI_PROVIDER": "openai",
        "OPENAI_API_KEY": "sk-test-fake",
        "OPENAI_BASE_URL": fake_openai.base_url,
        "OPENAI_MAX_RETRIES": "0",
        "OPENAI_TIMEOUT_SECONDS": "20",
    }


def submit(client, question) -> str:
    response = client.post(
        reverse("analysis-answer"),
        {"questionId": str(question.id), "answer": ANSWER},
        format="json",
    )
    assert response.status_code == 202, response.content
    return response.json()["id"]


def test_the_workers_threads_run_provider_calls_side_by_side_and_claim_each_once(
    io_worker_env, broker, fake_openai, auth_client, settings
):
    settings.AI_PROVIDER, settings.OPENAI_API_KEY = "openai", "sk-test-fake"
    worker = start_worker("jobs", **io_worker_env, ANALYSIS_PROVIDER_SLOTS="8")
    try:
        for _ in range(4):
            fake_openai.enqueue_completion(GOOD_ANALYSIS, delay=2.0)
        questions = [QuestionFactory(language="en") for _ in range(4)]
        ids = [submit(auth_client, question) for question in questions]
        # Each analysis delivered twice more at once: threads take the copies concurrently.
        for analysis_id in ids:
            for _ in range(2):
                analyze_answer_task.apply_async(args=[analysis_id])

        def all_completed():
            return AnalysisResult.objects.filter(pk__in=ids, status="completed").count() == len(ids)

        assert wait_until(all_completed, timeout=30), "the worker did not complete them"
        # The four 2-second provider calls overlapped: the last began before the first ended.
        received = sorted(request.received_at for request in fake_openai.requests)
        assert received[-1] - received[0] < 2.0
        assert wait_until(lambda: broker.llen("analysis") == 0)
        time.sleep(1)
        rows = AnalysisResult.objects.filter(pk__in=ids)
        assert [r.attempts for r in rows] == [1] * 4
        assert all(r.preliminary is False and r.total_score == 70 for r in rows)
        assert len(fake_openai.requests) == 4  # one provider call per answer, duplicates skipped
        assert worker.poll() is None, "the worker died"
    finally:
        stop(worker)


def test_an_answer_survives_kill_9_of_the_worker_mid_call_and_is_analysed_once(
    io_worker_env, broker, fake_openai, auth_client, settings
):
    settings.AI_PROVIDER, settings.OPENAI_API_KEY = "openai", "sk-test-fake"
    question = QuestionFactory(language="en")
    fake_openai.enqueue_completion(GOOD_ANALYSIS, delay=15.0)  # the call the kill interrupts
    worker = start_worker("jobs", **io_worker_env)
    try:
        analysis_id = submit(auth_client, question)
        assert wait_until(lambda: len(fake_openai.requests) == 1, timeout=20), "no provider call"
        assert AnalysisResult.objects.get(pk=analysis_id).status == "processing"
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        stop(worker)

    # The row stays claimed by the dead run until it is stale; then the sweep queues it again.
    AnalysisResult.objects.filter(pk=analysis_id).update(
        updated_at=timezone.now() - timedelta(seconds=settings.ANALYSIS_STALE_AFTER_SECONDS + 1)
    )
    fake_openai.enqueue_completion(GOOD_ANALYSIS)
    worker = start_worker("jobs", **io_worker_env)
    try:
        assert requeue_stale_analyses_task() == 1
        assert wait_until(
            lambda: AnalysisResult.objects.get(pk=analysis_id).status == "completed", timeout=30
        ), "the re-queued analysis did not complete"
        done = AnalysisResult.objects.get(pk=analysis_id)
        # The broker's own redelivery of the unacknowledged message comes later: a no-op.
        analyze_answer_task.apply_async(args=[analysis_id])
        assert wait_until(lambda: broker.llen("analysis") == 0)
        time.sleep(1)
        after = AnalysisResult.objects.get(pk=analysis_id)
        assert (after.attempts, after.completed_at, after.total_score) == (
            2,
            done.completed_at,
            70,
        )
        question.refresh_from_db()
        assert question.scored_count == 1
        assert len(fake_openai.requests) == 2
        assert worker.poll() is None
    finally:
        stop(worker)


def test_a_hung_provider_gives_the_offline_result_within_seconds_and_starves_no_export(
    io_worker_env, broker, fake_openai, auth_client, settings
):
    settings.AI_PROVIDER, settings.OPENAI_API_KEY = "openai", "sk-test-fake"
    settings.ANALYSIS_PRELIMINARY_AFTER_SECONDS = 2.0
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m", "export": "100/h"}
    for _ in range(4):
        fake_openai.enqueue_completion(GOOD_ANALYSIS, delay=6.0)  # far past the deadline
    # Two provider slots for four hung calls: two answers wait in the queue for a slot, while
    # the worker's other threads score the fallbacks and build the export.
    worker = start_worker("jobs", **io_worker_env, ANALYSIS_PROVIDER_SLOTS="2")
    try:
        db = broker.connection_pool.connection_kwargs.get("db", 0)

        def consuming():  # the workers blocked in BRPOP on this test's Redis database
            clients = broker.client_list()
            return sum(c.get("cmd") == "brpop" and int(c.get("db")) == db for c in clients) >= 1

        assert wait_until(consuming, timeout=60), "the worker did not start"
        ids = [submit(auth_client, QuestionFactory(language="en")) for _ in range(4)]
        export = auth_client.post(
            reverse("analytics-export"), {"format": "json", "scope": "all"}, format="json"
        )
        assert export.status_code == 202, export.content

        def preliminary():
            rows = AnalysisResult.objects.filter(pk__in=ids)
            return all(r.status == "completed" and r.preliminary for r in rows)

        assert wait_until(preliminary, timeout=10), "still pending behind a hung provider"
        rows = AnalysisResult.objects.filter(pk__in=ids)
        assert {r.failure_reason for r in rows} == {"provider_slow"}
        # The deadline (2 s) plus the offline scorer and a queue hop, not the provider's 6 s.
        assert max((r.completed_at - r.created_at).total_seconds() for r in rows) < 4.0
        job = auth_client.get(reverse("analytics-export-detail", args=[export.json()["id"]]))
        assert job.json()["status"] == "completed", job.json()

        # The provider answers at last: its analysis replaces the offline one, once each.
        def upgraded():
            rows = AnalysisResult.objects.filter(pk__in=ids)
            return all(not r.preliminary and r.total_score == 70 for r in rows)

        assert wait_until(upgraded, timeout=30), "the provider's results did not replace them"
        rows = AnalysisResult.objects.filter(pk__in=ids)
        assert {(r.status, r.failure_reason, r.attempts) for r in rows} == {("completed", "", 1)}
        assert len(fake_openai.requests) == 4
    finally:
        stop(worker)
