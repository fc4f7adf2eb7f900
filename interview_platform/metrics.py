"""Prometheus metrics (prometheus-client): the spec's APIMetrics and the analysis pipeline's own.

| APIMetrics / pipeline | metric |
|---|---|
| responseTime | `interview_http_request_duration_seconds{method,route,status}` (histogram) |
| throughput | `interview_http_requests_total{method,route,status}` |
| errorRate | `interview_http_errors_total{route,status}` (4xx and 5xx; rate / requests) |
| aiServiceLatency | `interview_ai_provider_latency_seconds{provider,operation,outcome}` |
| databaseLatency | `interview_db_query_duration_seconds{alias,statement}` |
| queue wait | `interview_task_queue_wait_seconds{queue,task}` (published -> started) |
| fallbacks | `interview_ai_fallbacks_total{reason}` (offline result stored as preliminary) |
| analyses by status | `interview_analyses{status}` (gauge, counted per METRICS_DATABASE_SECONDS) |

Multiprocess mode: with PROMETHEUS_MULTIPROC_DIR set (the image sets it), every process
(gunicorn workers, Celery workers and their children) writes its samples to files there and
`/metrics` on any web worker sums them. Web and worker containers share the directory (compose's
`metrics` volume); file names carry the host name as well as the pid, since pids repeat across
containers. `/metrics` answers only with `Authorization: Bearer $METRICS_TOKEN` (404 when unset).
"""

from __future__ import annotations

import contextlib
import hmac
import os
import socket
import time
from collections.abc import Iterator

from django.db import transaction
from prometheus_client import values

_MULTIPROC_DIR = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
# Sample files are named by this identifier: the pid alone repeats across containers sharing the
# directory (and so may the host name, e.g. with host networking), so the start scripts give each
# container a METRICS_INSTANCE of its own.
_INSTANCE = (os.environ.get("METRICS_INSTANCE") or socket.gethostname()).replace("_", "-")


def identifier_for(pid: int) -> str:
    return f"{_INSTANCE}-{pid}"


if _MULTIPROC_DIR:
    values.ValueClass = values.MultiProcessValue(
        process_identifier=lambda: identifier_for(os.getpid())
    )

from prometheus_client import (  # noqa: E402 - after the value class is chosen
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)

_FAST = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
_SLOW = (0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120)

HTTP_DURATION = Histogram(
    "interview_http_request_duration_seconds",
    "Response time of HTTP requests.",
    ["method", "route", "status"],
    buckets=_FAST,
)
HTTP_REQUESTS = Counter(
    "interview_http_requests_total", "HTTP requests answered.", ["method", "route", "status"]
)
HTTP_ERRORS = Counter(
    "interview_http_errors_total", "HTTP requests answered with 4xx or 5xx.", ["route", "status"]
)
DB_DURATION = Histogram(
    "interview_db_query_duration_seconds",
    "Database query latency.",
    ["alias", "statement"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)
AI_LATENCY = Histogram(
    "interview_ai_provider_latency_seconds",
    "AI provider calls by provider, operation and outcome.",
    ["provider", "operation", "outcome"],
    buckets=_SLOW,
)
QUEUE_WAIT = Histogram(
    "interview_task_queue_wait_seconds",
    "Time a task waited in its queue, from publication to start.",
    ["queue", "task"],
    buckets=_SLOW,
)
AI_FALLBACKS = Counter(
    "interview_ai_fallbacks_total",
    "Analyses that got the offline result as preliminary feedback after a provider failure.",
    ["reason"],
)

_STATEMENTS = ("select", "insert", "update", "delete")


def _statement(sql: str) -> str:
    word = sql.lstrip()[:6].lower()
    return word if word in _STATEMENTS else "other"


def query_timer(execute, sql, params, many, context):
    """A Django execute wrapper (installed on every connection by `install_query_timer`)."""
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        alias = context["connection"].alias
        DB_DURATION.labels(alias, _statement(sql)).observe(time.perf_counter() - started)


def install_query_timer(sender=None, connection=None, **kwargs) -> None:
    if query_timer not in connection.execute_wrappers:
        connection.execute_wrappers.append(query_timer)


@contextlib.contextmanager
def provider_call(provider: str, operation: str) -> Iterator[None]:
    started = time.perf_counter()
    outcome = "ok"
    try:
        yield
    except BaseException as exc:
        outcome = type(exc).__name__
        raise
    finally:
        AI_LATENCY.labels(provider, operation, outcome).observe(time.perf_counter() - started)


def fallback_counted(reason: str) -> None:
    # Reasons are short stable words, some followed by ": detail"; only the word is a label.
    AI_FALLBACKS.labels(reason.split(":", 1)[0].strip()[:40] or "unknown").inc()


class MetricsMiddleware:
    """Times every request; labels by the URL pattern, never the raw path."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        route = match.route if match is not None and match.route else "unmatched"
        status = str(response.status_code)
        HTTP_DURATION.labels(request.method, route, status).observe(time.perf_counter() - started)
        HTTP_REQUESTS.labels(request.method, route, status).inc()
        if response.status_code >= 400:
            HTTP_ERRORS.labels(route, status).inc()
        return response


def exposition() -> bytes:
    if not _MULTIPROC_DIR:
        if not _registered:  # once per process, on the first scrape (not at import)
            _registered.extend(_database_collectors())
            for collector in _registered:
                _SINGLE_PROCESS.register(collector)
        return generate_latest(_SINGLE_PROCESS)
    from prometheus_client import multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    for collector in _database_collectors():
        registry.register(collector)
    return generate_latest(registry)


def _database_collectors() -> list:
    """settings.METRICS_COLLECTORS: collectors that read the database when scraped (the apps
    own them; this layer only names them)."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    return [import_string(path)() for path in settings.METRICS_COLLECTORS]


if not _MULTIPROC_DIR:
    from prometheus_client import REGISTRY

    _SINGLE_PROCESS = REGISTRY
    _registered: list = []


# A scrape writes nothing, and between database counts it reads nothing there: no transaction.
@transaction.non_atomic_requests
def metrics_view(request):
    from django.conf import settings
    from django.http import Http404, HttpResponse

    token = settings.METRICS_TOKEN
    if not token:
        raise Http404
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        response = HttpResponse("metrics need their bearer token\n", status=401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
