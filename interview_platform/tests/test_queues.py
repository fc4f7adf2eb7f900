"""Queues and worker roles: every task lands on a queue some role consumes, beat's tasks on
`housekeeping`, provider calls on the threads pool, CPU work on processes."""

from __future__ import annotations

import os
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


def test_the_io_role_waits_on_threads_and_the_cpu_role_runs_processes_bounded_by_the_cores():
    io_argv, _ = worker_command("io")
    cpu_argv, cpu_env = worker_command("cpu")
    assert option(io_argv, "--pool") == "threads"
    assert option(io_argv, "--queues") == "analysis"
    processes = int(option(cpu_argv, "--concurrency"))
    assert processes <= max(1, os.cpu_count() or 1)
    assert option(cpu_argv, "--queues") == "scoring"
    assert (option(cpu_argv, "--pool"), cpu_env) == processes_pool(processes)


def processes_pool(concurrency: int) -> tuple[str, dict]:
    """One process: the solo pool with its time limits (no prefork parent beside its only
    child); more: prefork, with plain database connections."""
    if concurrency == 1:
        return "custom", {"CELERY_CUSTOM_WORKER_POOL": "interview_platform.solo_pool:TaskPool"}
    return "prefork", {"DATABASE_POOL": "false"}


def test_a_process_role_of_one_is_one_process_and_of_more_a_prefork_pool(monkeypatch):
    import importlib

    from interview_platform.settings import jobs

    for cpu, exports in ((1, 1), (3, 2)):
        monkeypatch.setenv("CELERY_CPU_CONCURRENCY", str(cpu))
        monkeypatch.setenv("CELERY_EXPORTS_CONCURRENCY", str(exports))
        try:
            monkeypatch.setattr(
                settings, "CELERY_WORKER_ROLES", importlib.reload(jobs).CELERY_WORKER_ROLES
            )
            for role, concurrency in (("cpu", cpu), ("exports", exports)):
                argv, env = worker_command(role)
                assert option(argv, "--concurrency") == str(concurrency)
                assert (option(argv, "--pool"), env) == processes_pool(concurrency)
        finally:
            monkeypatch.undo()
            importlib.reload(jobs)


def test_every_queue_is_consumed_by_exactly_one_role_so_none_waits_behind_another():
    """Analysis, scoring, exports and housekeeping each have a worker (and a pool) of their own:
    a hung provider, a wave of offline scoring or an export burst holds up its own role only."""
    owners: dict[str, list[str]] = {}
    for role, spec in settings.CELERY_WORKER_ROLES.items():
        for queue in spec["queues"]:
            owners.setdefault(queue, []).append(role)
    assert owners == {
        "analysis": ["io"],
        "scoring": ["cpu"],
        "exports": ["exports"],
        "housekeeping": ["housekeeping"],
        "default": ["housekeeping"],
    }
    exports_argv, exports_env = worker_command("exports")
    # One at a time unless told otherwise, its time limits enforced (test_solo_pool.py).
    assert option(exports_argv, "--concurrency") == "1"
    assert (option(exports_argv, "--pool"), exports_env) == processes_pool(1)
    housekeeping_argv, housekeeping_env = worker_command("housekeeping")
    # Beat's sweeps and e-mail: a small thread pool in one process.
    assert (option(housekeeping_argv, "--pool"), option(housekeeping_argv, "--concurrency")) == (
        "threads",
        "2",
    )
    assert housekeeping_env == {}


def test_each_role_s_concurrency_has_its_own_setting(monkeypatch):
    import importlib

    from interview_platform.settings import jobs

    for name, value in (
        ("CELERY_IO_CONCURRENCY", "5"),
        ("CELERY_CPU_CONCURRENCY", "3"),
        ("CELERY_EXPORTS_CONCURRENCY", "2"),
        ("CELERY_HOUSEKEEPING_CONCURRENCY", "4"),
    ):
        monkeypatch.setenv(name, value)
    try:
        roles = importlib.reload(jobs).CELERY_WORKER_ROLES
        assert {role: spec["concurrency"] for role, spec in roles.items()} == {
            "io": 5,
            "cpu": 3,
            "exports": 2,
            "housekeeping": 4,
        }
    finally:
        monkeypatch.undo()
        importlib.reload(jobs)


def test_every_role_is_started_by_the_makefile_compose_and_the_image():
    """`make worker`, compose's services and docker/start-worker (every role when WORKER_ROLE is
    unset) and its HEALTHCHECK name the same roles as the settings."""
    roles = set(settings.CELERY_WORKER_ROLES)
    root = Path(__file__).resolve().parents[2]
    makefile = (root / "Makefile").read_text()
    assert set(re.search(r"^WORKER_ROLES := (.+)$", makefile, re.M).group(1).split()) == roles
    compose = (root / "compose.yaml").read_text()
    assert set(re.findall(r"^\s+WORKER_ROLE: (\S+)$", compose, re.M)) == roles
    for role in roles:
        assert f"\n  worker-{role}:\n" in compose
        assert f"CELERY_{role.upper()}_CONCURRENCY: ${{CELERY_{role.upper()}_CONCURRENCY:-}}" in (
            compose
        )
    start = (root / "docker" / "start-worker").read_text()
    assert set(re.search(r"^for role in (.+); do$", start, re.M).group(1).split()) == roles
    healthcheck = (root / "docker" / "healthcheck").read_text()
    nodes = re.search(r'else nodes="(.+)"; fi', healthcheck).group(1)
    assert {node.split("@")[0] for node in nodes.split(",")} == roles


def test_an_unknown_role_is_refused():
    with pytest.raises(SystemExit, match="unknown worker role"):
        worker_command("gpu")
