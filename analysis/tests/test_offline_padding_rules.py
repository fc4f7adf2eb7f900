"""Padding rules of the offline scorer, each a general rule tested on text of its own (not the
adversarial sets' cases): one more point of a story told over two sentences is the story, an
announced aside is padding even when it names a word of the question in passing, what the
speaker says of their own character, what others call them and hobbies outside work are padding
wherever they stand, and none of it raises the score or reaches the ideal answer."""

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.topicality import judge_relevance
from analysis.ai.types import AnalysisContext, QuestionContext

BAKERY_Q = "매장 매출이 떨어졌을 때 단골 고객을 되찾았던 경험을 말씀해 주세요."
BAKERY = [
    "동네 빵집에서 일할 때 근처에 대형 카페가 생기면서 평일 오전 매출이 석 달 사이 20% 줄었습니다.",
    "저는 단골 고객 명단을 보고 오전에 오시던 어르신 손님들이 발길을 끊으셨다는 것을 확인했습니다.",
    "그래서 오전 9시에 갓 구운 식빵을 내놓고, 어르신들이 좋아하시던 팥빵을 다시 만들었습니다.",
    "이 경험으로 단골 고객은 가격보다 편안함을 기억한다는 것을 배웠습니다.",
]


def test_one_more_point_that_the_story_takes_up_again_is_part_of_the_story():
    # "또 …" shares no word with the story so far, but the next sentence goes on from it.
    more = [
        "또 계산대 옆에 작은 의자 두 개를 놓고 보리차를 무료로 드렸습니다.",
        "의자에 앉아 보리차를 드시던 어르신 손님들이 두 달 뒤부터 오전마다 다시 들르셨고, "
        "팥빵과 식빵이 오전에 다 팔렸습니다.",
    ]
    assert judge_relevance(BAKERY_Q, (), [*BAKERY[:3], *more, BAKERY[3]]).padding == []
    aside = "또 저는 주말마다 교회 합창단에서 노래를 부르고, 지난 연말에는 독창 무대에도 섰습니다."
    story = [*BAKERY[:3], aside, more[1], BAKERY[3]]
    assert judge_relevance(BAKERY_Q, (), story).padding == [3]


def test_one_more_point_told_over_two_sentences_in_the_storys_words_is_the_story():
    # Two sentences after "또", each too far from the story on its own, together name three of
    # its things (팥빵, 오전, 어르신).
    more = [
        "또 매주 월요일마다 팥빵 시식 접시를 창가 쪽 진열대에 올려 두었습니다.",
        "시식 접시가 비는 속도를 매일 적어 보니 화요일과 목요일 오전에 가장 빨리 비었고, "
        "어르신들은 그 요일마다 친구분들을 데려오셨습니다.",
    ]
    assert judge_relevance(BAKERY_Q, (), [*BAKERY[:3], *more, BAKERY[3]]).padding == []


FROST_Q = "Tell me about a time a cold snap threatened the fruit in your orchard. What did you do?"
FROST = [
    "In April 2021 I was running a 40-hectare apple orchard in Kent when a frost of minus four "
    "was forecast during full blossom.",
    "I hired two frost fans and lit 300 candles in the lowest rows, where the cold air settles.",
    "By morning the blossom in the lowest rows was alive, and that autumn the orchard picked a "
    "normal crop of apples.",
    "I learned to treat a frost forecast as an order to act, not a warning.",
]


def test_one_more_step_on_the_storys_own_things_is_part_of_the_story():
    # "I also sprayed the young pear trees": no word of the question or of the story so far,
    # but a step done to "the" things of the story's world, between two sentences of it.
    step = (
        "I also sprayed the young pear trees with water through the night so the ice would "
        "hold them at zero."
    )
    assert judge_relevance(FROST_Q, (), [*FROST[:2], step, *FROST[2:]]).padding == []
    # One more thing of one's own life is still a digression.
    aside = "I also ran a half-marathon in Brighton that spring, after months of early runs."
    assert judge_relevance(FROST_Q, (), [*FROST[:2], aside, *FROST[2:]]).padding == [2]


OVERDRAFT_EN = (
    "How would you assess the credit risk of a small bakery asking for a larger overdraft?",
    [
        "I would start from the bakery's cash flow over the last two years rather than its profit.",
        "I would ask for monthly bank statements and check how often the account already runs "
        "into its overdraft.",
        "If the overdraft covers a seasonal gap, such as flour bought in bulk before Christmas, "
        "I would approve a higher limit secured against the ovens.",
        "If it covers steady losses, I would decline and suggest a review of their pricing.",
    ],
    "Incidentally, the word credit comes from the Latin credere, to believe, which the money "
    "changers of Florence wrote above their benches, and I have always loved that bit of history.",
    "By the way, I would also ask the owner why the overdraft ran over its limit twice last "
    "winter.",
)
OVERDRAFT_KO = (
    "소규모 빵집이 당좌대출 한도 증액을 요청했을 때 신용 위험을 어떻게 평가하시겠습니까?",
    [
        "저는 이익보다 빵집의 최근 2년 현금 흐름부터 보겠습니다.",
        "월별 통장 거래 내역을 받아 한도를 얼마나 자주 다 쓰는지 확인하겠습니다.",
        "연말 성수기 전에 밀가루를 대량으로 사느라 생기는 계절적 부족이라면, 제빵 설비를 "
        "담보로 한도를 올리겠습니다.",
        "계속되는 적자를 메우는 용도라면 거절하고 가격 구조를 함께 점검해 보자고 제안하겠습니다.",
    ],
    "참고로 신용이라는 말은 라틴어 크레데레에서 왔는데, 피렌체 환전상들이 탁자 위에 적어 두던 "
    "말이라고 해서 저는 이런 역사 이야기를 무척 좋아합니다.",
    "참고로 작년 겨울 한도를 두 번 넘긴 이유도 사장님께 여쭤 보겠습니다.",
)


@pytest.mark.parametrize(
    ("question", "answer", "aside", "step"), [OVERDRAFT_EN, OVERDRAFT_KO], ids=["en", "ko"]
)
def test_an_announced_aside_is_padding_though_it_names_a_question_word_in_passing(
    question, answer, aside, step
):
    # The aside says "credit"/"신용" (a word of the question) among a dozen words of its own.
    assert judge_relevance(question, (), [answer[0], aside, *answer[1:]]).padding == [1]
    # An announced step of one's own is no aside.
    assert judge_relevance(question, (), [answer[0], step, *answer[1:]]).padding == []


def _run(question: QuestionContext, text: str):
    context = AnalysisContext(job_category=question.category, language=question.language)
    return OfflineAIService().analyze_answer(question, text, context)


def _codes(output) -> set[str]:
    return {f["code"] for f in output.flags}


def _insert_after_first(honest: str, extra: str) -> str:
    cut = honest.index(". ") + 1
    return f"{honest[:cut]} {extra}{honest[cut:]}"


INSPECTION_EN = QuestionContext(
    text="A supplier's batch of parts fails incoming inspection on the day production needs "
    "them. What do you do?",
    category="custom",
    custom_category="Quality Engineer",
    type="situational",
    language="en",
)
INSPECTION_EN_HONEST = (
    "I would quarantine the batch first, so nobody pulls a part from it by mistake. Then I would "
    "measure a sample of thirty parts against the drawing to see whether the defect is in every "
    "part or only some. At a pump maker in 2021 a batch of shafts came in 0.05 mm oversize; we "
    "sorted all 400 by hand and 310 were within tolerance. I released those to the line with the "
    "supplier's written concession, returned the rest, and production lost only half a shift. "
    "I learned to look for the usable share before rejecting a whole batch."
)
INSPECTION_KO = QuestionContext(
    text="공급사에서 들어온 부품 로트가 생산 투입 당일 수입검사에서 불합격했습니다. 어떻게 "
    "하시겠습니까?",
    category="custom",
    custom_category="품질 엔지니어",
    type="situational",
    language="ko",
)
INSPECTION_KO_HONEST = (
    "먼저 해당 로트를 격리해서 누구도 실수로 쓰지 못하게 하겠습니다. 그다음 도면 기준으로 "
    "30개를 표본 측정해 불량이 전체인지 일부인지 확인하겠습니다. 2021년 펌프 제조사에서 축 "
    "400개가 0.05mm 크게 들어왔을 때, 전수 선별로 310개가 공차 안에 있다는 것을 확인했습니다. "
    "그 310개는 공급사의 서면 특채를 받아 라인에 투입하고 나머지는 반품해서, 생산 차질을 "
    "반나절로 줄였습니다. 이 일로 전량 불합격 전에 쓸 수 있는 비율부터 확인해야 한다는 것을 "
    "배웠습니다."
)


@pytest.mark.parametrize(
    ("question", "honest", "portrait", "called", "kept"),
    [
        (
            INSPECTION_EN,
            INSPECTION_EN_HONEST,
            "I am a perfectionist by nature, and I believe integrity and attention to detail are "
            "what make a good engineer.",
            "Colleagues at my last plant called me the human micrometer. Honestly, my instincts "
            "are better than any sampling plan.",
            "My manager called me the next morning to ask how many parts we could use.",
        ),
        (
            INSPECTION_KO,
            INSPECTION_KO_HONEST,
            "저는 타고난 완벽주의자이고, 책임감과 꼼꼼함이 엔지니어의 가장 중요한 덕목이라고 "
            "믿습니다.",
            "예전 공장 동료들은 저를 '인간 마이크로미터'라고 불렀습니다.",
            "다음 날 아침 공급사 담당자를 따로 불러 쓸 수 있는 수량을 물었습니다.",
        ),
    ],
    ids=["en", "ko"],
)
def test_a_self_portrait_or_what_others_call_one_is_padding_wherever_it_stands(
    question, honest, portrait, called, kept
):
    base = _run(question, honest)
    for text in (_insert_after_first(honest, portrait), f"{honest}\n\n{called}"):
        out = _run(question, text)
        assert "padding" in _codes(out), text
        assert out.total <= base.total
        assert portrait[:12] not in out.ideal_answer and called[:12] not in out.ideal_answer
    # A call at a time of day, or calling someone aside, is part of the story, not a name
    # others gave the speaker.
    assert "padding" not in _codes(_run(question, _insert_after_first(honest, kept)))


@pytest.mark.parametrize(
    ("question", "honest", "hobby"),
    [
        (
            INSPECTION_EN,
            INSPECTION_EN_HONEST,
            "On weekends I volunteer at an animal shelter, and last year we rehomed 200 dogs.",
        ),
        (
            INSPECTION_EN,
            INSPECTION_EN_HONEST,
            "Away from the plant, I sing in a choir that raised 3,000 pounds for a hospice.",
        ),
        (
            INSPECTION_KO,
            INSPECTION_KO_HONEST,
            "주말에는 유기견 보호소에서 봉사를 하는데, 작년에는 강아지 200마리의 입양을 "
            "도왔습니다.",
        ),
        (
            INSPECTION_KO,
            INSPECTION_KO_HONEST,
            "취미로 맥주를 빚는데, 제 흑맥주가 지역 축제에서 동상을 받았습니다.",
        ),
    ],
    ids=["en-weekends", "en-away-from", "ko-weekends", "ko-hobby"],
)
def test_a_story_of_a_hobby_or_charity_in_time_off_work_is_padding(question, honest, hobby):
    base = _run(question, honest)
    for text in (_insert_after_first(honest, hobby), f"{honest} {hobby}"):
        out = _run(question, text)
        assert "padding" in _codes(out), text
        assert out.total <= base.total
        assert hobby[:12] not in out.ideal_answer


def test_an_aside_announced_as_a_side_note_is_padding():
    question, answer = OVERDRAFT_EN[0], OVERDRAFT_EN[1]
    aside = (
        "As a side note, I have always loved old bank buildings and spend weekends sketching "
        "their facades."
    )
    assert judge_relevance(question, (), [answer[0], aside, *answer[1:]]).padding == [1]
