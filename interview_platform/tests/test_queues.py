"""Queues and the worker: every task lands on a queue the worker consumes, beat's tasks on
`housekeeping`, provider calls on `analysis` and exports on `exports`."""

from __future__ import annotations

import re
from pathlib import Path

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


def option(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


def test_one_worker_consumes_every_queue_on_threads_with_slots_that_leave_threads_free():
    """Provider calls and exports are bounded by their slots inside the worker; the pool has
    threads beyond them for offline scoring, fallbacks, beat's tasks and e-mail."""
    assert set(settings.CELERY_WORKER_ROLES) == {"jobs"}
    argv = worker_command("jobs")
    assert option(argv, "--pool") == "threads"
    assert set(option(argv, "--queues").split(",")) == {
        "analysis",
        "scoring",
        "exports",
        "housekeeping",
        "default",
    }
    threads = int(option(argv, "--concurrency"))
    assert threads > settings.ANALYSIS_PROVIDER_SLOTS + settings.EXPORT_SLOTS


def reloaded_jobs_settings(monkeypatch, **environment: str) -> tuple[int, int, int]:
    """Provider slots, export slots and the worker's threads, read with `environment`."""
    import importlib

    from interview_platform.settings import jobs

    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    try:
        jobs = importlib.reload(jobs)
        threads = jobs.CELERY_WORKER_ROLES["jobs"]["concurrency"]
        return jobs.ANALYSIS_PROVIDER_SLOTS, jobs.EXPORT_SLOTS, threads
    finally:
        monkeypatch.undo()
        importlib.reload(jobs)


def test_the_pool_follows_the_slots_and_has_a_setting_of_its_own(monkeypatch):
    slots = {"ANALYSIS_PROVIDER_SLOTS": "4", "EXPORT_SLOTS": "1"}
    assert reloaded_jobs_settings(monkeypatch, **slots) == (4, 1, 4 + 1 + 6)
    assert reloaded_jobs_settings(monkeypatch, CELERY_JOBS_CONCURRENCY="40") == (16, 2, 40)


def test_a_pool_the_slots_would_fill_is_refused(monkeypatch):
    """With no thread beyond the slots a hung provider could hold up every other kind of work."""
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(
        ImproperlyConfigured, match="CELERY_JOBS_CONCURRENCY=18 must be at least 19"
    ):
        reloaded_jobs_settings(monkeypatch, CELERY_JOBS_CONCURRENCY="18")


def test_the_worker_is_started_by_the_makefile_compose_and_the_image():
    """`make worker`, compose's worker service, docker/start-worker (the role when WORKER_ROLE
    is unset) and its HEALTHCHECK name the settings' role."""
    root = Path(__file__).resolve().parents[2]
    makefile = (root / "Makefile").read_text()
    assert "-m interview_platform.workers jobs " in makefile
    compose = (root / "compose.yaml").read_text()
    assert re.findall(r"^\s+WORKER_ROLE: (\S+)$", compose, re.M) == ["jobs"]
    assert "\n  worker:\n" in compose
    for name in ("CELERY_JOBS_CONCURRENCY", "ANALYSIS_PROVIDER_SLOTS", "EXPORT_SLOTS"):
        assert f"{name}: ${{{name}:-}}" in compose
    assert '"${WORKER_ROLE:-jobs}"' in (root / "docker" / "start-worker").read_text()
    assert '"${WORKER_ROLE:-jobs}@' in (root / "docker" / "healthcheck").read_text()


def test_an_unknown_role_is_refused():
    with pytest.raises(SystemExit, match="unknown worker role"):
        worker_command("gpu")
