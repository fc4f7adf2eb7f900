"""A plan's gaps: how success would be measured follows the steps it measures, not the opening
sentence (wherever the sample answer first mentioned a result); an answer praised for the
field's methods in its own words is not told that it names no method."""

from __future__ import annotations

from analysis.ai.offline import OfflineAIService
from analysis.ai.types import AnalysisContext, QuestionContext
from analysis.tests.bank_questions import bank_question

SERVICE = OfflineAIService()

DESIGN_CUT = (
    "I'd sit down with the developer and ask which parts are the problem and why, instead of "
    "defending the whole design. Often it's one piece, like a custom animation or a non-standard "
    "component, that takes most of the effort. Then we split the design into what is essential "
    "for the user goal of this sprint and what is polish. I'd offer a simpler version using "
    "existing components from our design system for the first release, and we'd log the rest as "
    "a follow-up ticket so it doesn't get lost. If the cut affects the user experience in a "
    "meaningful way, I'd bring the PM in so the trade-off is decided together."
)


def test_the_success_measure_gap_follows_the_steps():
    asked = bank_question("en", "design", "en-design-easy-07")
    context = AnalysisContext(job_category="design", language="en")
    ideal = SERVICE.analyze_answer(asked, DESIGN_CUT, context).ideal_answer
    gap = ideal.index("[success measure")
    assert gap > ideal.index("I'd bring the PM in")


def test_an_answer_praised_for_the_fields_words_is_not_told_it_names_no_method():
    asked = bank_question("en", "design", "en-design-easy-07")
    context = AnalysisContext(job_category="design", language="en")
    result = SERVICE.analyze_answer(asked, DESIGN_CUT, context)
    assert any("vocabulary of the field" in s for s in result.strengths)
    assert not any("no tool or method is named" in s for s in result.improvements)


def test_an_answer_about_the_speaker_is_not_asked_for_a_tool():
    asked = QuestionContext(
        text="본인의 가장 큰 단점은 무엇이고, 그것을 어떻게 보완하고 계신가요?",
        category="custom",
        type="behavioral",
        language="ko",
    )
    answer = (
        "제 단점은 일을 혼자 끝까지 붙잡고 있으려는 점입니다. 인턴 때 막히는 부분이 있어도 "
        "물어보지 않다가 예정보다 3일 늦게 끝낸 적이 있습니다. 그 뒤로는 30분 이상 진전이 "
        "없으면 바로 선배에게 질문한다는 원칙을 세웠습니다."
    )
    result = SERVICE.analyze_answer(asked, answer, AnalysisContext(language="ko"))
    assert not any("도구나 방법의 이름" in s for s in result.improvements)
