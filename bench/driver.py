"""The load driver: threads with keep-alive `http.client` connections, one per concurrent user.

Each scenario level runs a warm-up (not recorded) and then `requests` requests, stopping early
when `max_seconds` pass, so a run is bounded both in count and in time. Latency is measured
from sending the request to having read the whole response body; the request is built (and its
JSON encoded) before the clock starts.
"""

from __future__ import annotations

import http.client
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .registry import FlowResult, Request, Scenario
from .stats import Sample

SNIPPET = 200


def snippet(status: int | None, body: bytes | str | None) -> str:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else (body or "")
    text = " ".join(text.split())
    return f"{status if status is not None else 'no response'}: {text[:SNIPPET]}"


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class HttpClient:
    """One keep-alive connection; reconnects once when the server closed it."""

    def __init__(self, host: str, port: int, *, timeout: float = 60.0) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        self._conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            self._conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def send(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> Response:
        for attempt in (1, 2):
            conn = self._connection()
            try:
                conn.request(method, path, body=body, headers=headers)
                raw = conn.getresponse()
                data = raw.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # gunicorn closes idle keep-alive connections; a stale one fails on first use.
                self.close()
                if attempt == 2:
                    raise
                continue
            if raw.will_close:
                self.close()
            return Response(raw.status, data, {k.lower(): v for k, v in raw.getheaders()})
        raise AssertionError("unreachable")

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        payload, all_headers = encode(body, headers or {})
        return self.send(method, path, payload, all_headers)


def encode(body: Any, headers: dict[str, str]) -> tuple[bytes | None, dict[str, str]]:
    all_headers = {"Accept": "application/json", **headers}
    if body is None:
        return None, all_headers
    all_headers.setdefault("Content-Type", "application/json")
    return json.dumps(body).encode(), all_headers


def measure_request(client: HttpClient, scenario: Scenario, request: Request) -> Sample:
    payload, headers = encode(request.body, request.headers)
    started = time.perf_counter()
    try:
        response = client.send(request.method, request.path, payload, headers)
    except Exception as exc:  # a driver records every failure as a sample, whatever its kind
        client.close()
        elapsed = (time.perf_counter() - started) * 1000
        return Sample(elapsed, None, f"exception: {type(exc).__name__}: {exc}"[:SNIPPET])
    elapsed = (time.perf_counter() - started) * 1000
    if response.status not in scenario.expect:
        return Sample(elapsed, response.status, snippet(response.status, response.body))
    if scenario.check is not None:
        try:
            problem = scenario.check(response.status, response.json())
        except ValueError as exc:
            problem = f"response is not JSON ({exc})"
        if problem:
            return Sample(elapsed, response.status, snippet(response.status, problem))
    return Sample(elapsed, response.status)


def measure_flow(client: HttpClient, scenario: Scenario, ctx: Any, index: int) -> Sample:
    assert scenario.flow is not None
    started = time.perf_counter()
    try:
        result: FlowResult = scenario.flow(ctx, client, index)
    except Exception as exc:  # the flow's failure is this iteration's error, not the run's
        client.close()
        elapsed = (time.perf_counter() - started) * 1000
        return Sample(elapsed, None, f"exception: {type(exc).__name__}: {exc}"[:SNIPPET])
    elapsed = (time.perf_counter() - started) * 1000
    return Sample(elapsed, result.status, result.error)


@dataclass
class LoadResult:
    samples: list[Sample]
    elapsed_s: float
    stopped_by_time: bool


def run_load(
    *,
    one: Callable[[HttpClient, int], Sample],
    clients: list[HttpClient],
    requests: int,
    max_seconds: float,
    first_index: int = 0,
) -> LoadResult:
    """Run `requests` calls of `one(client, i)` on one thread per client (the concurrency),
    stopping early after `max_seconds`. The clients stay open, so a warm-up's keep-alive
    connections carry over into the measurement. Returns every sample taken."""
    counter = itertools.count(first_index)
    last = first_index + requests
    samples: list[Sample] = []
    lock = threading.Lock()
    started = time.perf_counter()
    deadline = started + max_seconds
    out_of_time = threading.Event()

    def worker(client: HttpClient) -> None:
        while True:
            if time.perf_counter() >= deadline:
                out_of_time.set()
                return
            index = next(counter)
            if index >= last:
                return
            sample = one(client, index)
            with lock:  # in completion order, so "the first error" is the first one seen
                samples.append(sample)

    threads = [
        threading.Thread(target=worker, args=(client,), name=f"bench-{n}", daemon=True)
        for n, client in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return LoadResult(samples, elapsed, out_of_time.is_set())


def run_paired(
    *,
    first: Callable[[HttpClient, int], Sample],
    second: Callable[[HttpClient, int], Sample],
    clients: list[HttpClient],
    requests: int,
    rounds: int,
    max_seconds: float,
    first_index: int = 0,
) -> tuple[LoadResult, LoadResult]:
    """`first` and `second` measured in alternating rounds on the same connections (same
    workers, same moment's load), `requests` of each in all: a ratio of their figures compares
    like with like. Every round's samples are kept; the time budget is shared by all rounds."""
    rounds = max(1, min(rounds, requests))
    per_round = [requests // rounds + (n < requests % rounds) for n in range(rounds)]
    results: tuple[LoadResult, LoadResult] = (
        LoadResult([], 0.0, False),
        LoadResult([], 0.0, False),
    )
    deadline = time.perf_counter() + max_seconds
    index = first_index
    for count in per_round:
        for one, total in zip((first, second), results, strict=True):
            left = deadline - time.perf_counter()
            if left <= 0:
                total.stopped_by_time = True
                continue
            part = run_load(
                one=one, clients=clients, requests=count, max_seconds=left, first_index=index
            )
            total.samples += part.samples
            total.elapsed_s += part.elapsed_s
            total.stopped_by_time |= part.stopped_by_time
        index += count
    return results
