"""The answer → analysis pipeline over HTTP, with the offline provider (no key set)."""

import pytest
from django.urls import reverse

from analysis.models import AnalysisResult
from analysis.services.run import analysis_run
from questions.models import Question
from questions.tests.factories import QuestionFactory

# Analyses are queued when the request's transaction commits, so these tests really commit.
pytestmark = pytest.mark.django_db(transaction=True)

EN_ANSWER = (
    "In my last role our checkout API timed out during sales. I owned the fix: I profiled the "
    "queries with pg_stat_statements, added a Redis cache and an index, and load-tested it with "
    "k6. Latency fell from 900 ms to 120 ms and we had no incident during the next two sales."
)
KO_ANSWER = (
    "지난 프로젝트에서 결제 API 응답이 느려지는 문제가 있었습니다. 제가 원인 분석을 맡아 "
    "쿼리를 점검하고 인덱스와 Redis 캐시를 추가했습니다. 그 결과 응답 시간이 900ms에서 "
    "120ms로 줄었고 이후 두 번의 세일 기간 동안 장애가 없었습니다."
)


def submit(client, **body):
    return client.post(reverse("analysis-answer"), body, format="json")


def test_free_practice_answer_is_analysed_and_readable(auth_client):
    question = QuestionFactory(language="en")
    response = submit(auth_client, questionId=str(question.id), answer=EN_ANSWER)
    assert response.status_code == 202
    body = response.json()
    assert set(body) == {"id", "status"}
    assert response["Location"].endswith(reverse("analysis-detail", args=[body["id"]]))

    result = auth_client.get(reverse("analysis-detail", args=[body["id"]])).json()
    assert result["status"] == "completed"
    scores = result["scores"]
    assert set(scores) == {"understanding", "logic", "specificity", "jobFit"}
    assert all(0 <= value <= 25 for value in scores.values())
    assert result["totalScore"] == sum(scores.values())
    assert result["strengths"] and result["improvements"]
    assert set(result["detailedFeedback"]) == {"grammar", "structure", "content", "suggestions"}
    assert result["idealAnswer"]
    assert result["aiAnalysis"]["model"]
    assert 0 < result["aiAnalysis"]["confidence"] < 1
    assert result["userAnswer"] == EN_ANSWER
    question.refresh_from_db()
    assert question.usage_count == 1
    assert question.scored_count == 1


def test_wait_returns_the_whole_result(auth_client):
    question = QuestionFactory(language="ko")
    response = auth_client.post(
        reverse("analysis-answer") + "?wait=5",
        {"questionId": str(question.id), "answer": KO_ANSWER, "language": "ko"},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "completed"
    assert body["language"] == "ko"
    # Korean answers get Korean coaching.
    assert any("\uac00" <= ch <= "\ud7a3" for ch in " ".join(body["strengths"]))


def test_free_practice_with_a_typed_question(auth_client):
    response = submit(
        auth_client,
        question="Why do you want to work in product management?",
        answer=EN_ANSWER,
        category="product_management",
        language="en",
    )
    assert response.status_code == 202
    stored = AnalysisResult.objects.get(pk=response.json()["id"])
    assert stored.question.source == "user"
    assert stored.question.is_active is False
    assert not Question.objects.filter(is_active=True, source="user").exists()


def test_a_typed_design_question_is_coached_on_its_design_not_as_a_story(auth_client):
    # A typed question was always behavioural: a design answer was told to say when and where it
    # happened and handed [situation] and [lesson] gaps.
    response = submit(
        auth_client,
        question="How would you design a rate limiter for a public API?",
        answer=(
            "I would use a token bucket per API key, stored in Redis with an expiry and refilled "
            "at the allowed rate. The check and the decrement must be atomic, so I would run them "
            "in a Lua script. An empty bucket answers 429 with a Retry-After header. Across "
            "regions I would accept small over-limits rather than pay a cross-region round trip."
        ),
        category="software_engineering",
        language="en",
    )
    stored = AnalysisResult.objects.get(pk=response.json()["id"])
    assert stored.question.type == "technical"
    result = auth_client.get(reverse("analysis-detail", args=[stored.pk])).json()
    coaching = " ".join(result["improvements"]) + result["idealAnswer"]
    assert "when and where" not in coaching
    assert "[situation" not in result["idealAnswer"]


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ("too short", "answer_too_short"),
        ("x" * 5001, "answer_too_long"),
        ("An answer with a \x07 bell in it, long enough.", "answer_invalid_characters"),
        ("1234567890 1234567890", "answer_invalid_characters"),
        ("This is a fucking terrible question to ask me.", "answer_profanity"),
        ("이런 질문은 정말 씨 발 의미가 없다고 생각합니다.", "answer_profanity"),
    ],
)
def test_invalid_answers_are_refused_and_nothing_is_stored(auth_client, answer, code):
    question = QuestionFactory()
    response = submit(auth_client, questionId=str(question.id), answer=answer)
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["type"], error["code"]) == ("validation_error", code)
    assert AnalysisResult.objects.count() == 0


def test_korean_and_words_that_contain_rude_substrings_are_accepted(auth_client):
    question = QuestionFactory()
    for answer in (KO_ANSWER, "I ran the Scunthorpe class assessment and passed it in 3 weeks."):
        assert submit(auth_client, questionId=str(question.id), answer=answer).status_code == 202


def test_a_question_is_required_for_free_practice(auth_client):
    response = submit(auth_client, answer=EN_ANSWER)
    assert response.status_code == 400
    assert "questionId" in response.json()["error"]["details"]["fields"]


def test_an_identical_answer_reuses_the_stored_scores(auth_client, django_assert_max_num_queries):
    question = QuestionFactory(language="en")
    first = submit(auth_client, questionId=str(question.id), answer=EN_ANSWER).json()
    second = submit(auth_client, questionId=str(question.id), answer=EN_ANSWER + "  ").json()
    assert second["status"] == "completed"  # no task queued: reused at once
    a, b = AnalysisResult.objects.get(pk=first["id"]), AnalysisResult.objects.get(pk=second["id"])
    assert (a.total_score, a.strengths) == (b.total_score, b.strengths)
    assert b.ai_analysis["reused_from"] == str(a.pk)


def test_another_users_identical_answer_is_analysed_afresh_not_copied(auth_client, api_client):
    from accounts.tests.factories import UserFactory

    question = QuestionFactory(language="en")
    mine = submit(auth_client, questionId=str(question.id), answer=EN_ANSWER).json()
    api_client.force_authenticate(UserFactory())
    response = api_client.post(
        reverse("analysis-answer") + "?wait=5",
        {"questionId": str(question.id), "answer": EN_ANSWER},
        format="json",
    )
    theirs = response.json()
    assert theirs["status"] == "completed"
    assert "reusedFrom" not in theirs["aiAnalysis"]
    assert mine["id"] not in response.content.decode()
    assert "reused_from" not in AnalysisResult.objects.get(pk=theirs["id"]).ai_analysis


def test_users_see_only_their_own_analyses(auth_client, api_client):
    from accounts.tests.factories import UserFactory

    question = QuestionFactory()
    analysis_id = submit(auth_client, questionId=str(question.id), answer=EN_ANSWER).json()["id"]
    stranger = UserFactory()
    api_client.force_authenticate(stranger)
    for name in ("analysis-detail", "analysis-feedback", "analysis-rerun"):
        method = api_client.post if name == "analysis-rerun" else api_client.get
        response = method(reverse(name, args=[analysis_id]))
        assert response.status_code == 404, name


def test_feedback_endpoint(auth_client):
    question = QuestionFactory(language="en")
    analysis_id = submit(auth_client, questionId=str(question.id), answer=EN_ANSWER).json()["id"]
    AnalysisResult.objects.filter(pk=analysis_id).update(detailed_feedback=None)
    body = auth_client.get(reverse("analysis-feedback", args=[analysis_id])).json()
    assert set(body) == {"detailedFeedback", "strengths", "improvements", "idealAnswer"}
    assert body["detailedFeedback"]["suggestions"]
    assert AnalysisResult.objects.get(pk=analysis_id).detailed_feedback is not None


def test_batch_analyses_up_to_20(auth_client):
    question = QuestionFactory(language="en")
    items = [
        {"questionId": str(question.id), "answer": f"{EN_ANSWER} Attempt {n}."} for n in range(3)
    ]
    response = auth_client.post(reverse("analysis-batch"), {"items": items}, format="json")
    assert response.status_code == 202
    results = response.json()["results"]
    assert len(results) == 3
    assert all(set(r) == {"id", "status"} for r in results)
    assert AnalysisResult.objects.filter(status="completed").count() == 3


def test_batch_refuses_more_than_20_or_any_invalid_item(auth_client):
    question = QuestionFactory()
    item = {"questionId": str(question.id), "answer": EN_ANSWER}
    response = auth_client.post(reverse("analysis-batch"), {"items": [item] * 21}, format="json")
    assert response.status_code == 400
    bad = {"questionId": str(question.id), "answer": "short"}
    response = auth_client.post(reverse("analysis-batch"), {"items": [item, bad]}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "answer_too_short"
    assert AnalysisResult.objects.count() == 0


def test_analysis_rate_limit(auth_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "analysis": "2/m"}
    question = QuestionFactory()
    for n in range(2):
        assert (
            submit(auth_client, questionId=str(question.id), answer=f"{EN_ANSWER} {n}").status_code
            == 202
        )
    response = submit(auth_client, questionId=str(question.id), answer=EN_ANSWER)
    assert response.status_code == 429
    assert response.json()["error"]["type"] == "rate_limit_error"


def test_a_duplicate_delivery_does_nothing(auth_client):
    question = QuestionFactory()
    analysis_id = submit(auth_client, questionId=str(question.id), answer=EN_ANSWER).json()["id"]
    before = AnalysisResult.objects.get(pk=analysis_id)
    assert analysis_run(analysis_id=analysis_id) == "skipped"
    after = AnalysisResult.objects.get(pk=analysis_id)
    assert (after.status, after.total_score, after.updated_at) == (
        before.status,
        before.total_score,
        before.updated_at,
    )
    question.refresh_from_db()
    assert question.scored_count == 1


def test_generate_questions_in_both_languages(auth_client):
    for language in ("en", "ko"):
        response = auth_client.post(
            reverse("question-generate"),
            {"category": "marketing", "difficulty": "medium", "language": language, "count": 3},
            format="json",
        )
        assert response.status_code == 201, response.json()
        body = response.json()
        assert len(body) == 3
        assert {q["source"] for q in body} == {"ai"}
        assert {q["language"] for q in body} == {language}
        assert len({q["question"] for q in body}) == 3
    stored = Question.objects.filter(source="ai")
    assert stored.count() == 6


def test_generate_for_a_custom_role(auth_client):
    response = auth_client.post(
        reverse("question-generate"),
        {
            "category": "custom",
            "customCategory": "Flight attendant",
            "difficulty": "easy",
            "language": "en",
        },
        format="json",
    )
    assert response.status_code == 201
    assert response.json()[0]["customCategory"] == "Flight attendant"
    response = auth_client.post(
        reverse("question-generate"), {"category": "custom", "difficulty": "easy"}, format="json"
    )
    assert response.status_code == 400


def test_errors_speak_the_users_language(auth_client):
    question = QuestionFactory()
    korean = submit(auth_client, questionId=str(question.id), answer="짧아요")
    assert (
        korean.json()["error"]["message"] == "답변이 너무 짧습니다. 최소 10자 이상 작성해 주세요."
    )
    auth_client.user.preferences = {**auth_client.user.preferences, "language": "en"}
    auth_client.user.save()
    english = submit(auth_client, questionId=str(question.id), answer="short")
    assert english.json()["error"]["message"] == (
        "The answer is too short: write at least 10 characters."
    )


def test_answers_past_the_retention_period_are_removed(auth_client):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from sessions_app.housekeeping import answers_purge_expired

    question = QuestionFactory()
    with time_machine.travel(timezone.now() - timedelta(days=40)):
        old = submit(auth_client, questionId=str(question.id), answer=EN_ANSWER).json()["id"]
    recent = submit(auth_client, questionId=str(question.id), answer=EN_ANSWER + " Now.").json()[
        "id"
    ]
    assert answers_purge_expired(days=0) == 0  # retention off
    assert answers_purge_expired(days=30) == 1
    assert not AnalysisResult.objects.filter(pk=old).exists()
    assert AnalysisResult.objects.filter(pk=recent).exists()


def test_generated_questions_are_private_to_their_user(auth_client, api_client):
    from accounts.tests.factories import UserFactory

    body = auth_client.post(
        reverse("question-generate"),
        {
            "category": "custom",
            "customCategory": "Secret role",
            "difficulty": "easy",
            "language": "en",
        },
        format="json",
    ).json()
    own_id = body[0]["id"]
    assert auth_client.get(reverse("question-detail", args=[own_id])).status_code == 200
    other = UserFactory()
    api_client.force_authenticate(other)
    assert api_client.get(reverse("question-detail", args=[own_id])).status_code == 404
    listed = api_client.get(reverse("question-list"), {"category": "custom"}).json()
    assert listed["count"] == 0
    answer = api_client.post(
        reverse("analysis-answer"), {"questionId": own_id, "answer": EN_ANSWER}, format="json"
    )
    assert answer.status_code == 404


def test_free_practice_counts_in_todays_rollup_at_once(auth_client):
    from django.utils import timezone

    from analytics.models import UserAnalytics

    question = QuestionFactory(language="en")
    submit(auth_client, questionId=str(question.id), answer=EN_ANSWER)
    today = UserAnalytics.objects.get(user=auth_client.user, date=timezone.now().date())
    assert today.questions_answered == 1


def test_a_free_practice_answer_costs_a_fixed_handful_of_queries(
    auth_client, django_assert_max_num_queries, monkeypatch
):
    """The question, its usage count, the earlier identical answer, the analysis; the request's
    transaction around them, and no savepoint of the answer's own. (The queued run is left out:
    tests run it in the request.)"""
    from analysis.services import submit as submit_service

    monkeypatch.setattr(submit_service, "analysis_enqueue", lambda analysis_id: None)
    question = QuestionFactory(language="en")
    submit(auth_client, questionId=str(question.id), answer=EN_ANSWER + " Warm-up.")
    with django_assert_max_num_queries(6) as captured:
        response = submit(auth_client, questionId=str(question.id), answer=EN_ANSWER)
    assert response.status_code == 202
    assert not any("SAVEPOINT" in q["sql"] for q in captured.captured_queries)
