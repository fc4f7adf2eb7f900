"""Boasts brought in from outside the case, tested on text of their own (not the adversarial
sets' cases): a love of the trade since childhood, distinctions and feats, names dropped and
praise heard are padding wherever they stand, a verb of doing in them or not; none of it raises
the score or reaches the ideal answer. An age or a step inside the case is no boast."""

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.boasts import is_boast
from analysis.ai.types import AnalysisContext, QuestionContext

BAKE_EN = QuestionContext(
    text="A wedding cake order arrives with the wrong date on the ticket, and the couple needs "
    "it tomorrow. What do you do?",
    category="custom",
    custom_category="Pastry Chef",
    type="situational",
    language="en",
)
BAKE_EN_HONEST = (
    "I would call the couple first to confirm the design and the number of guests, so we bake "
    "the right cake once. Then I would move the sponge bake to tonight and ask one baker to "
    "stay two extra hours. At a bakery in Leeds in 2022 the same mix-up left us 20 hours for a "
    "three-tier cake; we baked the tiers overnight, iced them in the morning and delivered at "
    "noon. I learned to read every ticket back to the customer when the order is taken."
)
BAKE_KO = QuestionContext(
    text="웨딩 케이크 주문서에 날짜가 잘못 적혀 있었고, 신랑 신부는 내일 케이크가 필요합니다. "
    "어떻게 하시겠습니까?",
    category="custom",
    custom_category="제과사",
    type="situational",
    language="ko",
)
BAKE_KO_HONEST = (
    "먼저 신랑 신부에게 전화해 디자인과 하객 수를 다시 확인해서 케이크를 한 번에 제대로 "
    "만들겠습니다. 그다음 시트 굽는 일정을 오늘 밤으로 당기고 제빵사 한 명에게 두 시간 연장 "
    "근무를 부탁하겠습니다. 2022년 대구의 제과점에서 같은 실수로 20시간 안에 3단 케이크를 "
    "만들어야 했을 때, 밤새 시트를 굽고 아침에 아이싱을 해서 정오에 배달했습니다. 그 뒤로 "
    "주문을 받을 때 주문서를 고객에게 다시 읽어 드리는 습관을 들였습니다."
)


def _run(question: QuestionContext, text: str):
    context = AnalysisContext(job_category=question.category, language=question.language)
    return OfflineAIService().analyze_answer(question, text, context)


def _insert_after_first(honest: str, extra: str) -> str:
    cut = honest.index(". ") + 1
    return f"{honest[:cut]} {extra}{honest[cut:]}"


@pytest.mark.parametrize(
    ("question", "honest", "boast"),
    [
        (
            BAKE_EN,
            BAKE_EN_HONEST,
            "I have baked cakes ever since I was nine, when a sponge I made won the village "
            "show, and I still bake one every Sunday.",
        ),
        (
            BAKE_EN,
            BAKE_EN_HONEST,
            "I finished top of my class at pastry school, and I can pipe more than 40 lace "
            "patterns from memory.",
        ),
        (
            BAKE_EN,
            BAKE_EN_HONEST,
            "I have trained alongside chefs who have cooked for two royal weddings, and more than "
            "one client has told me my icing is the smoothest in Yorkshire.",
        ),
        (
            BAKE_EN,
            BAKE_EN_HONEST,
            "I first became interested in baking through my grandmother, who ran a tea room "
            "for forty years.",
        ),
        (
            BAKE_KO,
            BAKE_KO_HONEST,
            "저는 어릴 적부터 빵 만드는 것을 좋아해서 열 살 때 동네 요리 대회에서 상을 받았고, "
            "지금도 주말마다 케이크를 굽습니다.",
        ),
        (
            BAKE_KO,
            BAKE_KO_HONEST,
            "제과 학교를 수석으로 졸업했고, 눈을 감고도 버터 종류를 맞힐 수 있습니다.",
        ),
        (
            BAKE_KO,
            BAKE_KO_HONEST,
            "호텔 출신 선배들과 함께 일했고, 손님들에게 제 아이싱이 가장 매끈하다는 말을 여러 번 "
            "들었습니다.",
        ),
    ],
    ids=[
        "en-childhood",
        "en-distinction",
        "en-names",
        "en-origin",
        "ko-childhood",
        "ko-distinction",
        "ko-names",
    ],
)
def test_a_boast_from_outside_the_case_is_padding_wherever_it_stands(question, honest, boast):
    base = _run(question, honest)
    for text in (_insert_after_first(honest, boast), f"{honest}\n\n{boast}"):
        out = _run(question, text)
        assert "padding" in {f["code"] for f in out.flags}, text
        assert out.total <= base.total
        assert boast[:15] not in out.ideal_answer


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A seven-year-old boy was terrified of the needle, so I sat at his level.", "en"),
        ("When I was two weeks into the job, the oven failed during a wedding order.", "en"),
        ("When I was one of three bakers on the night shift, I ran the ovens.", "en"),
        ("The couple told me the cake was the best part of the day.", "en"),
        ("일곱 살 아이가 바늘을 무서워해서 눈높이를 맞추고 앉았습니다.", "ko"),
        ("아이가 열 살 때부터 다니던 치료실이었습니다.", "ko"),
        # A rating the case earned is its result, not praise heard.
        ("그 결과 저희 팀은 고객 조사에서 가장 빠르다는 평가를 받았습니다.", "ko"),
    ],
)
def test_an_age_or_a_thanks_inside_the_case_is_no_boast(text, language):
    assert not is_boast(text, language)


def test_praise_heard_as_the_best_of_ones_trade_is_a_boast():
    assert is_boast("손님들께 늘 최고의 미용사라는 말을 듣습니다.", "ko")
    assert is_boast("동료들에게 누구보다 빠르다는 칭찬을 받았습니다.", "ko")
    # The best result of the case itself is no boast.
    assert not is_boast("그 결과 지역 매장 중 최고의 매출을 기록했습니다.", "ko")
