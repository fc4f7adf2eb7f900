"""Follow-up questions (꼬리질문): chosen by what the answer lacked, quoting it, served by the
next-question endpoint as session questions linked to their parent."""

import time
import uuid

import pytest
from django.urls import reverse

from analysis.models import AnalysisResult
from analysis.tests.test_openai_provider import GOOD_ANALYSIS
from sessions_app.followups.rules import follow_up_offline
from sessions_app.followups.writer import follow_up_write
from sessions_app.models import SessionQuestion

pytestmark = pytest.mark.django_db(transaction=True)

STRONG = {"understanding": 22, "logic": 22, "specificity": 22, "job_fit": 22}

# Hand-written answers, each lacking one thing (the first gap in probing order).
ANSWERS = {
    ("en", "evidence"): "I led the migration to Kubernetes and it was a big success for the team. "
    "Everyone was happy with how it went in the end.",
    (
        "ko",
        "evidence",
    ): "저는 팀의 쿠버네티스 마이그레이션을 주도했습니다. 모두가 만족했고 결국 팀 분위기도 "
    "좋아졌습니다.",
    ("en", "method"): "Our checkout page was slow, so I rewrote the image pipeline and added lazy "
    "loading. Conversion went up 35% after the release.",
    (
        "ko",
        "method",
    ): "결제 페이지가 느려서 제가 이미지 처리 방식을 다시 작성하고 지연 로딩을 추가했습니다. "
    "배포 후 전환율이 35% 올랐습니다.",
    ("en", "result"): "Our onboarding was confusing, so I interviewed five new users and rewrote "
    "the first three screens. I also set up weekly reviews with support.",
    (
        "ko",
        "result",
    ): "신규 가입 흐름이 복잡해서 제가 사용자 다섯 명을 인터뷰하고 첫 화면 세 개를 다시 "
    "설계했습니다. 지원팀과 주간 리뷰 자리도 만들었습니다.",
    ("en", "tradeoff"): "We chose PostgreSQL instead of MongoDB because our data was relational. "
    "After the switch I measured the reporting queries and they became much simpler, and we "
    "shipped the dashboard a month early. I learned to model the data before picking a store.",
    (
        "ko",
        "tradeoff",
    ): "데이터가 관계형이라서 MongoDB 대신 PostgreSQL을 선택했습니다. 전환 후 리포트 "
    "쿼리를 측정해 보니 훨씬 단순해졌고 대시보드를 한 달 일찍 출시했습니다. 저장소를 고르기 전에 "
    "데이터를 먼저 모델링해야 한다는 것을 배웠습니다.",
    ("en", "lesson"): "When two teams disagreed about the release date, I set up a meeting and "
    "wrote down each team's constraints. We agreed on a staged release and resolved the conflict "
    "within a week.",
    ("ko", "lesson"): "두 팀이 출시 일정을 두고 의견이 달랐을 때 제가 회의를 잡고 각 팀의 제약을 "
    "정리했습니다. 단계적 출시에 합의했고 일주일 안에 갈등이 해결됐습니다.",
}


@pytest.mark.parametrize(("language", "lacks"), list(ANSWERS))
def test_the_follow_up_targets_what_the_answer_lacked_and_quotes_it(language, lacks):
    answer = ANSWERS[(language, lacks)]
    draft = follow_up_offline(answer=answer, language=language, scores=STRONG)
    assert draft is not None
    assert draft.target == lacks
    assert draft.quote.rstrip("…") in answer
    assert f'"{draft.quote}"' in draft.text
    if language == "ko":
        assert "하셨는데요" in draft.text and draft.text.endswith(("?", "요."))
    else:
        assert draft.text.startswith(("You said", "You mentioned"))


@pytest.mark.parametrize(
    ("language", "answer", "target"),
    [
        # A deed told after a claim is its evidence; the unmeasured figure is the gap.
        (
            "en",
            "I ran four interviews with churned customers and merged the two billing screens "
            "into one. Refund requests dropped 30% the next month.",
            "method",
        ),
        # The claim's own verb ("made it ...") is not evidence of what the speaker did.
        (
            "ko",
            "제가 고객센터 개편을 주도해서 업계 최고 수준으로 만들었습니다. 정말 큰 변화였습니다.",
            "evidence",
        ),
        # "restored", "복구했" are results: the lesson is what is left to ask.
        (
            "en",
            "A deploy script wiped the staging database. I restored it from a snapshot within "
            "two hours and told the QA team right away.",
            "lesson",
        ),
        (
            "ko",
            "배포 스크립트가 스테이징 데이터베이스를 지웠습니다. 제가 스냅숏으로 두 시간 안에 "
            "복구했고 QA팀에 바로 알렸습니다.",
            "lesson",
        ),
        # "배운 내용", "그 뒤로 매출이" are not lessons; "since then" alone is not one either.
        (
            "ko",
            "제가 스터디에서 배운 내용을 팀에 발표했고, 그 뒤로 배포 실패가 줄었습니다.",
            "lesson",
        ),
        # A result told without any measure, once nothing else is missing.
        (
            "en",
            "I wrote a checklist for code reviews and walked the team through it. Reviews got "
            "a lot faster after that, and I learned that a shared list ends most arguments.",
            "result",
        ),
        (
            "ko",
            "제가 코드 리뷰 체크리스트를 만들어 팀에 공유했습니다. 그 뒤로 리뷰가 많이 "
            "빨라졌고, 기준을 글로 남기면 논쟁이 줄어든다는 것을 배웠습니다.",
            "result",
        ),
        # "instead" alone and "~하기로 했" are choices whose cost is the gap.
        (
            "en",
            "I turned down the custom report and instead added the two fields to the standard "
            "export. The client signed the renewal, and I learned to offer the general fix.",
            "tradeoff",
        ),
        (
            "ko",
            "맞춤 보고서 대신 표준 내보내기에 항목 두 개를 추가하기로 했습니다. 고객사는 "
            "재계약했고, 일반적인 해결책을 먼저 제안해야 한다는 것을 배웠습니다.",
            "tradeoff",
        ),
    ],
)
def test_gaps_are_read_from_how_the_answer_is_told(language, answer, target):
    draft = follow_up_offline(answer=answer, language=language, scores=STRONG)
    assert draft is not None and draft.target == target, draft
    assert draft.quote.rstrip("…") in answer


def test_a_complete_answer_is_probed_on_its_weakest_dimension_only_when_weak():
    complete = (
        "We chose PostgreSQL over MongoDB; the trade-off was losing schema flexibility. I "
        "measured query times before and after, and they fell from 2 seconds to 200 ms. I "
        "learned to model the data first."
    )
    assert follow_up_offline(answer=complete, language="en", scores=STRONG) is None
    weak = {**STRONG, "job_fit": 9}
    draft = follow_up_offline(answer=complete, language="en", scores=weak)
    assert draft.target == "job_fit"


def test_a_thread_never_asks_the_same_thing_twice():
    answer = ANSWERS[("en", "evidence")]
    first = follow_up_offline(answer=answer, language="en", scores=STRONG)
    second = follow_up_offline(
        answer=answer,
        language="en",
        scores=STRONG,
        asked_targets={first.target},
        asked_texts={first.text},
    )
    assert second is not None and second.target != first.target
    assert second.text != first.text


def _start(client, language, follow_ups="one", count=5):
    response = client.post(
        reverse("session-list"),
        {
            "category": "software_engineering",
            "language": language,
            "questionCount": count,
            "followUps": follow_ups,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def _answer(client, session_id, session_question_id, answer):
    response = client.post(
        reverse("analysis-answer"),
        {"sessionId": session_id, "sessionQuestionId": session_question_id, "answer": answer},
        format="json",
    )
    assert response.status_code == 202, response.json()


def _next(client, session_id):
    return client.post(reverse("session-next", args=[session_id]))


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_session_serves_follow_ups_that_differ_with_what_the_answer_lacked(
    auth_client, bank, relaxed_answer_limit, language
):
    session = _start(auth_client, language)
    assert session["followUps"] == "one"
    first = session["currentQuestion"]
    assert first["kind"] == "main" and first["parentQuestionId"] is None
    _answer(auth_client, session["id"], first["id"], ANSWERS[(language, "method")])

    follow_up = _next(auth_client, session["id"]).json()
    assert follow_up["kind"] == "followUp"
    assert follow_up["parentQuestionId"] == first["id"]
    assert follow_up["depth"] == 1
    assert follow_up["followUpTarget"] == "method"
    assert follow_up["question"]["source"] == "follow_up"
    assert "35%" in follow_up["question"]["question"]
    # A follow-up is answered and analysed like any question.
    _answer(auth_client, session["id"], follow_up["id"], ANSWERS[(language, "lesson")])
    assert AnalysisResult.objects.get(session_question_id=follow_up["id"]).status == "completed"

    # One follow-up per question: the next is a main question, which gets its own follow-up.
    second = _next(auth_client, session["id"]).json()
    assert second["kind"] == "main"
    _answer(auth_client, session["id"], second["id"], ANSWERS[(language, "result")])
    follow_up_2 = _next(auth_client, session["id"]).json()
    assert follow_up_2["kind"] == "followUp" and follow_up_2["parentQuestionId"] == second["id"]
    assert follow_up_2["followUpTarget"] == "result"
    assert follow_up_2["question"]["question"] != follow_up["question"]["question"]

    detail = auth_client.get(reverse("session-detail", args=[session["id"]])).json()
    assert [q["kind"] for q in detail["questions"]] == ["main", "followUp", "main", "followUp"]


def test_up_to_two_follow_ups_probe_different_gaps(auth_client, bank, relaxed_answer_limit):
    session = _start(auth_client, "en", follow_ups="two")
    first = session["currentQuestion"]
    _answer(auth_client, session["id"], first["id"], ANSWERS[("en", "evidence")])
    one = _next(auth_client, session["id"]).json()
    assert (one["kind"], one["depth"], one["followUpTarget"]) == ("followUp", 1, "evidence")
    # The answer to the follow-up claims again without evidence: the thread moves on instead.
    _answer(auth_client, session["id"], one["id"], ANSWERS[("en", "evidence")])
    two = _next(auth_client, session["id"]).json()
    assert (two["kind"], two["depth"]) == ("followUp", 2)
    assert two["parentQuestionId"] == one["id"]
    assert two["followUpTarget"] != "evidence"
    _answer(auth_client, session["id"], two["id"], ANSWERS[("en", "result")])
    assert _next(auth_client, session["id"]).json()["kind"] == "main"


def test_follow_ups_off_serves_bank_questions_only(auth_client, bank, relaxed_answer_limit):
    session = _start(auth_client, "en", follow_ups="off")
    _answer(auth_client, session["id"], session["currentQuestion"]["id"], ANSWERS[("en", "method")])
    assert _next(auth_client, session["id"]).json()["kind"] == "main"


def test_a_follow_up_counts_against_the_question_limit(auth_client, bank, relaxed_answer_limit):
    session = _start(auth_client, "ko", count=2)
    _answer(auth_client, session["id"], session["currentQuestion"]["id"], ANSWERS[("ko", "result")])
    assert _next(auth_client, session["id"]).json()["kind"] == "followUp"
    refused = _next(auth_client, session["id"])
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "question_limit_reached"


def test_a_follow_up_waits_for_the_analysis(auth_client, bank, relaxed_answer_limit):
    session = _start(auth_client, "en")
    first = session["currentQuestion"]
    _answer(auth_client, session["id"], first["id"], ANSWERS[("en", "result")])
    AnalysisResult.objects.filter(session_question_id=first["id"]).update(status="processing")
    response = _next(auth_client, session["id"])
    assert response.status_code == 409
    body = response.json()
    assert body["error"]["code"] == "analysis_pending"
    assert response["Retry-After"] == "2"
    assert SessionQuestion.objects.filter(session_id=session["id"]).count() == 1
    AnalysisResult.objects.filter(session_question_id=first["id"]).update(status="completed")
    assert _next(auth_client, session["id"]).json()["kind"] == "followUp"


def test_an_unanswered_question_gets_no_follow_up(auth_client, bank):
    session = _start(auth_client, "en")
    assert _next(auth_client, session["id"]).json()["kind"] == "main"


@pytest.fixture
def openai_settings(settings, fake_openai):
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = "sk-test-fake"
    settings.OPENAI_BASE_URL = fake_openai.base_url
    settings.OPENAI_MAX_RETRIES = 0
    settings.OPENAI_TIMEOUT_SECONDS = 2
    return fake_openai


def test_openai_writes_the_follow_up_with_the_answer_as_delimited_data(
    auth_client, bank, relaxed_answer_limit, openai_settings
):
    answer = ANSWERS[("en", "method")]
    session = _start(auth_client, "en")
    openai_settings.enqueue_completion(GOOD_ANALYSIS)
    _answer(auth_client, session["id"], session["currentQuestion"]["id"], answer)
    openai_settings.enqueue_completion(
        {
            "target": "method",
            "quote": "Conversion went up 35%",
            "question": 'You said "Conversion went up 35%". Which metric moved, over what '
            "period, and what else shipped at the same time?",
        }
    )
    follow_up = _next(auth_client, session["id"]).json()
    assert follow_up["kind"] == "followUp"
    assert follow_up["question"]["question"].startswith('You said "Conversion went up 35%"')
    request = openai_settings.last_request
    assert request.json["response_format"]["type"] == "json_schema"
    assert f"<answer>\n{answer}\n</answer>" in request.prompt_text
    assert SessionQuestion.objects.get(pk=follow_up["id"]).follow_up_provider == "openai"


@pytest.mark.parametrize(
    "script",
    [
        lambda fake: fake.enqueue_error(500, "boom", type_="server_error"),
        # A quote the candidate never wrote is refused.
        lambda fake: fake.enqueue_completion(
            {
                "target": "method",
                "quote": "I tripled revenue",
                "question": 'You said "I tripled revenue". How?',
            }
        ),
        # A target the thread already asked is refused.
        lambda fake: fake.enqueue_completion(
            {
                "target": "lesson",
                "quote": "Conversion went up 35%",
                "question": 'You said "Conversion went up 35%". What did you learn?',
            }
        ),
    ],
)
def test_a_failing_or_unusable_provider_falls_back_to_the_offline_follow_up(
    openai_settings, script
):
    script(openai_settings)
    draft = follow_up_write(
        question="Tell me about a performance improvement.",
        answer=ANSWERS[("en", "method")],
        language="en",
        scores=STRONG,
        asked_targets=frozenset({"lesson"}),
    )
    assert draft.provider == "offline_fallback"
    assert draft.target == "method"


def test_follow_ups_show_in_the_report_and_the_depth_figure(
    auth_client, bank, relaxed_answer_limit
):
    session = _start(auth_client, "en", count=2)
    first = session["currentQuestion"]
    _answer(auth_client, session["id"], first["id"], ANSWERS[("en", "method")])
    follow_up = _next(auth_client, session["id"]).json()
    _answer(auth_client, session["id"], follow_up["id"], ANSWERS[("en", "tradeoff")])
    body = auth_client.post(reverse("session-complete", args=[session["id"]])).json()

    scores = {r["sessionQuestionId"]: r["totalScore"] for r in body["results"]}
    report = body["report"]
    assert [q["kind"] for q in report["questions"]] == ["main", "followUp"]
    assert report["questions"][1]["parentSessionQuestionId"] == first["id"]
    assert report["questions"][1]["followUpTarget"] == "method"
    assert report["followUps"] == {
        "asked": 1,
        "answered": 1,
        "averageScore": scores[follow_up["id"]],
        "holdUp": scores[follow_up["id"]] - scores[first["id"]],
        "targets": {"method": 1},
    }

    stats = auth_client.get(reverse("analytics-user-stats")).json()
    assert stats["depth"] == {
        "followUpsAnswered": 1,
        "averageFollowUpScore": scores[follow_up["id"]],
        "holdUp": scores[follow_up["id"]] - scores[first["id"]],
    }


def test_a_follow_up_quoting_the_answer_is_encrypted_at_rest(
    auth_client, bank, relaxed_answer_limit
):
    from django.db import connection

    session = _start(auth_client, "en")
    _answer(auth_client, session["id"], session["currentQuestion"]["id"], ANSWERS[("en", "method")])
    follow_up = _next(auth_client, session["id"]).json()
    from questions.models import Question

    # The id as the backend stores it (SQLite keeps a UUID as 32 hex digits).
    key = Question._meta.pk.get_db_prep_value(uuid.UUID(follow_up["questionId"]), connection)
    with connection.cursor() as cursor:
        cursor.execute("SELECT question FROM questions_question WHERE id = %s", [key])
        stored = cursor.fetchone()[0]
    assert "35%" in follow_up["question"]["question"]
    assert "35%" not in stored and "Conversion" not in stored


def test_follow_ups_go_with_the_account(auth_client, bank, relaxed_answer_limit):
    from accounts.services.erasure import user_data_erase
    from questions.models import Question

    session = _start(auth_client, "en")
    _answer(auth_client, session["id"], session["currentQuestion"]["id"], ANSWERS[("en", "method")])
    assert _next(auth_client, session["id"]).json()["kind"] == "followUp"
    user_data_erase(user=auth_client.user)
    assert not Question.objects.filter(source="follow_up").exists()


def test_a_hung_provider_costs_a_request_at_most_its_budget_and_the_offline_follow_up_stands_in(
    openai_settings, settings
):
    from interview_platform.api.budget import provider_budget

    settings.OPENAI_TIMEOUT_SECONDS = 30.0
    settings.OPENAI_MAX_RETRIES = 2
    openai_settings.enqueue_completion({}, delay=30.0)
    started = time.monotonic()
    with provider_budget(1.0):
        draft = follow_up_write(
            question="Tell me about a performance improvement.",
            answer=ANSWERS[("en", "method")],
            language="en",
            scores=STRONG,
        )
    assert time.monotonic() - started < 1.0 + 1.0  # unbounded: 30 s, 3 attempts
    assert draft.provider == "offline_fallback"
    assert len(openai_settings.requests) == 1
