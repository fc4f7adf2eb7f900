"""A whole practice session over HTTP: start → next → answer → complete → report."""

import pytest
from django.urls import reverse

from sessions_app.models import InterviewSession

# Analyses are queued when the request's transaction commits, so these tests really commit.
pytestmark = pytest.mark.django_db(transaction=True)

ANSWERS = {
    "en": (
        "At my previous company I owned the payments service. When checkout latency rose to "
        "900 ms during a sale, I profiled the slow queries, added an index and a Redis cache, and "
        "load-tested with k6. Latency dropped to 120 ms and conversion rose 4% the next month."
    ),
    "ko": (
        "이전 회사에서 결제 서비스를 담당했습니다. 세일 기간에 응답 시간이 900ms까지 늘어나자 제가 "
        "느린 쿼리를 분석하고 인덱스와 Redis 캐시를 추가했으며 k6로 부하 테스트를 진행했습니다. "
        "그 결과 응답 시간이 120ms로 줄었고 다음 달 전환율이 4% 올랐습니다."
    ),
}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_whole_session(auth_client, bank, relaxed_answer_limit, language):
    response = auth_client.post(
        reverse("session-list"),
        {
            "category": "software_engineering",
            "difficulty": "medium",
            "language": language,
            "questionCount": 3,
            "followUps": "off",  # bank questions only; tests/test_followups.py covers follow-ups
        },
        format="json",
        HTTP_USER_AGENT="pytest-browser/1.0",
        HTTP_X_SESSION_SOURCE="web",
    )
    assert response.status_code == 201, response.json()
    session = response.json()
    assert session["status"] == "active"
    assert session["metadata"] == {
        "userAgent": "pytest-browser/1.0",
        "platform": "unknown",
        "sessionSource": "web",
    }
    assert session["expiresAt"] > session["timeoutWarningAt"]
    current = session["currentQuestion"]
    assert current["order"] == 1
    assert current["question"]["language"] == language
    assert current["question"]["sampleAnswer"] is None  # not answered yet

    served = [current]
    for order in (1, 2, 3):
        answer = auth_client.post(
            reverse("analysis-answer"),
            {
                "sessionId": session["id"],
                "sessionQuestionId": served[-1]["id"],
                "answer": ANSWERS[language],
                "timeSpent": 1,
            },
            format="json",
        )
        assert answer.status_code == 202, answer.json()
        if order < 3:
            nxt = auth_client.post(reverse("session-next", args=[session["id"]]))
            assert nxt.status_code == 201
            assert nxt.json()["order"] == order + 1
            served.append(nxt.json())
    assert len({q["questionId"] for q in served}) == 3

    refused = auth_client.post(reverse("session-next", args=[session["id"]]))
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "question_limit_reached"

    done = auth_client.post(reverse("session-complete", args=[session["id"]]))
    assert done.status_code == 200
    body = done.json()
    assert body["status"] == "completed"
    report = body["report"]
    scores = [r["totalScore"] for r in body["results"]]
    assert len(scores) == 3 and all(s is not None for s in scores)
    assert body["totalScore"] == round(sum(scores) / 3)
    assert report["totalScore"] == body["totalScore"]
    assert report["pendingAnalyses"] == 0
    assert set(report["rubricAverages"]) == {"understanding", "logic", "specificity", "jobFit"}
    # One answer serves every question: where it answers another question the scorer praises
    # nothing, so strengths may be empty; there is always something to improve.
    assert isinstance(report["topStrengths"], list) and report["topImprovements"]
    assert [q["order"] for q in report["questions"]] == [1, 2, 3]
    assert report["comparison"]["previousSessions"] == 0
    # Answered questions now reveal their sample answers.
    assert all(q["question"]["sampleAnswer"] for q in body["questions"])
    assert body["duration"] >= 0

    again = auth_client.post(reverse("session-complete", args=[session["id"]]))
    assert again.status_code == 200
    assert again.json()["completedAt"] == body["completedAt"]


def test_session_defaults_come_from_preferences(auth_client, bank):
    auth_client.user.preferences = {
        "job_category": "marketing",
        "difficulty": "hard",
        "language": "en",
        "notifications": True,
    }
    auth_client.user.save()
    body = auth_client.post(reverse("session-list"), {}, format="json").json()
    assert (body["category"], body["difficulty"], body["language"], body["questionCount"]) == (
        "marketing",
        "hard",
        "en",
        5,
    )
    assert body["currentQuestion"]["question"]["difficulty"] == "hard"


def test_a_custom_role_gets_generated_questions(auth_client, relaxed_answer_limit):
    response = auth_client.post(
        reverse("session-list"),
        {"category": "custom", "customCategory": "Barista", "language": "en", "questionCount": 2},
        format="json",
    )
    assert response.status_code == 201, response.json()
    first = response.json()["currentQuestion"]["question"]
    assert first["source"] == "ai"
    assert first["customCategory"] == "Barista"
    nxt = auth_client.post(reverse("session-next", args=[response.json()["id"]])).json()
    assert nxt["question"]["question"] != first["question"]


def test_custom_without_a_role_is_refused(auth_client):
    response = auth_client.post(reverse("session-list"), {"category": "custom"}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "custom_category_required"


def test_list_filters_and_is_newest_first(auth_client, bank, django_assert_max_num_queries):
    from .factories import InterviewSessionFactory

    old = InterviewSessionFactory(user=auth_client.user, status="completed", category="marketing")
    new = InterviewSessionFactory(user=auth_client.user, status="abandoned")
    InterviewSessionFactory()  # someone else's
    body = auth_client.get(reverse("session-list")).json()
    assert [s["id"] for s in body["results"]] == [str(new.id), str(old.id)]
    assert auth_client.get(reverse("session-list"), {"status": "completed"}).json()["count"] == 1
    assert auth_client.get(reverse("session-list"), {"category": "marketing"}).json()["count"] == 1
    today = old.created_at.date().isoformat()
    assert (
        auth_client.get(reverse("session-list"), {"fromDate": today, "toDate": today}).json()[
            "count"
        ]
        == 2
    )
    InterviewSessionFactory.create_batch(10, user=auth_client.user, status="completed")
    with django_assert_max_num_queries(4):
        assert auth_client.get(reverse("session-list")).status_code == 200


@pytest.mark.parametrize("count", [2, 6])
def test_detail_query_count_does_not_grow_with_questions(
    auth_client, bank, relaxed_answer_limit, django_assert_max_num_queries, count
):
    session = auth_client.post(
        reverse("session-list"), {"questionCount": count, "language": "en"}, format="json"
    ).json()
    served = [session["currentQuestion"]["id"]]
    for _ in range(count - 1):
        served.append(auth_client.post(reverse("session-next", args=[session["id"]])).json()["id"])
    for n, sq in enumerate(served):  # every question answered and analysed: `results` is full
        auth_client.post(
            reverse("analysis-answer"),
            {"sessionId": session["id"], "sessionQuestionId": sq, "answer": f"{ANSWERS['en']} {n}"},
            format="json",
        )
    with django_assert_max_num_queries(6):
        response = auth_client.get(reverse("session-detail", args=[session["id"]]))
    body = response.json()
    assert len(body["questions"]) == count
    assert len(body["results"]) == count


def test_abandon_update_metadata_and_delete(auth_client, bank):
    session = auth_client.post(reverse("session-list"), {"language": "en"}, format="json").json()
    url = reverse("session-detail", args=[session["id"]])
    response = auth_client.patch(url, {"metadata": {"platform": "ios"}}, format="json")
    assert response.json()["metadata"]["platform"] == "ios"
    refused = auth_client.patch(url, {"status": "completed"}, format="json")
    assert refused.status_code == 400
    assert (
        auth_client.patch(url, {"status": "abandoned"}, format="json").json()["status"]
        == "abandoned"
    )
    # With the old one abandoned, a new session may start.
    assert (
        auth_client.post(reverse("session-list"), {"language": "en"}, format="json").status_code
        == 201
    )
    assert auth_client.delete(url).status_code == 204
    assert not InterviewSession.objects.filter(pk=session["id"]).exists()


def test_nobody_else_can_see_or_touch_a_session(auth_client, api_client, bank):
    from accounts.tests.factories import UserFactory

    session = auth_client.post(reverse("session-list"), {"language": "en"}, format="json").json()
    api_client.force_authenticate(UserFactory())
    sid = session["id"]
    assert api_client.get(reverse("session-detail", args=[sid])).status_code == 404
    assert (
        api_client.patch(
            reverse("session-detail", args=[sid]), {"status": "abandoned"}, format="json"
        ).status_code
        == 404
    )
    assert api_client.delete(reverse("session-detail", args=[sid])).status_code == 404
    assert api_client.post(reverse("session-next", args=[sid])).status_code == 404
    assert api_client.post(reverse("session-complete", args=[sid])).status_code == 404
    assert api_client.get(reverse("session-list")).json()["count"] == 0
    answer = api_client.post(
        reverse("analysis-answer"),
        {
            "sessionId": sid,
            "sessionQuestionId": session["currentQuestion"]["id"],
            "answer": ANSWERS["en"],
        },
        format="json",
    )
    assert answer.status_code == 404


def test_staff_session_overview(staff_client, auth_client, bank):
    auth_client.post(reverse("session-list"), {"language": "en"}, format="json")
    body = staff_client.get(reverse("admin-session-list"), {"user": auth_client.user.email}).json()
    assert body["count"] == 1
    assert auth_client.get(reverse("admin-session-list")).status_code == 403


def test_deleting_a_completed_session_updates_the_daily_rollup(
    auth_client, bank, relaxed_answer_limit
):
    from django.utils import timezone

    from analytics.models import UserAnalytics

    session = auth_client.post(
        reverse("session-list"), {"language": "en", "questionCount": 1}, format="json"
    ).json()
    auth_client.post(
        reverse("analysis-answer"),
        {
            "sessionId": session["id"],
            "sessionQuestionId": session["currentQuestion"]["id"],
            "answer": ANSWERS["en"],
        },
        format="json",
    )
    auth_client.post(reverse("session-complete", args=[session["id"]]))
    day = timezone.now().date()
    assert UserAnalytics.objects.get(user=auth_client.user, date=day).sessions_completed == 1
    auth_client.delete(reverse("session-detail", args=[session["id"]]))
    row = UserAnalytics.objects.filter(user=auth_client.user, date=day).first()
    assert row is None or row.sessions_completed == 0


def test_the_report_compares_with_earlier_sessions_in_the_category(auth_client, bank):
    from .factories import InterviewSessionFactory

    for score in (60, 80):
        InterviewSessionFactory(
            user=auth_client.user, category="marketing", status="completed", total_score=score
        )
    InterviewSessionFactory(
        user=auth_client.user, category="sales", status="completed", total_score=10
    )
    session = auth_client.post(
        reverse("session-list"), {"category": "marketing", "language": "en"}, format="json"
    ).json()
    comparison = auth_client.post(reverse("session-complete", args=[session["id"]])).json()[
        "report"
    ]["comparison"]
    # Nothing answered yet: no score of its own to compare, but the history is counted.
    assert comparison == {"previousSessions": 2, "previousAverage": 70.0, "difference": None}


def test_start_and_next_cost_a_fixed_handful_of_queries(
    auth_client, bank, django_assert_max_num_queries
):
    """The selector ranks and fetches its question in one query (the user's recent sessions a
    subquery); start then writes under one lock. Start: choose, BEGIN, limits under the user's
    lock, session, start log, session question, usage count, COMMIT. Next: the session, its
    served questions, choose, BEGIN, lock, served under the lock, session question, usage
    count, COMMIT."""
    for _ in range(2):  # earlier sessions: the selector avoids their questions
        earlier = auth_client.post(reverse("session-list"), {"language": "en"}, format="json")
        auth_client.patch(
            reverse("session-detail", args=[earlier.json()["id"]]),
            {"status": "abandoned"},
            format="json",
        )
    with django_assert_max_num_queries(8):
        started = auth_client.post(reverse("session-list"), {"language": "en"}, format="json")
    assert started.status_code == 201
    with django_assert_max_num_queries(9):
        served = auth_client.post(reverse("session-next", args=[started.json()["id"]]))
    assert served.status_code == 201
    assert served.json()["order"] == 2
