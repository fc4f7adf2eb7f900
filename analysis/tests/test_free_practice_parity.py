"""The free-practice API (question text, category, language) scores an answer exactly as a
session answer to the same question does."""

import pytest
from django.urls import reverse

from questions.bank import load_bank
from questions.services import questions_seed

pytestmark = pytest.mark.django_db(transaction=True)

ANSWERS = {
    "en": (
        "In my last role our checkout API timed out during sales. I owned the fix: I profiled the "
        "queries, added a Redis cache and an index, and load-tested it. Latency fell from 900 ms "
        "to 120 ms and we had no incident during the next two sales."
    ),
    "ko": (
        "지난 프로젝트에서 결제 API 응답이 느려지는 문제가 있었습니다. 제가 원인 분석을 맡아 "
        "쿼리를 점검하고 인덱스와 Redis 캐시를 추가했습니다. 그 결과 응답 시간이 900ms에서 "
        "120ms로 줄었고 이후 두 번의 세일 기간 동안 장애가 없었습니다."
    ),
}
FIELDS = ("scores", "totalScore", "strengths", "improvements", "detailedFeedback", "idealAnswer")


@pytest.fixture
def relaxed(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m", "analysis": "100/m"}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_free_practice_scores_as_a_session_answer_to_the_same_question(
    auth_client, relaxed, language
):
    questions_seed(bank=load_bank(categories=["software_engineering"]))
    session = auth_client.post(
        reverse("session-list"),
        {"category": "software_engineering", "language": language, "questionCount": 1},
        format="json",
    ).json()
    served = session["currentQuestion"]
    answer = ANSWERS[language]
    in_session = auth_client.post(
        reverse("analysis-answer") + "?wait=5",
        {"sessionId": session["id"], "sessionQuestionId": served["id"], "answer": answer},
        format="json",
    ).json()
    free = auth_client.post(
        reverse("analysis-answer") + "?wait=5",
        {
            "question": served["question"]["question"],
            "category": "software_engineering",
            "language": language,
            "answer": answer,
        },
        format="json",
    ).json()
    assert in_session["status"] == free["status"] == "completed"
    assert free["questionId"] == served["question"]["id"]
    assert {k: free[k] for k in FIELDS} == {k: in_session[k] for k in FIELDS}
    assert free["flags"] == in_session["flags"]
