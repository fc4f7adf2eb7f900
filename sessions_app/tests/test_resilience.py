"""The database is the source of truth: concurrent requests and a lost Redis lose nothing."""

import shutil
import socket
import subprocess
import threading
import time

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from accounts.tests.factories import UserFactory
from questions.bank import load_bank
from questions.services import questions_seed
from sessions_app import live
from sessions_app.models import InterviewSession, SessionQuestion
from sessions_app.services import session_next, session_start

from .test_flow import ANSWERS


@pytest.mark.django_db(transaction=True)
def test_concurrent_next_calls_never_share_an_order():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; SQLite serializes every writer anyway")
    questions_seed(bank=load_bank(languages=["en"], categories=["marketing"]))
    user = UserFactory()
    session = session_start(user=user, category="marketing", language="en", question_count=10)
    outcomes, barrier = [], threading.Barrier(4)

    def call_next():
        try:
            barrier.wait()
            outcomes.append(session_next(user=user, session_id=session.pk).order)
        except Exception as exc:  # recorded and checked below
            outcomes.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=call_next) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [2, 3, 4, 5]
    orders = list(SessionQuestion.objects.filter(session=session).values_list("order", flat=True))
    assert sorted(orders) == [1, 2, 3, 4, 5]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def own_redis():
    """A Redis of this test's own on a free port, never the machine's shared one."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = _free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield process, port
    if process.poll() is None:
        process.kill()
    process.wait(timeout=5)


@pytest.mark.django_db(transaction=True)
def test_losing_redis_mid_session_loses_nothing(auth_client, own_redis, settings):
    process, port = own_redis
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m"}
    questions_seed(bank=load_bank(languages=["en"], categories=["marketing"]))
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.3,
                "SOCKET_TIMEOUT": 0.3,
                "IGNORE_EXCEPTIONS": True,
            },
        },
        # Rate-limit counters: the same Redis, counted in process memory once it is gone.
        "ratelimit": {
            "BACKEND": "interview_platform.cache.FailoverRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "rl",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.3, "SOCKET_TIMEOUT": 0.3},
        },
    }
    with override_settings(CACHES=caches):
        session = auth_client.post(
            reverse("session-list"),
            {"category": "marketing", "language": "en", "questionCount": 2},
            format="json",
        ).json()
        first = session["currentQuestion"]["id"]
        state = live.live_state_get(session["id"])
        assert state["userId"] == str(auth_client.user.id)
        assert state["currentQuestion"]["sessionQuestionId"] == first

        answer = {"sessionId": session["id"], "sessionQuestionId": first, "answer": ANSWERS["en"]}
        assert (
            auth_client.post(reverse("analysis-answer"), answer, format="json").status_code == 202
        )
        assert live.live_state_get(session["id"])["answers"][0]["sessionQuestionId"] == first

        process.kill()
        process.wait(timeout=5)

        second = auth_client.post(reverse("session-next", args=[session["id"]]))
        assert second.status_code == 201
        answer = {
            "sessionId": session["id"],
            "sessionQuestionId": second.json()["id"],
            "answer": ANSWERS["en"] + " Two.",
        }
        assert (
            auth_client.post(reverse("analysis-answer"), answer, format="json").status_code == 202
        )
        done = auth_client.post(reverse("session-complete", args=[session["id"]]))
        assert done.status_code == 200
        assert done.json()["report"]["answered"] == 2
        assert live.live_state_get(session["id"]) is None  # Redis is gone; nothing raised

    stored = InterviewSession.objects.get(pk=session["id"])
    assert stored.status == "completed"
    assert all(sq.answer for sq in stored.session_questions.all())
