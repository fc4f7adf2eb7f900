"""The app in the production shape, as gunicorn (and, when a scenario needs it, a Celery worker)
in processes of their own, always stopped at the end of a run."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The image's glibc tunables (interview_platform/memory.py: GLIBC_TUNABLES; a test keeps the
# three the same).
GLIBC_TUNABLES = "glibc.malloc.hugetlb=1"

# Settings the benchmark decides itself; anything else set in the caller's environment that
# would change the shape (replicas, an OpenAI key, eager Celery) is removed.
_DROPPED = (
    "DATABASE_REPLICA_URLS",
    "CELERY_BROKER_URL",
    "CELERY_TASK_ALWAYS_EAGER",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "JWT_SECRET",
    "CACHE_KEY_PREFIX",
)


def _fresh_fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


def bench_env(
    *,
    database_url: str,
    redis_url: str,
    secret_key: str,
    extra: dict[str, str] | None = None,
    provider_url: str | None = None,
) -> dict[str, str]:
    """The caller's environment, then the scenarios' `server_setting`s, then what the runner
    decides (which therefore always wins). With `provider_url`, the OpenAI provider is pointed
    at the bench's fake provider (bench/fake_provider.py); without it, the offline one."""
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    env.update(extra or {})
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "interview_platform.settings",
            "DJANGO_ENV": "production",
            "DEBUG": "false",
            "DJANGO_SECRET_KEY": secret_key,
            # Production requires the at-rest key; seeding, server and worker share this one.
            "FIELD_ENCRYPTION_KEYS": env.get("FIELD_ENCRYPTION_KEYS") or _fresh_fernet_key(),
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Plain HTTP on loopback: no TLS terminator in front to redirect to.
            "SECURE_SSL_REDIRECT": "false",
            # The runner measures latency, not the limiter (which would answer 429 within
            # seconds of a load test); the limiter has its own tests.
            "RATELIMIT_ENABLE": "false",
            # The fake provider (fixed latency, local) or the offline one: never the network.
            "AI_PROVIDER": "openai" if provider_url else "offline",
            # Tokens minted at seeding must outlive the longest run.
            "JWT_ACCESS_MINUTES": "120",
            "PYTHONUNBUFFERED": "1",
            # As the image runs every process (Dockerfile; interview_platform/memory.py).
            "GLIBC_TUNABLES": GLIBC_TUNABLES,
        }
    )
    if provider_url:
        env.update({"OPENAI_API_KEY": "sk-bench-fake", "OPENAI_BASE_URL": provider_url})
    return env


def offline_env(env: dict[str, str]) -> dict[str, str]:
    """`env` with the offline provider instead of the fake one."""
    out = {k: v for k, v in env.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    out["AI_PROVIDER"] = "offline"
    return out


def start_fake_provider(*, port: int, latency: float, log: Path) -> ManagedProcess:
    cmd = [
        sys.executable,
        "-m",
        "bench.fake_provider",
        "--port",
        str(port),
        "--latency",
        str(latency),
    ]
    return ManagedProcess("fake provider", cmd, dict(os.environ), log)


def wait_listening(process: ManagedProcess, port: int, *, timeout: float = 15.0) -> None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if not process.running():
            raise RuntimeError(f"{process.name} exited:\n" + tail(process.log))
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"{process.name} is not listening on {port} after {timeout:.0f} s")


def _proc_field(path: Path, name: str) -> int | None:
    """A `Name:   123 kB` line of a /proc file, in kB."""
    with contextlib.suppress(OSError):
        for line in path.read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
    return None


def process_memory(group: ManagedProcess) -> list[dict]:
    """Every live process of `group` (its process group: gunicorn's workers, Celery's pool
    children) with its RSS and PSS in MB (PSS shares copy-on-write pages among the processes
    that share them; RSS counts them in each)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            pgrp = int(stat.rsplit(")", 1)[1].split()[2])
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
        except (OSError, ValueError, IndexError):
            continue
        if pgrp != group.pid:
            continue
        rss = _proc_field(entry / "status", "VmRSS")
        pss = _proc_field(entry / "smaps_rollup", "Pss")
        if rss is None:
            continue
        found.append(
            {
                "pid": int(entry.name),
                "role": group.name,
                "main": int(entry.name) == group.pid,
                "cmd": cmdline[:120],
                "rss_mb": round(rss / 1024, 1),
                "pss_mb": round(pss / 1024, 1) if pss is not None else None,
            }
        )
    return sorted(found, key=lambda p: (not p["main"], p["pid"]))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class ManagedProcess:
    """A child in a process group of its own, so stopping it stops its workers too."""

    def __init__(self, name: str, cmd: list[str], env: dict[str, str], log: Path) -> None:
        self.name = name
        self.cmd = cmd
        self.log = log
        log.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = log.open("wb")
        self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            cmd,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def running(self) -> bool:
        return self.proc.poll() is None

    def stop(self, timeout: float = 15.0) -> None:
        if self.running():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        # Workers left behind by a master that died first share its process group.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self._log_file.close()


def start_gunicorn(
    *, env: dict[str, str], port: int, workers: int, threads: int, log: Path
) -> ManagedProcess:
    # One listening socket shared by the workers, as production runs. `--reuse-port` (a socket
    # per worker, connections hashed over them by the kernel) was measured against it, 5
    # interleaved rounds at load 3-8 (2026-12-06): the busier worker's share of the CPU went
    # 0.72 -> 0.60 for login, 0.60 -> 0.56 for session start and stayed 0.60 for the question
    # list, but p95 moved both ways (start 320 -> 267 ms, list 94 -> 105, login 568 -> 601): a
    # hash splits 8 connections no better than the accept race on average, so it is not used.
    cmd = [
        sys.executable,
        "-m",
        "gunicorn",
        "interview_platform.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "gthread",
        "--timeout",
        "60",
        "--graceful-timeout",
        "5",
        "--keep-alive",
        "5",
    ]
    return ManagedProcess("gunicorn", cmd, env, log)


def worker_roles(scenarios) -> list[str]:
    """The worker roles the selected scenarios' queued work needs, each once, in their order
    (`jobs`: every queue). Beat is not started."""
    roles: list[str] = []
    for scenario in scenarios:
        if scenario.needs_worker:
            roles += [role for role in scenario.worker_roles if role not in roles]
    return roles


def start_worker(*, role: str, env: dict[str, str], log: Path) -> ManagedProcess:
    """A worker role exactly as production starts it (settings.CELERY_WORKER_ROLES)."""
    cmd = [
        sys.executable,
        "-m",
        "interview_platform.workers",
        role,
        "--loglevel",
        "INFO",
        "--without-gossip",
        "--without-mingle",
    ]
    return ManagedProcess(f"celery worker {role}", cmd, env, log)


def wait_healthy(server: ManagedProcess, port: int, *, timeout: float = 60.0) -> float:
    """Poll GET /api/health until it answers 200; returns the seconds it took."""
    started = time.monotonic()
    last = "no answer"
    while time.monotonic() - started < timeout:
        if not server.running():
            raise RuntimeError(
                f"gunicorn exited with {server.proc.returncode} before it was healthy:\n"
                + tail(server.log)
            )
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            conn.request("GET", "/api/health")
            response = conn.getresponse()
            body = response.read()
            if response.status == 200:
                return time.monotonic() - started
            last = f"{response.status}: {body[:300].decode('utf-8', 'replace')}"
        except OSError as exc:
            last = f"{type(exc).__name__}: {exc}"
        finally:
            conn.close()
        time.sleep(0.25)
    raise RuntimeError(f"/api/health was not 200 after {timeout:.0f} s (last: {last})")


def wait_worker_ready(
    workers: list[ManagedProcess], redis_url: str, *, timeout: float = 60.0
) -> bool:
    """Wait until every worker is consuming: as many connections on the bench's Redis database
    blocked in BRPOP (the Redis transport's wait for a task) as workers. Their logs are no help:
    with the project's JSON logging a worker's "ready" line does not reach them."""
    import redis

    client = redis.Redis.from_url(redis_url, socket_connect_timeout=3)
    db = str(client.connection_pool.connection_kwargs.get("db", 0))
    started = time.monotonic()
    try:
        while time.monotonic() - started < timeout:
            for worker in workers:
                if not worker.running():
                    raise RuntimeError(f"{worker.name} exited:\n" + tail(worker.log))
            waiting = sum(
                c.get("cmd") == "brpop" and str(c.get("db")) == db for c in client.client_list()
            )
            if waiting >= len(workers):
                return True
            time.sleep(0.25)
    finally:
        client.close()
    return False
