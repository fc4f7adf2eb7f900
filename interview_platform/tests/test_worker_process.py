"""A real Celery worker: its own lines are JSON on stdout, and it outlives its broker.

Each test starts a redis-server of its own on a free port (stopped and started again by the
test) and a worker process reading the test database.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from analysis.models import AnalysisResult
from questions.tests.factories import QuestionFactory

from .servers import RedisProcess, WorkerProcess, all_queues, publishing_to, wait_until, worker_env

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
def start_worker():
    workers: list[WorkerProcess] = []

    def start(broker: RedisProcess, *extra_args: str, **env: str) -> WorkerProcess:
        worker = WorkerProcess(
            env=worker_env(broker_url=f"{broker.url}/0", **env),
            args=["-Q", all_queues(), "--concurrency", "1", *extra_args],
        )
        workers.append(worker)
        assert wait_until(lambda: worker.logged("ready.") or not worker.alive(), timeout=60)
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
    return AnalysisResult.objects.get(pk=analysis_id).status == "completed"


def test_a_worker_logs_ready_and_each_task_as_json_lines_on_stdout(
    broker, start_worker, auth_client
):
    worker = start_worker(broker)
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
    assert {"timestamp", "level", "service", "operation", "message"} <= set(lines[0])
    assert {line["service"] for line in lines if "analyze_answer_task" in line["message"]} == {
        "celery"
    }


def test_the_worker_reconnects_after_losing_its_broker_and_loses_no_answer(
    broker, start_worker, auth_client
):
    """Celery gives up after `broker_connection_max_retries` failed reconnects (100 by default)
    and exits with "Unrecoverable error", which used to be written nowhere: the silent exit.
    A worker given a budget of 2 shows that exit (now logged); the shipped settings retry
    without limit and work again once Redis is back."""
    survivor = start_worker(broker)
    budgeted = start_worker(broker, CELERY_BROKER_CONNECTION_MAX_RETRIES="2")

    broker.stop()
    assert wait_until(lambda: survivor.logged("Connection to broker lost"), timeout=15)
    # 2 retries (2 s and 4 s apart) are spent well within 15 s of Redis being gone.
    assert wait_until(lambda: not budgeted.alive(), timeout=20), "the budgeted worker kept going"
    assert budgeted.process.returncode == 1
    assert budgeted.logged("Unrecoverable error"), budgeted.diagnostics()
    assert survivor.alive()

    broker.start()  # an empty Redis: the restarted server kept nothing
    with publishing_to(f"{broker.url}/0"):
        analysis_id = submit_answer(auth_client)
        assert wait_until(lambda: completed(analysis_id), timeout=60), survivor.diagnostics()
    assert survivor.alive()
    reconnects = [
        line for line in survivor.lines() if line["message"].startswith("Connected to redis://")
    ]
    assert len(reconnects) >= 2  # the first connection and the one after the outage
