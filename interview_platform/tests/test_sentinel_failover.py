"""Redis that fails over: a primary, a replica and three sentinels of the test's own, the app's
cache, rate limits, live session state and Celery broker reaching Redis through the sentinels
(the web side in this process, a real worker in another), and the primary killed
mid-session. Everything goes on once the sentinels have promoted the replica.

Skipped, saying so, where Debian's redis-sentinel is not installed (.ci/run installs it).
"""

from __future__ import annotations

import re
import time

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from analysis.models import AnalysisResult
from interview_platform.settings.redis_conf import (
    RedisTarget,
    broker_config,
    caches_config,
    redis_target_from_env,
)
from questions.bank import load_bank
from questions.services import questions_seed
from sessions_app.live import live_state_get

from .servers import SentinelGroup, WorkerProcess, publishing_to, wait_until, worker_env

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ANSWER = (
    "At my previous company I owned the payments service. When checkout latency rose to "
    "900 ms during a sale, I profiled the slow queries, added an index and a Redis cache, and "
    "load-tested with k6. Latency dropped to 120 ms and conversion rose 4% the next month."
)


@pytest.fixture
def group():
    if connection.vendor != "postgresql":
        pytest.skip("a worker process needs the PostgreSQL test database (CI)")
    servers = SentinelGroup()
    try:
        assert wait_until(servers.ready, timeout=30), "the sentinels never saw each other"
        yield servers
    finally:
        servers.close()


@pytest.fixture
def through_sentinels(group, monkeypatch):
    """This process's caches and Celery publisher reach Redis through the sentinels, exactly as
    the settings build them from REDIS_SENTINELS + REDIS_SENTINEL_MASTER (and back to the
    suite's own Redis before the sentinels stop)."""
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("REDIS_SENTINELS", group.addresses)
    monkeypatch.setenv("REDIS_SENTINEL_MASTER", group.MASTER)
    target = redis_target_from_env()
    with (
        override_settings(CACHES=caches_config(target, key_prefix="failover")),
        publishing_to(*broker_config(target)),
    ):
        yield target


@pytest.fixture
def sentinel_worker(group):
    worker = WorkerProcess(
        "jobs",
        env=worker_env(
            broker_url="",
            REDIS_SENTINELS=group.addresses,
            REDIS_SENTINEL_MASTER=group.MASTER,
        ),
        args=("--loglevel", "INFO"),
    )
    try:
        assert wait_until(lambda: worker.logged("ready.") or not worker.alive(), timeout=60), (
            worker.diagnostics()
        )
        assert worker.alive(), worker.diagnostics()
        yield worker
    finally:
        worker.stop()


def _answer(client, session_id: str, session_question_id: str):
    return client.post(
        reverse("analysis-answer"),
        {
            "sessionId": session_id,
            "sessionQuestionId": session_question_id,
            "answer": ANSWER,
            "timeSpent": 30,
        },
        format="json",
    )


def _completed(*ids: str) -> bool:
    return AnalysisResult.objects.filter(pk__in=ids, status="completed").count() == len(ids)


def test_the_settings_read_sentinels_from_either_form(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("REDIS_SENTINELS", "10.0.0.1:26379, 10.0.0.2:26380")
    monkeypatch.setenv("REDIS_SENTINEL_MASTER", "mymaster")
    monkeypatch.setenv("REDIS_SENTINEL_DB", "3")
    monkeypatch.setenv("REDIS_PASSWORD", "p@ss")
    from_list = redis_target_from_env()
    monkeypatch.delenv("REDIS_SENTINELS")
    monkeypatch.setenv(
        "REDIS_URL", "sentinel://:p%40ss@10.0.0.1:26379,10.0.0.2:26380/3?master=mymaster"
    )
    from_url = redis_target_from_env()
    assert (
        from_list
        == from_url
        == RedisTarget(
            sentinels=(("10.0.0.1", 26379), ("10.0.0.2", 26380)),
            master="mymaster",
            db=3,
            password="p@ss",
        )
    )
    url, options = broker_config(from_url)
    assert url == "sentinel://:p%40ss@10.0.0.1:26379/3;sentinel://:p%40ss@10.0.0.2:26380/3"
    assert options["master_name"] == "mymaster"
    cache_entry = caches_config(from_url, key_prefix="ip")["default"]
    assert cache_entry["LOCATION"] == ["redis://:p%40ss@mymaster/3"]
    assert cache_entry["OPTIONS"]["SENTINELS"] == [("10.0.0.1", 26379), ("10.0.0.2", 26380)]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"REDIS_SENTINELS": "10.0.0.1:26379"}, "REDIS_SENTINEL_MASTER"),
        ({"REDIS_SENTINELS": "10.0.0.1", "REDIS_SENTINEL_MASTER": "m"}, "host:port"),
        ({"REDIS_URL": "sentinel://10.0.0.1:26379/0"}, "?master="),
        (
            {"REDIS_URL": "redis://x:6379/0", "REDIS_SENTINELS": "10.0.0.1:26379"},
            "not both",
        ),
    ],
)
def test_a_wrong_sentinel_setting_fails_loudly(monkeypatch, variables, message):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.delenv("REDIS_URL", raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        redis_target_from_env()


def test_cache_rate_limits_live_state_and_worker_go_on_after_a_failover(
    group, through_sentinels, sentinel_worker, auth_client, settings
):
    questions_seed(bank=load_bank(categories=["software_engineering"]))
    # Three analyses a day: the fourth is refused only if the count from before the failover
    # survived it (a day's window, so the test never straddles a window's edge).
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "analysis": "3/d", "answers": "100/m"}

    session = auth_client.post(
        reverse("session-list"),
        {
            "category": "software_engineering",
            "language": "en",
            "questionCount": 3,
            "followUps": "off",
        },
        format="json",
    ).json()
    first = session["currentQuestion"]["id"]
    answered = [_answer(auth_client, session["id"], first)]
    assert answered[0].status_code == 202, answered[0].json()
    assert wait_until(lambda: _completed(answered[0].json()["id"]), timeout=60), (
        sentinel_worker.diagnostics()
    )
    second = auth_client.post(reverse("session-next", args=[session["id"]])).json()["id"]
    cache.set("failover:probe", "written before", timeout=600)
    assert live_state_get(session["id"])["currentQuestion"]["sessionQuestionId"] == second

    # Mid-session: the primary dies without a goodbye once the replica has what it was given.
    assert wait_until(group.in_sync, timeout=10)
    group.primary.kill()
    killed = time.monotonic()
    assert wait_until(group.promoted, timeout=60), "the sentinels did not promote the replica"
    print(f"failover: replica promoted {time.monotonic() - killed:.1f} s after the kill")

    # The cache and the live session state were on the replica, now the primary.
    assert cache.get("failover:probe") == "written before"
    live = live_state_get(session["id"])
    assert [a["sessionQuestionId"] for a in live["answers"]] == [first]
    assert live["currentQuestion"]["sessionQuestionId"] == second

    # The session goes on: its answers are stored, queued and analysed by the worker, which
    # lost its broker connection and found the new primary through the sentinels.
    answered.append(_answer(auth_client, session["id"], second))
    third = auth_client.post(reverse("session-next", args=[session["id"]])).json()["id"]
    answered.append(_answer(auth_client, session["id"], third))
    assert [response.status_code for response in answered] == [202, 202, 202]
    ids = [response.json()["id"] for response in answered]
    assert wait_until(lambda: _completed(*ids), timeout=90), sentinel_worker.diagnostics()
    assert sentinel_worker.logged("Connection to broker lost"), sentinel_worker.diagnostics()
    assert sentinel_worker.alive()

    # Rate limits: the fourth analysis of the day is refused, counted on the new primary.
    refused = auth_client.post(
        reverse("analysis-answer"),
        {"question": "Tell me about a failure you learned from.", "answer": ANSWER},
        format="json",
    )
    assert refused.status_code == 429, refused.json()
    assert caches["ratelimit"].redis_available
    new_primary = group.client(group.replica.port)
    assert new_primary.keys("failover:rl:*"), "the rate-limit counter is not on the new primary"

    live = live_state_get(session["id"])
    assert [a["sessionQuestionId"] for a in live["answers"]] == [first, second, third]
    done = auth_client.post(reverse("session-complete", args=[session["id"]]))
    assert done.status_code == 200, done.json()
    # No answer lost: every one is stored with its completed analysis.
    results = AnalysisResult.objects.filter(pk__in=ids)
    assert sorted(r.status for r in results) == ["completed"] * 3
