"""The load driver against a tiny local HTTP server (no gunicorn, no Django)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.driver import HttpClient, measure_request, run_load, run_paired
from bench.registry import Request, Scenario
from bench.scenarios._helpers import has_keys
from bench.stats import summarize


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like gunicorn's gthread workers

    def do_GET(self):
        if self.path == "/ok":
            self._send(200, {"pong": True})
        elif self.path == "/slow":
            time.sleep(0.05)
            self._send(200, {"pong": True})
        elif self.path == "/shape":
            self._send(200, {"other": 1})
        else:
            self._send(500, {"error": {"code": "internal_error"}})

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self._send(200, {"echo": body, "auth": self.headers.get("Authorization")})

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def port():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _run(port, path, *, concurrency=2, requests=30, max_seconds=10.0, check=None):
    item = Scenario(name="t", group="t", endpoint=path, check=check)
    clients = [HttpClient("127.0.0.1", port) for _ in range(concurrency)]
    try:
        return run_load(
            one=lambda client, i: measure_request(client, item, Request("GET", path)),
            clients=clients,
            requests=requests,
            max_seconds=max_seconds,
        )
    finally:
        for client in clients:
            client.close()


def test_it_runs_exactly_the_requested_count_at_the_given_concurrency(port):
    result = _run(port, "/ok", concurrency=3, requests=31)
    assert len(result.samples) == 31
    assert all(s.ok and s.status == 200 for s in result.samples)
    assert not result.stopped_by_time
    summary = summarize("ok", 3, result.samples, result.elapsed_s)
    assert summary.errors == 0
    assert 0 < summary.p50_ms <= summary.p95_ms <= summary.p99_ms <= summary.max_ms


def test_it_stops_at_the_time_budget(port):
    result = _run(port, "/slow", concurrency=1, requests=1000, max_seconds=0.3)
    assert result.stopped_by_time
    assert 2 <= len(result.samples) < 20


def test_non_2xx_answers_are_errors_with_status_and_body(port):
    result = _run(port, "/boom", concurrency=1, requests=3)
    assert [s.status for s in result.samples] == [500, 500, 500]
    assert result.samples[0].error.startswith('500: {"error": {"code": "internal_error"}}')


def test_a_failed_response_check_is_an_error(port):
    result = _run(port, "/shape", concurrency=1, requests=2, check=has_keys("pong"))
    assert result.samples[0].error == "200: missing pong in the response"


def test_a_refused_connection_is_an_error_not_a_crash():
    item = Scenario(name="t", group="t", endpoint="/x")
    sample = measure_request(HttpClient("127.0.0.1", 1, timeout=2), item, Request("GET", "/x"))
    assert sample.status is None
    assert sample.error.startswith("exception: ConnectionRefusedError")


def test_json_bodies_and_headers_are_sent(port):
    client = HttpClient("127.0.0.1", port)
    response = client.request("POST", "/echo", {"email": "a@b"}, {"Authorization": "Bearer t"})
    client.close()
    assert response.json() == {"echo": {"email": "a@b"}, "auth": "Bearer t"}


def test_a_flow_is_timed_as_one_sample_and_its_failure_recorded(port):
    from bench.driver import measure_flow
    from bench.registry import FlowResult

    def flow(ctx, client, index):
        first = client.request("GET", "/ok")
        second = client.request("GET", "/slow")
        if index == 1:
            raise RuntimeError("export never finished")
        return FlowResult(second.status if first.status == 200 else first.status)

    item = Scenario(name="flow", group="t", flow=flow)
    client = HttpClient("127.0.0.1", port)
    ok = measure_flow(client, item, None, 0)
    failed = measure_flow(client, item, None, 1)
    client.close()
    assert ok.ok and ok.status == 200 and ok.latency_ms >= 50
    assert failed.error == "exception: RuntimeError: export never finished"


def test_paired_runs_alternate_rounds_on_the_same_connections(port):
    fast = Scenario(name="fast", group="t", endpoint="/ok")
    slow = Scenario(name="slow", group="t", endpoint="/slow")
    order = []

    def one_for(item):
        def one(client, index):
            order.append((item.name, index))
            return measure_request(client, item, item.request_for(None, index))

        return one

    clients = [HttpClient("127.0.0.1", port) for _ in range(2)]
    try:
        quick, slowed = run_paired(
            first=one_for(fast),
            second=one_for(slow),
            clients=clients,
            requests=10,
            rounds=3,
            max_seconds=30.0,
        )
    finally:
        for client in clients:
            client.close()
    assert len(quick.samples) == len(slowed.samples) == 10
    assert all(s.ok for s in quick.samples + slowed.samples)
    # Rounds of 4, 3 and 3: fast, slow, fast, slow, fast, slow; each with the same indexes.
    runs = [name for n, (name, _) in enumerate(order) if n == 0 or order[n - 1][0] != name]
    assert runs == ["fast", "slow"] * 3
    assert sorted(i for name, i in order if name == "fast") == list(range(10))
    assert summarize("s", 2, slowed.samples, slowed.elapsed_s).p50_ms >= 50
