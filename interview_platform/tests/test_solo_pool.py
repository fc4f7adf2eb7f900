"""The one-process pool of the `cpu` and `exports` roles enforces the limits prefork does
(interview_platform/solo_pool.py): in this process first, then a real `exports` worker."""

from __future__ import annotations

import contextlib
import tempfile
import threading
import time
from pathlib import Path

import pytest
from billiard.exceptions import SoftTimeLimitExceeded
from django.db import connection

from interview_platform.solo_pool import TaskPool

from .servers import RedisProcess, WorkerProcess, publishing_to, wait_until, worker_env

BUSY = "celery-busy-exports@*"


def run(pool: TaskPool, target, **limits) -> dict:
    """Applies `target` as the worker does; what its callbacks saw."""
    seen: dict = {"timeouts": []}
    pool.apply_async(
        target,
        callback=lambda result: seen.setdefault("result", result),
        timeout_callback=lambda soft, timeout: seen["timeouts"].append((soft, timeout)),
        **limits,
    )
    return seen


@pytest.fixture
def pool():
    pool = TaskPool(limit=1)
    pool.start()
    yield pool
    pool.limits.disarm()


def test_a_task_past_its_soft_limit_gets_soft_time_limit_exceeded_and_the_pool_goes_on(pool):
    def slow():
        try:
            time.sleep(5)
        except SoftTimeLimitExceeded:
            return "stopped"
        return "finished"

    started = time.monotonic()
    seen = run(pool, slow, soft_timeout=0.3, timeout=5)
    assert seen["result"] == "stopped"
    assert time.monotonic() - started < 2
    assert run(pool, lambda: "next")["result"] == "next"


def test_a_task_past_its_hard_limit_is_failed_and_the_worker_replaced(pool):
    """What prefork does when it kills a child: the request's timeout handler (which records
    the failure and acknowledges the message), then a fresh process."""
    restarted = threading.Event()
    pool.restart = restarted.set

    def stuck():  # ignores its soft limit, as a long C call would
        deadline = time.monotonic() + 5
        while not restarted.is_set() and time.monotonic() < deadline:
            with contextlib.suppress(SoftTimeLimitExceeded):
                time.sleep(0.05)
        return "gave up"

    started = time.monotonic()
    seen = run(pool, stuck, soft_timeout=0.2, timeout=0.6)
    assert restarted.is_set()
    assert seen["timeouts"] == [(False, 0.6)]
    assert time.monotonic() - started < 3


def test_a_busy_worker_leaves_its_deadline_for_the_health_check_until_the_task_ends(tmp_path):
    pool = TaskPool(limit=1, initargs=(None, "exports@here"))
    pool.limits._busy_file = tmp_path / "busy"
    seen_during = []

    def task():
        seen_during.append(float(pool.limits._busy_file.read_text()) - time.time())
        return "done"

    assert run(pool, task, soft_timeout=5, timeout=10)["result"] == "done"
    assert 9 <= seen_during[0] <= 10.5  # whole seconds
    assert not pool.limits._busy_file.exists()
    assert TaskPool(limit=1, initargs=(None, "exports@here")).limits._busy_file == Path(
        tempfile.gettempdir(), "celery-busy-exports@here"
    )


def test_limits_end_with_the_task(pool):
    pool.restart = lambda: pytest.fail("restarted after the task had returned")
    assert run(pool, lambda: "quick", soft_timeout=0.2, timeout=0.4) == {
        "timeouts": [],
        "result": "quick",
    }
    time.sleep(0.6)  # neither limit fires for a task that is over


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_an_export_past_its_hard_limit_is_stopped_and_the_worker_starts_again(user):
    """A real `exports` worker (one process): an export stuck past its hard limit (here on a
    row lock the test holds) is recorded failed and not delivered again, the worker replaces
    itself (same pid) and builds the next export."""
    if connection.vendor != "postgresql":
        pytest.skip("a worker process needs the PostgreSQL test database (CI)")
    import psycopg

    from analytics.models import ExportJob, ExportStatus
    from analytics.tasks import export_run_task

    from .servers import child_database_url

    broker = RedisProcess().start()
    worker = WorkerProcess(
        "exports", env=worker_env(broker_url=f"{broker.url}/0"), args=("--loglevel", "INFO")
    )
    stuck = ExportJob.objects.create(user=user, format="json")
    try:
        assert wait_until(lambda: worker.logged("ready."), timeout=60), worker.diagnostics()
        pid = worker.process.pid
        with psycopg.connect(child_database_url()) as lock:
            table = ExportJob._meta.db_table
            lock.execute(f"SELECT 1 FROM {table} WHERE id = %s FOR UPDATE", [stuck.pk])  # noqa: S608
            with publishing_to(f"{broker.url}/0"):
                export_run_task.apply_async((str(stuck.pk),), time_limit=2)
                # Busy, so silent to `inspect ping`: the health check reads the deadline.
                busy = wait_until(lambda: list(Path(tempfile.gettempdir()).glob(BUSY)), timeout=20)
                assert busy, worker.diagnostics()
                assert 0 < int(busy[0].read_text()) - time.time() <= 2.5
                assert wait_until(lambda: worker.logged("Hard time limit (2"), timeout=20), (
                    worker.diagnostics()
                )
            lock.rollback()
        assert wait_until(lambda: readies(worker) == 2, timeout=60), worker.diagnostics()
        assert worker.alive() and worker.process.pid == pid
        assert not list(Path(tempfile.gettempdir()).glob(BUSY))
        # Acknowledged: nothing is left for Redis to deliver again.
        client = broker_client(broker)
        assert (client.llen("exports"), client.hlen("unacked")) == (0, 0), worker.diagnostics()
        received = [line for line in worker.lines() if line["message"].endswith("received")]
        assert len(received) == 1, worker.diagnostics()

        after = ExportJob.objects.create(user=user, format="json")
        with publishing_to(f"{broker.url}/0"):
            export_run_task.delay(str(after.pk))
        assert wait_until(
            lambda: ExportJob.objects.get(pk=after.pk).status == ExportStatus.COMPLETED, timeout=30
        ), worker.diagnostics()
        assert ExportJob.objects.get(pk=stuck.pk).status != ExportStatus.COMPLETED
    finally:
        worker.stop()
        broker.close()


def broker_client(broker: RedisProcess):
    import redis

    return redis.Redis.from_url(f"{broker.url}/0")


def readies(worker: WorkerProcess) -> int:
    return sum(line["message"].endswith("ready.") for line in worker.lines())
