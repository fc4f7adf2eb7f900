"""A typed question answered on topic in the words people use for its people and things ("my
boss" for "manager", "선배" for "동료", "손님" for "고객", "언성이 높아졌" for "갈등"), tested on
text of its own (not the adversarial sets' cases): on topic, its words counted as covered and
quoted as the answer wrote them; a story about something else is still off topic."""

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.keywords import stand_ins
from analysis.ai.offline.markers import markers_for
from analysis.ai.offline.structure import tag_sentences
from analysis.ai.types import AnalysisContext, QuestionContext

SERVICE = OfflineAIService()

ON_TOPIC = [
    (
        "ko",
        "동료와 갈등이 있었던 경험을 말씀해 주세요.",
        ("동료", "갈등"),
        "물류센터에서 일할 때 같은 조 선임과 작업 순서 때문에 자주 언성이 높아졌습니다. 선임은 "
        "입고부터 끝내자고 했고 저는 출고 마감이 먼저라고 봤습니다. 저는 지난 2주의 출고 지연 "
        "건수를 뽑아 보여 드리고, 오전에는 출고, 오후에는 입고를 먼저 하자고 제안했습니다. 그 뒤로 "
        "지연 건수가 주 12건에서 3건으로 줄었고 선임도 이 순서를 조 규칙으로 정했습니다.",
    ),
    (
        "ko",
        "고객의 불만을 해결한 경험을 말씀해 주세요.",
        ("고객",),
        "카페에서 일할 때 손님 한 분이 주문한 음료가 20분째 안 나온다며 화를 내셨습니다. 저는 "
        "먼저 사과드리고 주문 내역을 확인해 누락된 것을 찾았습니다. 바로 음료를 만들어 드리고 "
        "쿠폰을 드렸습니다. 그 손님은 다음 주에 다시 오셔서 고맙다고 하셨고, 이후 저는 주문 확인 "
        "단계를 하나 더 두자고 점장님께 제안했습니다.",
    ),
    (
        "en",
        "Tell me about a time you disagreed with your manager.",
        ("manager",),
        "Last year my boss wanted to launch the new checkout before Black Friday. I thought the "
        "payment retries were not tested enough. I pulled the error logs from the beta, showed "
        "her that 4% of retries double-charged, and proposed a two-week delay with a feature "
        "flag. She agreed to a one-week delay; we fixed the bug and launched with zero double "
        "charges.",
    ),
    (
        "en",
        "Tell me about a time you handled an unhappy customer.",
        ("unhappy", "customer"),
        "At the bike shop a client came back furious because his repaired brakes squealed. I "
        "apologised, test-rode the bike with him, and found the pads had been glazed. I replaced "
        "them free of charge and showed him how to bed them in. He left a five-star review and "
        "has brought two friends in since.",
    ),
]


def _analyse(language: str, question: str, answer: str):
    context = AnalysisContext(job_category="custom", language=language)
    asked = QuestionContext(text=question, category="custom", type="behavioral", language=language)
    return SERVICE.analyze_answer(asked, answer, context).to_result_fields()


@pytest.mark.parametrize(("language", "question", "said", "answer"), ON_TOPIC)
def test_an_answer_in_other_words_for_the_question_s_is_on_topic(language, question, said, answer):
    result = _analyse(language, question, answer)
    assert "off_topic" not in {f["code"] for f in result["flags"]}
    assert result["total_score"] >= 45
    # ... and is not told it never mentions the words it said its own way.
    told = " ".join(result["improvements"])
    assert not [word for word in said if f'"{word}"' in told], told


def test_the_coverage_quotes_the_word_the_answer_used():
    language, question, _said, answer = ON_TOPIC[3]
    result = _analyse(language, question, answer)
    content = result["detailed_feedback"]["content"]
    assert '"furious"' in content and '"client"' in content


def test_a_story_about_something_else_is_still_off_topic():
    rota = (
        "물류센터에서 일할 때 주말 근무표 짜는 방식을 바꿨습니다. 지난 석 달의 시간대별 "
        "출고량을 뽑아 보니 토요일 오전에 물량이 몰렸습니다. 그래서 오전 인원을 네 명에서 "
        "여섯 명으로 늘리고 오후 인원을 줄였습니다. 그 결과 주말 출고 지연이 주 15건에서 "
        "4건으로 줄었고 초과 근무도 한 달 30시간가량 줄었습니다."
    )
    result = _analyse("ko", "동료와 갈등이 있었던 경험을 말씀해 주세요.", rota)
    assert "off_topic" in {f["code"] for f in result["flags"]}


@pytest.mark.parametrize(
    ("term", "stands_in", "never"),
    [
        ("manager", "boss", "team"),
        ("동료", "선배", "팀"),
        ("customer", "client", "shopper"),  # "shop" would read as "shopper"
        ("갈등", "부딪", "의견"),
        ("target", "quota", "goal"),
        ("상사", "윗분", "선배"),
    ],
)
def test_stand_ins_are_true_synonyms_only(term, stands_in, never):
    assert stands_in in stand_ins(term)
    assert never not in stand_ins(term)


def test_a_story_opening_at_the_place_gives_its_setting():
    (tagged,) = tag_sentences(
        [("At the bike shop a client came back furious because his brakes squealed.", 0)],
        markers_for("en"),
        "en",
    )
    assert "situation" in tagged.phases


def test_what_one_is_by_nature_is_a_portrait_not_evidence():
    (tagged,) = tag_sentences(
        [("저는 어떤 갈등 상황에서도 결론을 찾아내는 타고난 조율가입니다.", 0)],
        markers_for("ko"),
        "ko",
    )
    assert tagged.claim


MISTAKE_KO = (
    "신입 시절 재고 보고서를 만들면서 단위를 박스가 아니라 낱개로 잘못 입력해 발주량이 "
    "열 배로 잡힌 적이 있습니다. 다음 날 아침 숫자를 다시 보다가 이상한 점을 발견하고 "
    "바로 팀장님께 보고드렸습니다. 공급업체에 연락해 발주를 취소했고, 입력 양식에 단위 "
    "선택 칸을 추가했습니다. 그 뒤 6개월 동안 같은 일은 한 번도 없었습니다."
)


def test_a_mistake_told_as_getting_it_wrong_is_on_topic():
    result = _analyse("ko", "실수를 했던 경험과 그 이후에 어떻게 했는지 말씀해 주세요.", MISTAKE_KO)
    assert "off_topic" not in {f["code"] for f in result["flags"]}


def test_the_first_months_of_a_job_are_a_setting():
    (tagged,) = tag_sentences(
        [("입사 첫해에 선배와 코드 리뷰 방식이 달라 자주 부딪혔습니다.", 0)],
        markers_for("ko"),
        "ko",
    )
    assert "situation" in tagged.phases


def test_what_has_not_happened_since_is_an_outcome():
    (tagged,) = tag_sentences(
        [("I added a duplicate-invoice check, and we have not paid a duplicate since.", 0)],
        markers_for("en"),
        "en",
    )
    assert "result" in tagged.phases
    (habit,) = tag_sentences(
        [("I have not stopped checking the logs since we met.", 0)], markers_for("en"), "en"
    )
    assert "result" not in habit.phases


def test_words_of_weighing_are_not_shown_as_connectors():
    answer = (
        "입사 첫해에 선배와 코드 리뷰 방식이 달라 자주 부딪혔습니다. 그래서 제가 먼저 두 방식의 "
        "장단점을 정리해 회의를 요청했습니다. 그 결과 리뷰 시간이 평균 2일에서 반나절로 "
        "줄었습니다."
    )
    result = _analyse("ko", "동료와 업무 방식이 달라 부딪혔던 경험을 말씀해 주세요.", answer)
    structure = result["detailed_feedback"]["structure"]
    assert '"그래서"' in structure and '"단점"' not in structure


def test_a_bare_step_noun_is_not_shown_as_a_connector():
    answer = (
        "작년 카페에서 음료 누락이 잦았습니다. 그래서 저는 주문 확인 단계를 하나 더 두자고 "
        "점장님께 제안했습니다. 그 결과 누락이 한 달 12건에서 2건으로 줄었습니다."
    )
    result = _analyse("ko", "업무 방식을 개선한 경험을 말씀해 주세요.", answer)
    structure = result["detailed_feedback"]["structure"]
    assert '"그래서"' in structure and '"단계"' not in structure


MORE_ON_TOPIC = [
    (
        "ko",
        "상사와 생각이 달랐을 때 어떻게 하셨는지 말씀해 주세요.",
        "물류센터 2년 차 때 윗분이 성수기 전에 야간조를 없애자고 하셨습니다. 저는 지난해 "
        "성수기의 시간대별 출고량을 뽑아 보니 밤 10시 이후 물량이 전체의 30%라서 생각이 "
        "엇갈렸습니다. 그래서 야간조를 두 명만 남기는 안을 표로 만들어 말씀드렸고, 윗분도 그 "
        "안으로 가자고 하셨습니다. 그해 성수기 지연 출고는 전년보다 40% 줄었습니다.",
    ),
    (
        "en",
        "Describe a time you made a mistake and how you handled it.",
        "In my first year as a pharmacy technician I labelled two prescriptions the wrong way "
        "round. I noticed it when the second patient read the name aloud at the counter, so I "
        "took both bags back, apologised and relabelled them in front of the pharmacist. I then "
        "suggested "
        "we scan the barcode before printing any label, and in the eight months since we have "
        "had no labelling errors.",
    ),
]


@pytest.mark.parametrize(("language", "question", "answer"), MORE_ON_TOPIC)
def test_superiors_and_mistakes_in_other_words_are_on_topic(language, question, answer):
    assert "off_topic" not in {f["code"] for f in _analyse(language, question, answer)["flags"]}


def test_one_more_step_that_points_at_the_story_s_people_is_no_digression():
    answer = (
        "Last year my director wanted to cancel the spring training week to save budget. I "
        "disagreed, because new starters who skipped it left twice as often in their first "
        "quarter. I showed her the leaver figures from the last two years. I also offered a "
        "shorter three-day version, so she still saved most of the cost. She agreed to it. "
        "That autumn early leavers fell from 18% to 11%."
    )
    result = _analyse("en", "Tell me about a time you disagreed with your manager.", answer)
    assert not {"padding", "off_topic"} & {f["code"] for f in result["flags"]}


def test_the_off_topic_note_names_only_the_question_s_words_never_said_in_any_words():
    question = QuestionContext(
        text="상담 처리 시간과 고객 만족도 사이에서 균형을 맞추기 위해 노력했던 경험을 "
        "말씀해 주세요.",
        category="customer_service",
        type="behavioral",
        language="ko",
        expected_keywords=("평균 처리 시간", "고객 만족도", "첫 통화 해결률"),
    )
    answer = (
        "카페에서 일할 때 손님 한 분이 주문한 음료가 20분째 안 나온다며 언성을 높이셨습니다. "
        "저는 먼저 사과드리고 주문 내역을 확인해 누락된 것을 찾았습니다. 바로 음료를 만들어 "
        "드리고 쿠폰을 드렸습니다. 이후 주문 확인 단계를 하나 더 두자고 점장님께 제안해 누락 "
        "건수가 한 달 12건에서 2건으로 줄었습니다."
    )
    context = AnalysisContext(job_category="customer_service", language="ko")
    result = SERVICE.analyze_answer(question, answer, context).to_result_fields()
    assert "off_topic" in {f["code"] for f in result["flags"]}
    (note,) = [line for line in result["improvements"] if "다른 질문에 대한 답변" in line]
    assert '"상담"' in note and '"고객"' not in note


BOSS_STORY = (
    "Last year my boss wanted to launch the new checkout before Black Friday. I thought the "
    "payment retries were not tested enough. I pulled the logs from the beta, showed her that 4% "
    "of retries double-charged, and proposed a two-week delay with a feature flag. She agreed to "
    "a one-week delay and we launched with zero double charges."
)
ONBOARDING = (
    "At my last company I rebuilt our onboarding for new engineers. I worked {word} with the last "
    "three hires to list what confused them, wrote a two-page setup guide and paired each new "
    "starter with a buddy for their first month. Time to first merged change fell from nine days "
    "to three."
)
SYNC_KO = (
    "이전 회사에서 모바일 앱과 서버 사이의 데이터 {word} 기능을 맡았습니다. 오프라인에서 입력한 "
    "기록이 사라진다는 문의가 한 달에 40건 넘게 들어왔습니다. 저는 로그를 분석해 재시도 로직의 "
    "빈틈을 찾았고, 중복 없이 병합되도록 큐 구조를 바꿨습니다. 그 결과 관련 문의가 월 3건 "
    "이하로 줄었습니다."
)


@pytest.mark.parametrize(
    ("language", "question", "answer"),
    [
        # A word that only starts like a stand-in ("directly": "director", "동기화": "동기").
        (
            "en",
            "Tell me about a time you disagreed with your manager.",
            ONBOARDING.format(word="directly"),
        ),
        ("ko", "동료와 갈등이 있었던 경험을 말씀해 주세요.", SYNC_KO.format(word="동기화")),
        # A question word that only starts like a stand-in's key ("지원 동기", "이용해").
        ("ko", "저희 회사에 지원한 동기를 말씀해 주세요.", ON_TOPIC[0][3]),
        ("ko", "새로운 도구를 이용해 업무 효율을 높인 경험을 말씀해 주세요.", ON_TOPIC[1][3]),
        # One way only: being managed or mentored is no story of managing or mentoring.
        ("en", "Tell me about a time you managed a struggling employee.", BOSS_STORY),
    ],
)
def test_a_stand_in_is_a_whole_word_and_goes_one_way(language, question, answer):
    assert "off_topic" in {f["code"] for f in _analyse(language, question, answer)["flags"]}


def test_a_junior_is_not_answered_by_a_senior():
    assert "선배" not in stand_ins("후배") and "선배" in stand_ins("동료")


def test_a_personal_aside_mentioning_someone_is_still_a_digression():
    answer = (
        "Last year my manager wanted to cut the weekly customer calls to save time. I disagreed, "
        "because those calls caught most of our renewal risks early. I showed her the renewal "
        "numbers from the last two quarters. She agreed to keep the calls but make them "
        "fortnightly. I also coach my daughter's under-tens football team on Saturdays; she "
        "plays left wing. It keeps me active."
    )
    result = _analyse("en", "Tell me about a time you disagreed with your manager.", answer)
    assert "padding" in {f["code"] for f in result["flags"]}


def test_reasoning_in_words_of_weighing_only_is_not_told_it_reads_as_a_list():
    answer = (
        "작년 물류센터에서 야간 인력을 줄이자는 안이 나왔습니다. 저는 인건비 절감의 장단점과 "
        "출고 지연 리스크를 표로 정리해 팀장님께 보고했습니다. 결국 야간조를 두 명만 남겼고 "
        "출고 지연은 늘지 않았습니다."
    )
    result = _analyse("ko", "상사에게 의견을 제시했던 경험을 말씀해 주세요.", answer)
    assert "나열처럼 들립니다" not in result["detailed_feedback"]["structure"]


def test_a_question_word_said_in_other_words_counts_against_the_bank_too():
    # Nearer the bank's "How do you keep your pipeline healthy?" than to the typed question by
    # its words alone; "quota" is the question's "target".
    answer = (
        "Last spring I closed 60% of my quota because one large deal slipped into the next "
        "quarter. I reviewed every open opportunity with my team lead, set a rule to keep three "
        "times my number in the pipeline and booked prospecting time every Friday. The next "
        "quarter I closed 120% and finished the year at 98%."
    )
    result = _analyse("en", "Tell me about a time you missed a sales target.", answer)
    assert "off_topic" not in {f["code"] for f in result["flags"]}


@pytest.mark.parametrize(
    ("language", "question", "answer"),
    [
        # Words for one thing stand in for each other, whichever the question uses.
        (
            "ko",
            "컴플레인에 대응했던 경험이 있나요?",
            "호텔 프런트에서 일할 때 한 손님이 객실 소음으로 불만을 제기하시며 "
            "항의하셨습니다. 저는 먼저 사과드리고 보안 직원과 함께 위층 객실을 "
            "확인했고, 15분 안에 조용한 객실로 옮겨 드렸습니다. 그분은 체크아웃 때 "
            "고맙다고 하셨고 후기에 5점을 남기셨습니다.",
        ),
        (
            "ko",
            "팀장님과 의견이 달랐던 경험을 말씀해 주세요.",
            "작년에 상사께서 성수기 전에 야간조를 없애자고 하셨는데 저는 생각이 "
            "엇갈렸습니다. 지난해 시간대별 출고량을 뽑아 보니 밤 10시 이후 물량이 "
            "30%였습니다. 그래서 두 명만 남기는 안을 표로 만들어 말씀드렸고, 그해 지연 "
            "출고는 40% 줄었습니다.",
        ),
    ],
)
def test_words_for_one_thing_stand_in_both_ways(language, question, answer):
    assert "off_topic" not in {f["code"] for f in _analyse(language, question, answer)["flags"]}


def test_one_more_step_done_to_the_story_s_person_is_no_digression():
    answer = (
        "Last month a customer brought back a drill that kept stalling. I tested it with him at "
        "the counter and checked the drill in front of him. I also emailed him a ten percent "
        "voucher that evening. He used it the next week. The customer came back the following "
        "month and bought a saw from me."
    )
    result = _analyse("en", "Tell me about a time you handled an unhappy customer.", answer)
    assert "padding" not in {f["code"] for f in result["flags"]}


CUSTOMER_STORY = (
    "At the hotel front desk a customer came down furious at midnight because the room above "
    "was loud. I apologised, went up with security and moved her to a quiet room within "
    "fifteen minutes. She thanked me at checkout and left a five-star review."
)


@pytest.mark.parametrize(
    ("language", "question", "answer"),
    [
        # One way: as a question's word these mean something else.
        ("en", "Tell me about a time you invited a guest speaker to an event.", CUSTOMER_STORY),
        (
            "en",
            "Tell me about a time you missed your sales quota.",
            "Last spring I ran our campaign for a new skin cream. The target audience was women "
            "over forty, so I moved half the budget from search to Instagram and rewrote the ads "
            "around ingredients. Cost per sale fell from 18 to 11 pounds in six weeks.",
        ),
        (
            "ko",
            "팀장으로서 성과가 부진한 팀원을 도왔던 경험을 말씀해 주세요.",
            "작년에 상사께서 마감을 일주일 당기자고 하셔서 저는 일정표를 들고 가 무리라고 "
            "말씀드렸습니다. 결국 사흘만 당기기로 했고 일정 안에 끝냈습니다. 윗분께도 근거를 "
            "들고 가면 통한다는 것을 배웠습니다.",
        ),
    ],
)
def test_a_word_that_means_something_else_in_a_question_stands_in_one_way(
    language, question, answer
):
    assert "off_topic" in {f["code"] for f in _analyse(language, question, answer)["flags"]}
