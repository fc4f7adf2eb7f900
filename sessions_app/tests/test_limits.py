"""The spec's SessionSecurity: 2-hour sessions, 20 questions, 2 answers a minute, 5 a day."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from sessions_app.housekeeping import sessions_expire
from sessions_app.models import InterviewSession

from .factories import InterviewSessionFactory
from .test_flow import ANSWERS

# Analyses are queued when the request's transaction commits, so these tests really commit.
pytestmark = pytest.mark.django_db(transaction=True)


def start(client, **body):
    return client.post(reverse("session-list"), {"language": "en", **body}, format="json")


def answer(client, session, session_question_id, text=ANSWERS["en"], **extra):
    return client.post(
        reverse("analysis-answer"),
        {
            "sessionId": session["id"],
            "sessionQuestionId": session_question_id,
            "answer": text,
            **extra,
        },
        format="json",
    )


def test_only_one_active_session_at_a_time(auth_client, bank):
    first = start(auth_client).json()
    response = start(auth_client)
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "session_already_active"
    assert error["details"]["activeSessionId"] == first["id"]


def test_five_sessions_a_day_on_the_free_plan(auth_client, bank):
    InterviewSessionFactory.create_batch(5, user=auth_client.user, status="completed")
    response = start(auth_client)
    assert response.status_code == 429
    body = response.json()
    assert body["error"]["code"] == "daily_session_limit"
    assert body["error"]["type"] == "rate_limit_error"
    assert int(response["Retry-After"]) > 0


def test_premium_users_get_the_premium_limit(auth_client, bank, settings):
    settings.SESSIONS_PER_DAY_PREMIUM = 7
    auth_client.user.subscription_type = "premium"
    auth_client.user.save()
    InterviewSessionFactory.create_batch(6, user=auth_client.user, status="completed")
    assert start(auth_client).status_code == 201


def test_yesterdays_sessions_do_not_count(auth_client, bank):
    with time_machine.travel(timezone.now() - timedelta(days=1)):
        InterviewSessionFactory.create_batch(5, user=auth_client.user, status="completed")
    assert start(auth_client).status_code == 201


@pytest.mark.parametrize("count", [0, 21])
def test_question_count_is_1_to_20(auth_client, bank, count):
    response = start(auth_client, questionCount=count)
    assert response.status_code == 400
    assert "questionCount" in response.json()["error"]["details"]["fields"]


def test_a_question_is_answered_once(auth_client, bank, relaxed_answer_limit):
    session = start(auth_client).json()
    sq = session["currentQuestion"]["id"]
    assert answer(auth_client, session, sq).status_code == 202
    again = answer(auth_client, session, sq, text=ANSWERS["en"] + " More.")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "already_answered"


def test_two_answers_a_minute(auth_client, bank, settings):
    session = start(auth_client, questionCount=4).json()
    ids = [session["currentQuestion"]["id"]]
    for _ in range(2):
        ids.append(auth_client.post(reverse("session-next", args=[session["id"]])).json()["id"])
    assert answer(auth_client, session, ids[0]).status_code == 202
    assert answer(auth_client, session, ids[1]).status_code == 202
    response = answer(auth_client, session, ids[2])
    assert response.status_code == 429
    assert response.json()["error"]["details"]["scope"] == "answers"


def test_time_spent_is_measured_by_the_server(auth_client, bank, relaxed_answer_limit):
    from sessions_app.models import SessionQuestion

    session = start(auth_client, questionCount=2).json()
    first = session["currentQuestion"]["id"]
    SessionQuestion.objects.filter(pk=first).update(
        started_at=timezone.now() - timedelta(seconds=90)
    )
    answer(auth_client, session, first, timeSpent=600)  # implausible: more than elapsed
    assert 89 <= SessionQuestion.objects.get(pk=first).time_spent <= 95
    second = auth_client.post(reverse("session-next", args=[session["id"]])).json()["id"]
    SessionQuestion.objects.filter(pk=second).update(
        started_at=timezone.now() - timedelta(seconds=60)
    )
    answer(auth_client, session, second, text=ANSWERS["en"] + " Again.", timeSpent=45)  # plausible
    assert SessionQuestion.objects.get(pk=second).time_spent == 45


def test_sessions_expire_after_two_hours(auth_client, bank, relaxed_answer_limit):
    session = start(auth_client, questionCount=3).json()
    url_next = reverse("session-next", args=[session["id"]])
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=56)):
        # Inside the warning window: still usable.
        assert auth_client.post(url_next).status_code == 201
    with time_machine.travel(timezone.now() + timedelta(hours=2, seconds=1)):
        response = auth_client.post(url_next)
        assert response.status_code == 409
        assert response.json()["error"]["code"] == "session_expired"
        refused = answer(auth_client, session, session["currentQuestion"]["id"])
        assert refused.json()["error"]["code"] == "session_expired"
        assert auth_client.post(reverse("session-complete", args=[session["id"]])).json()["error"][
            "code"
        ] == ("session_expired")
        assert sessions_expire() == 1
        assert InterviewSession.objects.get(pk=session["id"]).status == "abandoned"
        # An expired session no longer blocks a new one.
        assert start(auth_client).status_code == 201


def test_the_timeout_warning_is_five_minutes_before_expiry(auth_client, bank):
    from datetime import datetime

    session = start(auth_client).json()
    expires = datetime.fromisoformat(session["expiresAt"].replace("Z", "+00:00"))
    warning = datetime.fromisoformat(session["timeoutWarningAt"].replace("Z", "+00:00"))
    created = datetime.fromisoformat(session["createdAt"].replace("Z", "+00:00"))
    assert expires - warning == timedelta(minutes=5)
    assert timedelta(hours=2) - timedelta(seconds=2) <= expires - created <= timedelta(hours=2)


def test_expiry_runs_in_bounded_batches(user):
    past = timezone.now() - timedelta(minutes=1)
    InterviewSessionFactory.create_batch(5, user=user, expires_at=past)
    assert sessions_expire(batch_size=2) == 2
    assert sessions_expire(batch_size=2) == 2
    assert sessions_expire(batch_size=2) == 1
    assert sessions_expire(batch_size=2) == 0
    assert InterviewSession.objects.filter(status="abandoned").count() == 5


def test_the_beat_task_is_scheduled():
    from interview_platform.celery import app

    schedule = app.conf.beat_schedule
    assert schedule["expire-sessions"]["task"] == "sessions_app.tasks.expire_sessions_task"


def test_deleting_sessions_does_not_give_starts_back(auth_client, bank):
    for _ in range(5):
        session = start(auth_client).json()
        assert (
            auth_client.delete(reverse("session-detail", args=[session["id"]])).status_code == 204
        )
    response = start(auth_client)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "daily_session_limit"


def test_an_update_cannot_undo_a_completion(auth_client, bank):
    from sessions_app.services import session_complete, session_update

    session = start(auth_client).json()
    session_complete(user=auth_client.user, session_id=session["id"])
    session_update(user=auth_client.user, session_id=session["id"], metadata={"platform": "ios"})
    stored = InterviewSession.objects.get(pk=session["id"])
    assert stored.status == "completed"
    assert stored.completed_at is not None and stored.report is not None
    assert stored.metadata["platform"] == "ios"
    response = auth_client.patch(
        reverse("session-detail", args=[session["id"]]), {"status": "abandoned"}, format="json"
    )
    assert response.status_code == 409


def test_batching_session_answers_does_not_bypass_the_answer_limit(auth_client, bank):
    session = start(auth_client, questionCount=4).json()
    ids = [session["currentQuestion"]["id"]]
    for _ in range(2):
        ids.append(auth_client.post(reverse("session-next", args=[session["id"]])).json()["id"])
    items = [
        {"sessionId": session["id"], "sessionQuestionId": sq, "answer": f"{ANSWERS['en']} {n}"}
        for n, sq in enumerate(ids)
    ]
    response = auth_client.post(reverse("analysis-batch"), {"items": items}, format="json")
    assert response.status_code == 429
    assert response.json()["error"]["details"]["scope"] == "answers"


def test_a_refused_answer_uses_up_no_quota(auth_client, bank):
    session = start(auth_client, questionCount=3).json()
    first = session["currentQuestion"]["id"]
    for _ in range(3):
        assert answer(auth_client, session, first, text="short").status_code == 400
    assert answer(auth_client, session, first).status_code == 202
