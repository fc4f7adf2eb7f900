"""Feedback read as the job seeker reads it: the ideal answer keeps the step the answer turns on,
and each note fits the question asked and what the answer was judged to be. Each rule is tested
on text of its own, not the graded set's."""

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.analyzer import analyze
from analysis.ai.offline.asks import about_people
from analysis.ai.offline.improvements import improvements
from analysis.ai.types import AnalysisContext, QuestionContext


def _run(question: QuestionContext, text: str):
    context = AnalysisContext(job_category=question.category, language=question.language)
    return OfflineAIService().analyze_answer(question, text, context)


CACHE_Q = QuestionContext(
    text="How would you design a cache for a product catalogue that is read far more often than "
    "it is written?",
    category="software_engineering",
    type="technical",
    language="en",
)


def test_the_ideal_answer_keeps_a_hedged_step_without_its_hedge():
    answer = (
        "I would probably put a read-through cache in front of the database, keyed by product "
        "ID. When a product is edited, the write path deletes its key so the next read loads the "
        "fresh row. I'd watch the hit rate and the database load after launch to check it worked."
    )
    ideal = _run(CACHE_Q, answer).ideal_answer
    assert "I would put a read-through cache in front of the database, keyed by product ID." in (
        ideal
    )
    assert "probably" not in ideal
    # The step fills the opening part: no placeholder asks for what the answer already says.
    assert "[first principle" not in ideal


ANGRY_Q = QuestionContext(
    text="Tell me about a time you calmed down an angry customer.",
    category="customer_service",
    type="behavioral",
    language="en",
)
# About an angry customer all through, in words of its own: none of "calmed", "angry", "customer".
UPSET_SHOPPER = (
    "Last spring a shopper phoned our store shouting because his order had arrived broken for "
    "the second time. I let him finish, said sorry for the trouble and asked what he needed by "
    "the weekend. I booked a replacement with next-day delivery and a courier pickup for the "
    "broken one. He called back on Friday to say thanks and kept ordering from us."
)
GARDEN = (
    "Last summer I planted tomatoes, basil and peppers in raised beds behind our house. I "
    "watered them every morning before breakfast and added compost twice a month. By August the "
    "plants were taller than me and we shared baskets with the neighbours. Gardening taught me "
    "to enjoy slow results."
)


def test_an_answer_judged_on_topic_is_not_told_it_covers_none_of_the_questions_words():
    out = _run(ANGRY_Q, UPSET_SHOPPER)
    assert "off_topic" not in {f["code"] for f in out.flags}
    content = out.detailed_feedback.content
    assert "Covers 0 of" not in content
    assert '"calmed", "angry" and "customer"' in content  # a suggestion naming the words
    assert not any("drifts" in line for line in out.improvements)


def test_an_answer_judged_off_topic_is_still_told_it_misses_the_questions_words():
    out = _run(ANGRY_Q, GARDEN)
    assert "off_topic" in {f["code"] for f in out.flags}
    assert "Covers 0 of the 3 key terms of the question" in out.detailed_feedback.content


KO_DISPUTE_Q = QuestionContext(
    text="팀장님과 업무 방식을 두고 갈등이 있었던 경험과, 어떻게 풀어 가셨는지 말씀해 주세요.",
    category="marketing",
    type="behavioral",
    language="ko",
)
KO_DISPUTE = (
    "작년 봄 신제품 홍보 일정을 두고 팀장님과 생각이 크게 달랐습니다. 팀장님은 모든 채널을 "
    "한 번에 열자고 하셨고, 저는 반응을 보며 순서대로 열자고 말씀드렸습니다. 저는 따로 시간을 "
    "요청해 각 방식의 장단점을 솔직하게 말씀드리고 팀장님의 걱정도 끝까지 들었습니다. 결국 첫 "
    "주에는 두 채널만 열고 반응을 본 뒤 나머지를 여는 것으로 합의했습니다. 이후로는 의견이 "
    "다를 때 바로 대화를 요청하는 습관이 생겼습니다."
)
KO_PROCESS_Q = QuestionContext(
    text="반복되는 업무를 개선해 시간을 줄였던 경험을 말씀해 주세요.",
    category="marketing",
    type="behavioral",
    language="ko",
)
KO_PROCESS = (
    "작년 봄 매주 캠페인 보고서를 손으로 정리하느라 하루가 꼬박 걸렸습니다. 저는 반복되는 "
    "부분을 찾아 양식을 하나로 묶고 자료를 모으는 순서를 다시 정했습니다. 팀원들에게 바뀐 "
    "순서를 설명하고 두 주 동안 같이 써 보며 고쳤습니다. 결국 보고서 정리가 반나절이면 "
    "끝나게 되었습니다."
)
TOOL_NOTE = "도구나 방법의 이름"


def _every_improvement(question: QuestionContext, text: str) -> list[str]:
    """All the improvements written, before the most important few are picked."""
    context = AnalysisContext(job_category=question.category, language=question.language)
    return [n.text for n in improvements(analyze(question, text, context))]


def test_a_question_about_people_is_not_asked_for_a_tool():
    assert not any(TOOL_NOTE in line for line in _every_improvement(KO_DISPUTE_Q, KO_DISPUTE))


def test_a_question_about_work_is_still_asked_for_a_tool():
    assert any(TOOL_NOTE in line for line in _every_improvement(KO_PROCESS_Q, KO_PROCESS))


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Tell me about a disagreement you had with a coworker.", "behavioral", True),
        ("Your boss asks you to backdate an invoice. What do you do?", "situational", True),
        ("A client is upset about a late delivery. How do you respond?", "situational", True),
        ("고객의 불만을 직접 해결했던 경험을 말씀해 주세요.", "behavioral", True),
        ("Tell me about a time you cut the cost of a process.", "behavioral", False),
        ("A supplier's shipment will be two weeks late. What do you do?", "situational", False),
        ("How would you predict customer churn for a subscription app?", "technical", False),
        # A technical question asks for the method, whoever it involves.
        ("How would you give employees access to the new payroll system?", "technical", False),
    ],
)
def test_what_a_question_is_about(text, kind, expected):
    assert about_people(QuestionContext(text=text, type=kind)) is expected
