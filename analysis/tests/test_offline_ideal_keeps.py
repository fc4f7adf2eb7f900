"""The ideal answer keeps what the answer said in its own order when the question is about the
speaker (a motive is no story to put in order, and asks for no setting, role or result), keeps a
view that carries its grounds or the step it puts first, and keeps a step said as a check
("…없었는지 봅니다"); a check that a hypothesis holds is asked for no target figure."""

from __future__ import annotations

from analysis.ai.offline import OfflineAIService
from analysis.ai.types import AnalysisContext, QuestionContext

SERVICE = OfflineAIService()


def _ideal(language: str, question: str, answer: str, kind: str = "behavioral") -> str:
    asked = QuestionContext(text=question, category="custom", type=kind, language=language)
    context = AnalysisContext(job_category="custom", language=language)
    return SERVICE.analyze_answer(asked, answer, context).ideal_answer


LEAVE = (
    "I've been at my current company for about three years as a backend developer, and I've "
    "learned a lot there. I built most of our billing integration with Stripe and I mentored two "
    "junior developers. But the product has been in maintenance mode for the last year, and most "
    "of my work now is small bug fixes and dependency upgrades. I want to work on systems that "
    "are still growing, where I have to think about scale and design, not just keep things "
    "running. Your team is building the payments platform from scratch, and that's exactly the "
    "kind of problem I want to work on next."
)


def test_a_motive_keeps_its_own_order_and_gets_no_story_gaps():
    ideal = _ideal("en", "Why do you want to leave your current job?", LEAVE)
    assert ideal.startswith("I've been at my current company")
    assert "[task" not in ideal and "[measurable result" not in ideal


MOTIVE_KO = (
    "저는 귀사의 기업금융 부문에 지원했습니다. 대학교 3학년 때 회계 동아리에서 중소기업 "
    "재무제표를 분석하며 흑자도산 위기에 놓인 회사를 보게 되었습니다. 귀사는 중견·중소기업 "
    "대상 여신 비중이 업계에서 높은 편이고, 최근 공급망 금융 상품을 출시한 점이 제가 하고 "
    "싶은 일과 잘 맞는다고 생각했습니다. 6개월간 은행 인턴으로 기업 30곳의 재무 분석 "
    "보고서를 작성했습니다."
)


def test_the_companys_grounds_are_kept_in_a_motive():
    ideal = _ideal("ko", "우리 회사에 지원한 동기는 무엇인가요?", MOTIVE_KO)
    assert "공급망 금융 상품을 출시한 점이" in ideal


MISSING_VALUES = (
    "결측치는 먼저 왜 비어 있는지를 확인하는 것이 중요하다고 생각합니다. 결측 비율이 5% "
    "미만이고 무작위로 빠져 있다면 해당 행을 삭제해도 큰 문제가 없습니다. 하지만 비율이 높으면 "
    "데이터 손실이 크기 때문에 중앙값으로 대체합니다. 범주형 변수는 최빈값으로 채우거나 "
    "'미응답' 범주를 따로 만듭니다."
)


def test_a_view_that_puts_a_step_first_is_kept():
    ideal = _ideal("ko", "결측치는 어떻게 처리하시나요?", MISSING_VALUES, "technical")
    assert ideal.startswith("결측치는 먼저 왜 비어 있는지를 확인하는 것이")


RETENTION = (
    "먼저 데이터 자체의 문제인지 확인하겠습니다. 로그 수집 누락이나 지표 정의 변경이 없었는지 "
    "봅니다. 신규/기존 사용자, 유입 채널, 가입 코호트별로 나눠서 하락이 특정 집단에 몰려 "
    "있는지 확인합니다. 원인 후보가 좁혀지면 핵심 기능 사용률과 사용자 인터뷰로 가설을 "
    "검증하겠습니다."
)


def test_a_check_said_in_the_present_is_kept_and_a_hypothesis_check_has_no_target():
    ideal = _ideal(
        "ko",
        "리텐션이 갑자기 10% 떨어졌다면 원인을 어떻게 찾으시겠습니까?",
        RETENTION,
        "situational",
    )
    assert "로그 수집 누락이나 지표 정의 변경이 없었는지 봅니다." in ideal
    assert "검증하겠습니다 (" not in ideal
