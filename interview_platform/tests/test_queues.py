"""Queues and worker roles: every task lands on a queue some role consumes, beat's tasks on
`housekeeping`, provider calls on the threads pool, CPU work on processes."""

from __future__ import annotations

import os

import pytest
from django.conf import settings

from interview_platform.celery import app
from interview_platform.workers import worker_command


def queue_of(task_name: str) -> str:
    app.loader.import_default_modules()
    route = app.amqp.router.route({}, task_name)
    return route["queue"].name


def test_every_beat_task_runs_on_the_housekeeping_queue():
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert queue_of(entry["task"]) == "housekeeping", entry["task"]


def test_every_registered_task_lands_on_a_queue_a_worker_role_consumes():
    app.loader.import_default_modules()
    consumed = {q for role in settings.CELERY_WORKER_ROLES.values() for q in role["queues"]}
    ours = [name for name in app.tasks if not name.startswith("celery.")]
    assert ours
    for name in ours:
        assert queue_of(name) in consumed, name


def test_provider_calls_and_exports_have_their_own_queues():
    assert queue_of("analysis.tasks.analyze_answer_task") == "analysis"
    assert queue_of("analytics.tasks.export_run_task") == "exports"


def test_the_io_role_waits_on_threads_and_the_cpu_role_runs_processes_bounded_by_the_cores():
    io_argv, _ = worker_command("io")
    cpu_argv, cpu_env = worker_command("cpu")
    assert io_argv[io_argv.index("--pool") + 1] == "threads"
    assert io_argv[io_argv.index("--queues") + 1] == "analysis"
    assert cpu_argv[cpu_argv.index("--pool") + 1] == "prefork"
    assert int(cpu_argv[cpu_argv.index("--concurrency") + 1]) <= max(1, os.cpu_count() or 1)
    assert "analysis" not in cpu_argv[cpu_argv.index("--queues") + 1].split(",")
    assert cpu_env == {"DATABASE_POOL": "false"}


def test_an_unknown_role_is_refused():
    with pytest.raises(SystemExit, match="unknown worker role"):
        worker_command("gpu")
