"""The real pipeline: an answer over HTTP, a Celery worker process on Redis (not eager),
PostgreSQL shared between the two, and duplicate deliveries of the same task."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from analysis.models import AnalysisResult
from analysis.tasks import analyze_answer_task
from questions.tests.factories import QuestionFactory

ROOT = Path(__file__).resolve().parents[2]
ANSWER = (
    "I led the migration of our billing jobs to Celery. I split the monolith task into "
    "idempotent steps, added retries with backoff, and cut failed runs from 40 to 2 a week."
)

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker():
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        pytest.skip("needs REDIS_URL and PostgreSQL (CI)")
    from interview_platform.celery import app

    database = connection.settings_dict
    environment = {
        **os.environ,
        # The worker must read the test database this test writes to.
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        ),
        "DATABASE_POOL": "false",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "AI_PROVIDER": "offline",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "interview_platform",
            "worker",
            "-Q",
            "analysis",
            "--pool",
            "solo",
            "--concurrency",
            "1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=environment,
    )
    app.conf.task_always_eager = False
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge("analysis")
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def wait_until(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_a_worker_analyses_the_answer_and_ignores_duplicate_deliveries(worker, auth_client):
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
    first = analyze_answer_task.apply_async(args=[analysis_id])
    second = analyze_answer_task.apply_async(args=[analysis_id])
    assert first.id != second.id
    from interview_platform.celery import app

    with app.connection_for_write() as conn:
        client = conn.default_channel.client
        assert wait_until(lambda: client.llen("analysis") == 0), "the duplicates were not consumed"
    time.sleep(1.5)  # the solo worker finishes the last one it took
    after = AnalysisResult.objects.get(pk=analysis_id)
    assert (after.attempts, after.total_score, after.completed_at) == (
        1,
        completed.total_score,
        completed.completed_at,
    )
    question.refresh_from_db()
    assert question.scored_count == 1
    assert worker.poll() is None, "the worker died"
