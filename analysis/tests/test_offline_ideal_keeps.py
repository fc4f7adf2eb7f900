"""The ideal answer keeps what an on-topic answer explains, even in words the field's vocabulary
does not list; it leaves out only what is hollow (and padding, set aside before)."""

from __future__ import annotations

from analysis.ai.registry import get_offline_service
from analysis.ai.types import AnalysisContext, QuestionContext


def _ideal(question: str, answer: str, language: str, question_type: str) -> str:
    context = QuestionContext(
        text=question, language=language, category="software_engineering", type=question_type
    )
    out = get_offline_service().analyze_answer(context, answer, AnalysisContext(language=language))
    return out.ideal_answer


def test_a_design_answers_own_specifics_stay_in_the_ideal_answer():
    ideal = _ideal(
        "How would you design a URL shortener?",
        "I would keep a table that maps a short code to the long URL. The code is a base62 "
        "encoding of an auto-increment id, so seven characters cover billions of links. Reads "
        "dominate, so I would put a Redis cache in front of the database and serve redirects "
        "with a 301 from the cache. For writes I would check the URL, store it, and return the "
        "code. To scale, the id range can be split between servers. I would also add rate "
        "limiting so nobody can fill the table with spam.",
        "en",
        "technical",
    )
    assert "base62 encoding of an auto-increment id" in ideal
    assert "the id range can be split between servers" in ideal


def test_the_first_steps_of_a_korean_explanation_are_not_replaced_by_a_gap():
    ideal = _ideal(
        "캐시를 도입할 때 고려해야 할 점을 설명해 주세요.",
        "먼저 어떤 데이터를 캐시할지 정해야 합니다. 자주 읽히고 잘 바뀌지 않는 데이터가 "
        "대상입니다. 다음으로 만료 시간과 무효화 전략을 정해야 합니다. 원본이 바뀌었는데 캐시가 "
        "남아 있으면 사용자에게 오래된 값이 보이기 때문입니다. 또 캐시 서버가 죽었을 때 DB로 "
        "요청이 몰리는 문제를 막기 위해 요청 합치기나 점진적 만료를 고려합니다. 마지막으로 "
        "적중률을 모니터링해서 효과를 확인합니다.",
        "ko",
        "technical",
    )
    assert ideal.startswith("먼저 어떤 데이터를 캐시할지 정해야 합니다.")
    assert "다음으로 만료 시간과 무효화 전략을 정해야 합니다." in ideal
    assert "[핵심 원칙" not in ideal


def test_a_hollow_sentence_still_leaves_the_ideal_answer():
    ideal = _ideal(
        "How would you design a URL shortener?",
        "I would keep a table that maps a short code to the long URL, and put a Redis cache in "
        "front of the database because reads dominate. Good design is really important to me.",
        "en",
        "technical",
    )
    assert "Good design is really important to me" not in ideal
