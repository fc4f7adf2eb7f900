"""The bench's fake OpenAI provider answers after the latency it is given, and no later."""

from __future__ import annotations

import http.client
import json
import statistics
import threading
import time
from http.server import ThreadingHTTPServer

import pytest

from bench import fake_provider


@pytest.fixture
def provider():
    server = ThreadingHTTPServer(("127.0.0.1", 0), fake_provider.Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    previous, fake_provider.Handler.latency = fake_provider.Handler.latency, 0.0
    yield server.server_address[1]
    fake_provider.Handler.latency = previous
    server.shutdown()
    server.server_close()


def test_a_completion_on_a_kept_alive_connection_takes_the_latency_asked_for(provider):
    body = json.dumps({"model": "gpt-4o", "messages": [{"role": "user", "content": "hello"}]})
    connection = http.client.HTTPConnection("127.0.0.1", provider, timeout=5)
    took = []
    for _ in range(6):
        started = time.perf_counter()
        connection.request(
            "POST", "/v1/chat/completions", body, {"Content-Type": "application/json"}
        )
        response = connection.getresponse()
        completion = json.loads(response.read())
        took.append(time.perf_counter() - started)
        assert response.status == 200
        assert json.loads(completion["choices"][0]["message"]["content"])["scores"]
    connection.close()
    # With Nagle's algorithm on, the body (a second write) waited 40 ms for the client's delayed
    # ACK of the headers on every request after the first.
    assert statistics.median(took[1:]) < 0.02, took
