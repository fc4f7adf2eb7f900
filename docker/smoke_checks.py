"""The smoke test's HTTP checks against a running web container (stdlib only; run on the host).

Usage: python3 docker/smoke_checks.py http://127.0.0.1:PORT
Prints one line per check with its time; exits 1 at the first failure.
"""

from __future__ import annotations

import json
import sys
import time
import urllib.error
import urllib.request
import uuid

BASE = sys.argv[1].rstrip("/")
ANSWER = (
    "In my last role I led the migration of our billing jobs to a queue. I split the monolith "
    "job into idempotent steps, added retries with backoff and alerts, and cut failed runs from "
    "40 to 2 a week within one quarter, which saved the on-call team about 6 hours weekly."
)


def request(method, path, body=None, token=None, raw=False):
    url = path if path.startswith("http") else BASE + path
    assert url.startswith(("http://", "https://")), url
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)  # noqa: S310 - checked above
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as response:  # noqa: S310
            payload = response.read()
            status, headers = response.status, response.headers
    except urllib.error.HTTPError as exc:
        payload, status, headers = exc.read(), exc.code, exc.headers
    if raw:
        return status, headers, payload
    return status, json.loads(payload) if payload else None


def check(name, function):
    started = time.monotonic()
    try:
        detail = function()
    except Exception as exc:
        print(f"FAIL {name}: {exc}", flush=True)
        sys.exit(1)
    print(f"ok   {name} ({time.monotonic() - started:.1f} s){': ' + detail if detail else ''}")


def poll(function, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = function()
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"{what} within {timeout} s")


def health():
    def ready():
        try:
            status, body = request("GET", "/api/health")
        except OSError:
            return None
        return body if status == 200 else None

    body = poll(ready, 120, "no 200 from /api/health")
    return json.dumps(body, separators=(",", ":"))[:200]


def static():
    status, headers, payload = request("GET", "/static/admin/css/base.css", raw=True)
    assert status == 200, status
    assert headers["Content-Type"].startswith("text/css"), headers["Content-Type"]
    return f"/static/admin/css/base.css {len(payload)} bytes, {headers['Content-Type']}"


state = {}


def register():
    email = f"smoke-{uuid.uuid4().hex[:8]}@example.com"
    status, body = request(
        "POST",
        "/api/auth/register",
        {"email": email, "password": "Smoke-test-pass-42!", "name": "Smoke"},
    )
    assert status == 201, (status, body)
    state["token"] = body["accessToken"]
    return email


def analysed_answer():
    token = state["token"]
    status, body = request("GET", "/api/questions?language=en&pageSize=1", token=token)
    assert status == 200, (status, body)
    question = body["results"][0]
    status, body = request(
        "POST", "/api/analysis/answer", {"questionId": question["id"], "answer": ANSWER}, token
    )
    assert status in (200, 202), (status, body)
    analysis_id = body["id"]

    def done():
        status, body = request("GET", f"/api/analysis/{analysis_id}", token=token)
        assert status == 200, (status, body)
        assert body["status"] != "failed", body
        return body if body["status"] == "completed" else None

    result = poll(done, 90, "the worker did not complete the analysis")
    return f"analysis {analysis_id} completed by the worker, totalScore {result['totalScore']}"


def pdf_export():
    token = state["token"]
    order = {"format": "pdf", "scope": "all"}
    status, body = request("POST", "/api/analytics/export", order, token)
    assert status == 202, (status, body)
    export_id = body["id"]

    def link():
        status, body = request("GET", f"/api/analytics/export/{export_id}", token=token)
        assert status == 200 and body["status"] != "failed", (status, body)
        return body.get("downloadUrl")

    url = poll(link, 90, "the export did not complete")
    status, _, payload = request("GET", url, token=token, raw=True)
    assert status == 200, (status, payload[:300])
    assert payload.startswith(b"%PDF"), payload[:20]
    assert b"/FontFile2" in payload, "no embedded TrueType font"
    font = "NanumGothic" if b"NanumGothic" in payload else "an embedded font"
    return f"{len(payload)} bytes of PDF embedding {font}"


def missing_export():
    token = state["token"]
    path = f"/api/analytics/export/{uuid.uuid4()}/download?token=x"
    status, _ = request("GET", path, token=token)
    assert status in (403, 404, 410), status
    return f"unknown export download answers {status}"


def metrics():
    token = sys.argv[2] if len(sys.argv) > 2 else ""
    status, _, _ = request("GET", "/metrics", raw=True)
    assert status in (401, 404), f"/metrics answered {status} without its token"
    status, _, payload = request("GET", "/metrics", token=token, raw=True)
    assert status == 200, status
    text = payload.decode()
    wanted = [
        "interview_http_request_duration_seconds_count",  # responseTime
        "interview_http_requests_total",  # throughput
        "interview_http_errors_total",  # errorRate
        "interview_ai_provider_latency_seconds_count",  # aiServiceLatency (worker processes)
        "interview_db_query_duration_seconds_count",  # databaseLatency
        "interview_task_queue_wait_seconds_count",  # queue wait (worker processes)
        "interview_analyses{",
    ]
    missing = [name for name in wanted if name not in text]
    assert not missing, f"missing from /metrics: {missing}"
    return "refused without its token; the five APIMetrics families, queue wait, analyses"


check("health (database, cache, broker)", health)
check("static files (whitenoise)", static)
check("register a user", register)
check("an answer analysed by the worker container", analysed_answer)
check("a PDF export written by the worker container", pdf_export)
check("a missing export is not a 500", missing_export)
check("/metrics of web and worker processes (multiprocess)", metrics)
