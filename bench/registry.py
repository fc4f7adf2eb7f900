"""What the runner measures, as three registries each capability extends from its own module
in `bench/scenarios/` (see bench/README.md):

- `scenario(...)`: an HTTP endpoint driven against gunicorn from the runner's process;
- `seeder`: a function run inside Django, before the server starts, that writes the data the
  scenarios need and returns fixtures (ids, emails) for them;
- `in_process(...)`: a function timed inside a Django process (no HTTP), for costs such as the
  offline AI provider's time per answer.

This module imports nothing from Django: the driver process never configures it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .context import Context
    from .driver import HttpClient


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FlowResult:
    """What a multi-request flow reports for one iteration (the runner times the whole call)."""

    status: int | None
    error: str | None = None


# A check returns None when the request is fine, else why it is not (kept as the error).
ResponseCheck = Callable[[int, Any], str | None]
# A requirement returns None when the scenario can run, else why it is skipped.
Requirement = Callable[["Context"], str | None]


@dataclass(frozen=True)
class Scenario:
    """One measured endpoint (or flow).

    name:        unique, short (`login`, `questions.detail`); `--only` selects by it or by group.
    group:       what it belongs to (`baseline`, `auth`, `questions`, ...).
    method, endpoint:
                 the endpoint as the OpenAPI schema spells it (`/api/questions/{id}`); a scenario
                 whose endpoint is not in the schema is skipped as "not built yet".
    path:        what is requested: a string (the endpoint plus a query) or `f(ctx, i)`;
                 defaults to `endpoint`.
    body:        a JSON body, or `f(ctx, i)` building one for the i-th request.
    auth:        send `Authorization: Bearer` with a seeded user's access token.
    build:       `f(ctx, i) -> Request` for full control (overrides path/body/auth).
    flow:        `f(ctx, client, i) -> FlowResult` for several requests timed as one
                 (e.g. start an export and poll it until it is ready).
    expect:      the statuses that count as success.
    check:       `f(status, json_body) -> error or None`, run on successful responses.
    requires:    `f(ctx) -> reason or None`, checked once before the scenario runs.
    concurrency: the concurrency levels to run it at.
    target_ms:   the p95 target, checked at `target_at` levels (default: every level).
    requests, warmup, max_seconds:
                 this scenario's own defaults when the command line does not set them.
    needs_worker: start Celery workers for the run (queued work must finish).
    paired_with_baseline:
                 measured in rounds alternating with the baseline on the same connections
                 (`ping/<name>` rows); its p95/base is to that baseline, measured in the same
                 conditions, not to the run's first one (taken minutes earlier, at another load).
    worker_roles: with needs_worker, the worker roles its queued work needs
                 (settings.CELERY_WORKER_ROLES: `jobs`, every queue).
    """

    name: str
    group: str
    method: str = "GET"
    endpoint: str | None = None
    path: str | Callable[[Context, int], str] | None = None
    body: Any = None
    auth: bool = False
    build: Callable[[Context, int], Request] | None = None
    flow: Callable[[Context, HttpClient, int], FlowResult] | None = None
    expect: tuple[int, ...] = (200,)
    check: ResponseCheck | None = None
    requires: Requirement | None = None
    concurrency: tuple[int, ...] = (8,)
    target_ms: float | None = None
    target_at: tuple[int, ...] | None = None
    requests: int | None = None
    warmup: int | None = None
    max_seconds: float | None = None
    needs_worker: bool = False
    paired_with_baseline: bool = False
    worker_roles: tuple[str, ...] = ("jobs",)
    description: str = ""

    def target_for(self, concurrency: int) -> float | None:
        if self.target_ms is None:
            return None
        if self.target_at is not None and concurrency not in self.target_at:
            return None
        return self.target_ms

    def request_for(self, ctx: Context, index: int) -> Request:
        if self.build is not None:
            return self.build(ctx, index)
        path = self.path if self.path is not None else self.endpoint
        if callable(path):
            path = path(ctx, index)
        if path is None:
            raise ValueError(f"scenario {self.name!r} has neither a path nor an endpoint")
        body = self.body(ctx, index) if callable(self.body) else self.body
        headers = {"Authorization": f"Bearer {ctx.token(index)}"} if self.auth else {}
        return Request(method=self.method, path=path, body=body, headers=headers)


@dataclass(frozen=True)
class InProcess:
    """A function timed inside a Django process: `setup(fixtures)` returns either the callable
    to time (called with the iteration number) or a string saying why it is skipped."""

    name: str
    group: str
    setup: Callable[[dict], Callable[[int], Any] | str]
    target_ms: float | None = None
    requests: int | None = None
    warmup: int | None = None
    description: str = ""


Seeder = Callable[..., dict | None]

BASELINE = "ping"
PAIRED_ROUNDS = 5


def paired_name(name: str) -> str:
    """The row of the baseline measured alongside scenario `name`."""
    return f"{BASELINE}/{name}"


_NAME = re.compile(r"^[a-z][a-z0-9_.-]*$")

SCENARIOS: dict[str, Scenario] = {}
# Extra environment for the server, the worker and the seeding step (see `server_setting`).
SERVER_ENV: dict[str, str] = {}
IN_PROCESS: dict[str, InProcess] = {}
SEEDERS: dict[str, tuple[int, Seeder]] = {}


def _check_name(name: str, taken: Iterable[str]) -> None:
    if not _NAME.match(name):
        raise ValueError(f"bench name {name!r}: use lowercase letters, digits, '.', '_', '-'")
    if name in taken:
        raise ValueError(f"bench name {name!r} is registered twice")


def scenario(**fields: Any) -> Scenario:
    """Register a scenario: `scenario(name="login", group="auth", method="POST", ...)`."""
    item = Scenario(**fields)
    _check_name(item.name, [*SCENARIOS, *IN_PROCESS])
    if item.build is None and item.flow is None and item.endpoint is None and item.path is None:
        raise ValueError(f"scenario {item.name!r} needs an endpoint, a path, build or flow")
    if not item.concurrency or any(level < 1 for level in item.concurrency):
        raise ValueError(f"scenario {item.name!r}: concurrency levels must be >= 1")
    SCENARIOS[item.name] = item
    return item


def in_process(**fields: Any) -> Callable[[Callable], Callable]:
    """Register the decorated `setup(fixtures)` as an in-process benchmark."""

    def register(setup: Callable) -> Callable:
        item = InProcess(setup=setup, **fields)
        _check_name(item.name, [*SCENARIOS, *IN_PROCESS])
        IN_PROCESS[item.name] = item
        return setup

    return register


def seeder(name: str, *, order: int = 100) -> Callable[[Seeder], Seeder]:
    """Register `fn(fixtures, *, quick) -> dict | None`, run inside Django before the server
    starts (lower `order` first). It must be idempotent: `--keep-db` runs it on existing data.
    What it returns is merged into the fixtures that scenarios read as `ctx.fixtures`."""

    def register(fn: Seeder) -> Seeder:
        if name in SEEDERS:
            raise ValueError(f"seeder {name!r} is registered twice")
        SEEDERS[name] = (order, fn)
        return fn

    return register


def server_setting(name: str, value: str) -> None:
    """Set an environment variable for the benchmark's processes, e.g. a product limit that
    would otherwise refuse a load test (`SESSIONS_PER_DAY_PREMIUM`). Shown in the results;
    settings the runner decides itself (database, DEBUG, rate limiting...) cannot be changed."""
    current = SERVER_ENV.get(name)
    if current is not None and current != value:
        raise ValueError(f"{name} is set twice, to {current!r} and {value!r}")
    SERVER_ENV[name] = value


def ordered_seeders() -> list[tuple[str, Seeder]]:
    return [(name, fn) for name, (_, fn) in sorted(SEEDERS.items(), key=lambda kv: kv[1][0])]


def select(names: Iterable[str] | None) -> tuple[list[Scenario], list[InProcess]]:
    """The scenarios and in-process benchmarks named (by name or group), in registration order;
    all of them when `names` is empty. The baseline is always included. Unknown names raise."""
    wanted = {n.strip() for n in (names or []) if n.strip()}
    items = [*SCENARIOS.values(), *IN_PROCESS.values()]
    known = {i.name for i in items} | {i.group for i in items}
    unknown = wanted - known
    if unknown:
        raise KeyError(
            f"unknown scenario(s): {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}"
        )

    def chosen(item: Scenario | InProcess) -> bool:
        return not wanted or item.name in wanted or item.group in wanted

    scenarios = [s for s in SCENARIOS.values() if chosen(s) or s.name == BASELINE]
    return scenarios, [i for i in IN_PROCESS.values() if chosen(i)]


def normalize_endpoint(path: str) -> str:
    """`/api/questions/{question_id}/` and `/api/questions/{id}` compare equal."""
    path = path.split("?", 1)[0]
    return re.sub(r"\{[^}/]+\}", "{}", path).rstrip("/") or "/"
