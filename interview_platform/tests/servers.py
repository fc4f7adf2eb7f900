"""Real servers of a test's own: Redis (and Sentinel) on free ports, Celery worker processes.

Never the machine's shared Redis: a test that stops or fails over a server starts its own.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate: Callable[[], object], timeout: float = 30.0, step: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
    except OSError:
        return False
    return True


class RedisProcess:
    """A redis-server (or redis-sentinel) on a fixed port that can be stopped and started again."""

    def __init__(self, *, port: int | None = None, sentinel_of: tuple[str, int] | None = None):
        binary = shutil.which("redis-sentinel" if sentinel_of else "redis-server")
        if binary is None:
            pytest.skip(
                "redis-sentinel is not installed (apt-get install redis-sentinel)"
                if sentinel_of
                else "redis-server is not installed"
            )
        self.binary = binary
        self.port = port or free_port()
        self.sentinel_of = sentinel_of
        self.directory = Path(tempfile.mkdtemp(prefix=f"redis-{self.port}-"))
        self.process: subprocess.Popen | None = None
        self.replica_of: int | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def _command(self) -> list[str]:
        if self.sentinel_of:
            name, master_port = self.sentinel_of
            config = self.directory / "sentinel.conf"
            if not config.exists():  # sentinel rewrites its file: keep it across restarts
                config.write_text(
                    f"port {self.port}\n"
                    "bind 127.0.0.1\n"
                    f"dir {self.directory}\n"
                    f"sentinel monitor {name} 127.0.0.1 {master_port} 2\n"
                    f"sentinel down-after-milliseconds {name} 1000\n"
                    f"sentinel failover-timeout {name} 5000\n"
                    f"sentinel parallel-syncs {name} 1\n"
                )
            return [self.binary, str(config)]
        command = [
            self.binary,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(self.directory),
            "--save",
            "",
            "--appendonly",
            "no",
        ]
        if self.replica_of:
            command += ["--replicaof", "127.0.0.1", str(self.replica_of)]
        return command

    def start(self) -> RedisProcess:
        self.process = subprocess.Popen(
            self._command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if not wait_until(lambda: _listening(self.port), timeout=10):
            raise RuntimeError(f"redis on port {self.port} did not start")
        return self

    def kill(self) -> None:
        """SIGKILL: the server vanishes without a goodbye, as a crashed host would."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def close(self) -> None:
        self.kill()
        shutil.rmtree(self.directory, ignore_errors=True)


class SentinelGroup:
    """A Redis primary, one replica of it and three sentinels watching them (quorum 2), each a
    process of the test's own on a free port: what production's Sentinel setup looks like."""

    MASTER = "ipmaster"
    SKIP = (
        "redis-sentinel is not installed: the Sentinel failover test needs Debian's "
        "redis-sentinel (apt-get install redis-sentinel; .ci/run installs it)"
    )

    def __init__(self) -> None:
        if shutil.which("redis-sentinel") is None or shutil.which("redis-server") is None:
            pytest.skip(self.SKIP)
        self.primary = RedisProcess().start()
        self.replica = RedisProcess()
        self.replica.replica_of = self.primary.port
        self.replica.start()
        self.sentinels = [
            RedisProcess(sentinel_of=(self.MASTER, self.primary.port)).start() for _ in range(3)
        ]

    @staticmethod
    def client(port: int):
        import redis

        return redis.Redis(host="127.0.0.1", port=port, socket_timeout=1, decode_responses=True)

    @property
    def addresses(self) -> str:
        return ",".join(f"127.0.0.1:{sentinel.port}" for sentinel in self.sentinels)

    def ready(self) -> bool:
        """The replica follows the primary and every sentinel knows the replica and the other
        two sentinels (without them there is no quorum to fail over)."""
        try:
            if self.client(self.replica.port).info("replication")["master_link_status"] != "up":
                return False
            for sentinel in self.sentinels:
                client = self.client(sentinel.port)
                if len(client.sentinel_slaves(self.MASTER)) < 1:
                    return False
                if len(client.sentinel_sentinels(self.MASTER)) < 2:
                    return False
        except Exception:
            return False
        return True

    def in_sync(self) -> bool:
        """The replica has everything the primary was given."""
        primary = self.client(self.primary.port).info("replication")["master_repl_offset"]
        replica = self.client(self.replica.port).info("replication")
        return replica.get("slave_repl_offset") == primary

    def promoted(self) -> bool:
        """Every sentinel names the replica as the primary, and the replica says it is one."""
        try:
            named = {
                int(self.client(s.port).sentinel_get_master_addr_by_name(self.MASTER)[1])
                for s in self.sentinels
            }
            role = self.client(self.replica.port).info("replication")["role"]
        except Exception:
            return False
        return named == {self.replica.port} and role == "master"

    def close(self) -> None:
        for server in (*self.sentinels, self.replica, self.primary):
            server.close()


def child_database_url() -> str:
    """The URL of the test database this test process writes to, for a child process."""
    from django.db import connection

    database = connection.settings_dict
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    return (
        f"postgres://{database['USER']}{password}@{database['HOST']}:{database['PORT']}"
        f"/{database['NAME']}"
    )


def worker_argv(role: str, *args: str) -> list[str]:
    """A worker role's production command line, `python -m interview_platform.workers <role>`:
    the child reads the role (pool, concurrency, environment) from its own settings, so a
    test's CELERY_<ROLE>_CONCURRENCY reaches it (a command line built from this process's
    settings would carry this process's concurrency instead)."""
    return [
        sys.executable,
        "-m",
        "interview_platform.workers",
        role,
        "--without-gossip",
        "--without-mingle",
        *args,
    ]


class WorkerProcess:
    """A worker role's production command line (`interview_platform.workers`) in a child
    process, with stdout kept in a file and read as JSON lines."""

    def __init__(self, role: str, *, env: dict[str, str], args: tuple[str, ...] = ()):
        self.role = role
        self.log = tempfile.NamedTemporaryFile(prefix="worker-", suffix=".out", delete=False)  # noqa: SIM115
        self.errors = tempfile.NamedTemporaryFile(prefix="worker-", suffix=".err", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(
            worker_argv(role, *args),
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=self.errors,
            start_new_session=True,
        )

    def output(self) -> str:
        """Standard output only: that is where every log line must go."""
        return Path(self.log.name).read_text(errors="replace")

    def diagnostics(self) -> str:
        tail = Path(self.errors.name).read_text(errors="replace")[-2000:]
        return f"stdout:\n{self.output()[-3000:]}\nstderr:\n{tail}"

    def lines(self) -> list[dict]:
        """Every stdout line that is a JSON object (the banner and warnings are not)."""
        parsed = []
        for line in self.output().splitlines():
            if line.startswith("{"):
                with contextlib.suppress(ValueError):
                    parsed.append(json.loads(line))
        return parsed

    def logged(self, text: str) -> bool:
        return any(text in line.get("message", "") for line in self.lines())

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        for file in (self.log, self.errors):
            file.close()
            Path(file.name).unlink(missing_ok=True)


def worker_env(*, broker_url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": child_database_url(),
        "REDIS_URL": broker_url,
        "CELERY_BROKER_URL": "",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "AI_PROVIDER": "offline",
        "LOG_LEVEL": "info",
        **extra,
    }


@contextlib.contextmanager
def publishing_to(broker_url: str, transport_options: dict | None = None) -> Iterator[None]:
    """Tasks sent by this test process go to `broker_url` (a Redis of the test's own)."""
    from interview_platform.celery import app

    previous = (
        app.conf.broker_url,
        app.conf.task_always_eager,
        app.conf.broker_transport_options,
    )

    def reset_pools():
        # kombu keeps producer pools in a process-wide registry: closing one there would leave
        # a closed pool for the next sender; reset() closes and forgets them all.
        from kombu import pools

        pools.reset()
        app._pool = None
        app.amqp._producer_pool = None

    reset_pools()
    app.conf.broker_url = broker_url
    app.conf.task_always_eager = False
    if transport_options is not None:
        app.conf.broker_transport_options = {**previous[2], **transport_options}
    try:
        yield
    finally:
        reset_pools()
        (
            app.conf.broker_url,
            app.conf.task_always_eager,
            app.conf.broker_transport_options,
        ) = previous
