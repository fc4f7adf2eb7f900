"""An answer told in paragraphs is one story: a paragraph that goes on with it in words of its
own (the query that found the bug before the load test that confirmed it, "…with her
one-on-one", "Since then…") is scored, not set aside as padding."""

from pathlib import Path

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.analyzer import analyze
from analysis.ai.types import AnalysisContext, QuestionContext
from analysis.eval.harness import load_graded_set, long_answer, question_context

SERVICE = OfflineAIService()

HARDEST_BUG = "Tell me about the hardest bug you've tracked down. How did you find the root cause?"
HARDEST_BUG_ANSWER = (
    "The hardest one was at my last job on a Node.js order service. About once a day, a "
    "handful of orders, maybe 3 or 4 out of roughly 20,000, were saved with the wrong "
    "shipping address, always the address of a different customer. We couldn't reproduce it "
    "locally, and the logs looked clean.\n\n"
    "First I wrote a query to pull every affected order for two weeks and lined them up by "
    "timestamp. All of them happened within a few milliseconds of another order from the "
    "same pod. That pointed me at shared state. I then read through the request path and "
    'found that a helper module cached the "current customer" in a module-level variable so '
    "it didn't have to pass it around. Under load, two async requests on the same process "
    "could interleave between the await on the address lookup and the write, so one request "
    "picked up the other's customer.\n\n"
    "To confirm it, I wrote a load test with k6 that fired 200 concurrent checkouts, and I "
    "reproduced the bug in about ten minutes. The fix was to pass the customer through the "
    "call chain and use AsyncLocalStorage for the request context. After the deploy we had "
    "zero mismatched addresses over the next three months. I also added a lint rule that "
    "flags mutable module-level variables in request handlers, and I wrote a short "
    "post-mortem for the team."
)
PUSHED_BACK = (
    "Describe a time you pushed back on a senior leader whose preferred conclusion wasn't "
    "supported by the data."
)
PUSHED_BACK_ANSWER = (
    "At my previous company, our VP of Marketing was convinced that a new TV campaign had "
    "driven a big jump in signups, and she wanted me to put together numbers for the board "
    "showing a 25% lift so she could double the budget.\n\n"
    "When I looked at it, signups did go up about 22% during the campaign weeks, but the "
    "same jump happened in regions where the ads didn't air, and it also matched a price "
    "cut we launched the same week. So the data didn't support giving the TV campaign the "
    "credit.\n\n"
    "I didn't want to just say \"you're wrong\" in a meeting, so I asked for 30 minutes with "
    "her one-on-one first. I showed her the comparison between TV and non-TV regions, which "
    "was basically flat, around 2% difference with a confidence interval that included "
    "zero. I was clear about what I didn't know: the campaign might have had brand effects "
    "we couldn't measure yet.\n\n"
    "Instead of the 25% claim, I proposed a geo holdout test for the next flight, with 8 "
    "markets dark and 8 on air. She wasn't happy at first, but she agreed. The test showed "
    "a 4% lift, which was real but much smaller, and the budget was increased by 20% "
    "instead of doubled. She later asked me to design the measurement for the next two "
    "campaigns."
)
WEAKNESS = "What is your biggest weakness?"
WEAKNESS_ANSWER = (
    "My biggest weakness is that I've had trouble delegating. When I led our content team "
    "of three, I'd often rewrite drafts myself late at night instead of giving feedback, "
    "because it felt faster. It wasn't sustainable, and it meant the writers didn't improve "
    "as quickly as they could have.\n\n"
    "Last year my manager pointed out that I was the bottleneck: our blog went from 8 posts "
    "a month to 5 during a busy quarter. Since then I've changed how I work. I write a "
    "one-page brief with the goal, audience and key message before anyone starts writing, I "
    "give comments instead of edits, and I only step in on the final pass for launch "
    "content. We're back to 8 to 10 posts a month, and one of the writers now owns our "
    "newsletter completely. I still have to catch myself sometimes, but it's much better."
)
SETTLEMENT = "정산 오류의 원인을 찾아 해결한 경험을 말씀해 주세요."
SETTLEMENT_ANSWER = (
    "작년 물류 스타트업에서 정산 담당으로 일할 때, 월말 정산 금액이 매달 "
    "200만 원 정도씩 맞지 않는 문제가 있었습니다. 팀장님은 단순 입력 "
    "실수라고 보셨지만 석 달 연속 같은 규모로 차이가 나서 원인을 직접 "
    "찾기로 했습니다.\n\n"
    "먼저 세 달 치 거래 4,800건을 엑셀로 내려받아 은행 입금 내역과 한 "
    "줄씩 대조했습니다. 그러자 환불된 주문 37건이 카드사에서는 취소됐는데 "
    "우리 장부에는 그대로 매출로 남아 있었습니다.\n\n"
    "그 후 환불 처리 화면을 살펴보니, 부분 환불일 때만 장부 반영 버튼이 "
    "따로 있어서 담당자들이 놓치고 있었습니다. 개발팀에 요청해 부분 환불도 "
    "자동으로 장부에 반영되게 바꾸었고, 다음 달부터 정산 차이는 0원이 "
    "되었습니다. 이 일로 숫자가 반복해서 어긋나면 사람 탓보다 절차를 먼저 "
    "의심해야 한다는 것을 배웠습니다."
)


def _analyse(language: str, question: str, answer: str):
    asked = QuestionContext(text=question, category="custom", type="behavioral", language=language)
    context = AnalysisContext(job_category="custom", language=language)
    return SERVICE.analyze_answer(asked, answer, context).to_result_fields()


@pytest.mark.parametrize(
    ("language", "question", "answer"),
    [
        ("en", HARDEST_BUG, HARDEST_BUG_ANSWER),
        ("en", PUSHED_BACK, PUSHED_BACK_ANSWER),
        ("en", WEAKNESS, WEAKNESS_ANSWER),
        ("ko", SETTLEMENT, SETTLEMENT_ANSWER),
    ],
)
def test_a_story_told_in_paragraphs_is_scored_whole(language, question, answer):
    result = _analyse(language, question, answer)
    assert "padding" not in {f["code"] for f in result["flags"]}
    assert not any("not scored" in s or "채점하지" in s for s in result["improvements"])
    # ... and it scores as the same text in one paragraph does.
    whole = _analyse(language, question, answer.replace("\n\n", " "))
    assert abs(result["total_score"] - whole["total_score"]) <= 3


def test_answers_to_other_questions_appended_as_paragraphs_stay_set_aside():
    """The speed check's 5,000-character Korean answer: one question's answers, then other
    questions' answers from the same fields (a code-review conflict, a churn model). A later
    paragraph on the subject takes up none of them, however many words of the field they share
    with it: they stay padding (33 of its 90 sentences; 2 when they were taken up)."""
    graded = load_graded_set(Path(__file__).resolve().parents[1] / "eval" / "graded_set.jsonl")
    asked = question_context(next(q for q in graded if q.language == "ko"))
    signals = analyze(asked, long_answer(graded, "ko"), AnalysisContext(language="ko"))
    assert len(signals.topicality.padding) >= 25
