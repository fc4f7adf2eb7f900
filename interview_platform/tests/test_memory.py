"""Freed large blocks go back to the system (interview_platform/memory.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from interview_platform.memory import GLIBC_TUNABLES

ROOT = Path(__file__).resolve().parents[2]

# Eight threads verifying Argon2id passwords at once, as eight gunicorn threads logging users in:
# the RSS the process keeps afterwards, in MB.
_PROBE = textwrap.dedent(
    """
    import sys, threading
    if sys.argv[1] == "project":
        import interview_platform  # noqa: F401 - what every process of the project imports
    from argon2 import PasswordHasher

    def rss():
        status = open("/proc/self/status").read()
        return int(status.split("VmRSS:")[1].split()[0]) / 1024

    hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
    digest = hasher.hash("correct horse")
    before = rss()

    def logins():
        for _ in range(4):
            hasher.verify(digest, "correct horse")

    threads = [threading.Thread(target=logins) for _ in range(8)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    print(round(rss() - before))
    """
)


def _kept_mb(mode: str) -> int:
    command = [sys.executable, "-c", _PROBE, mode]
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    return int(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; glibc's malloc")
def test_argon2_memory_is_given_back_after_concurrent_logins():
    plain, project = _kept_mb("plain"), _kept_mb("project")
    # Without the fixed threshold glibc keeps ~19 MiB per thread that verified (about 150 MB
    # here); with it, the blocks are unmapped when freed.
    assert project < 40, (plain, project)
    assert plain > project + 60, (plain, project)


# One process of the project verifying a password again and again: page faults per verification.
_FAULTS = textwrap.dedent(
    """
    import resource
    import interview_platform  # noqa: F401 - what every process of the project imports
    from argon2 import PasswordHasher

    hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
    digest = hasher.hash("correct horse")
    for _ in range(2):
        hasher.verify(digest, "correct horse")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(5):
        hasher.verify(digest, "correct horse")
    print((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) // 5)
    """
)
_THP = Path("/sys/kernel/mm/transparent_hugepage/enabled")


def _faults_per_verification(tunables: str | None) -> int:
    env = {k: v for k, v in os.environ.items() if k != "GLIBC_TUNABLES"}
    if tunables is not None:
        env["GLIBC_TUNABLES"] = tunables
    command = [sys.executable, "-c", _FAULTS]
    out = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=120, env=env, cwd=ROOT
    )
    return int(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(
    not _THP.exists() or "[madvise]" not in _THP.read_text(),
    # With `always` every block gets huge pages anyway; with `never`, none does.
    reason="the kernel gives transparent huge pages only when asked (madvise) on this test",
)
def test_a_verification_given_back_is_faulted_in_with_huge_pages():
    # Without the tunable each verification faults its 19 MiB in again 4 KiB at a time.
    assert _faults_per_verification(None) > 4000
    assert _faults_per_verification(GLIBC_TUNABLES) < 1000


def test_every_process_starts_with_the_tunable():
    from bench.server import GLIBC_TUNABLES as BENCH

    assert BENCH == GLIBC_TUNABLES
    assert f"GLIBC_TUNABLES={GLIBC_TUNABLES}" in (ROOT / "Dockerfile").read_text()
    assert f"export GLIBC_TUNABLES ?= {GLIBC_TUNABLES}" in (ROOT / "Makefile").read_text()


@pytest.fixture
def _unfrozen():
    import gc

    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.mark.usefixtures("_unfrozen")
def test_a_web_worker_freezes_what_it_started_with_before_it_serves():
    import gc
    import runpy

    from django.urls import get_resolver

    # gunicorn calls the hook in each worker once the application is loaded.
    hooks = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    hooks["post_worker_init"](None)
    frozen = gc.get_freeze_count()
    # The started process (Django, the apps, their URL patterns) is out of the collector's walks.
    assert frozen > 50_000, frozen
    assert gc.get_count()[2] == 0
    assert get_resolver()._populated
