"""Relevance rules of the offline scorer, each a general rule tested on text of its own (not the
adversarial sets' cases): a short Korean answer to another question, the gap an answer to
another question keeps below an on-topic one, a digression that goes on past a word of the
question, one question word with "important" is no restatement, the bank family's edge, a rank the
question names ("among the worst") is no word of its subject."""

import math

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.bankmatch import BankMatch, family_of, terms
from analysis.ai.offline.topicality import judge_relevance
from analysis.ai.offline.wordmatch import same_word
from analysis.ai.types import AnalysisContext, QuestionContext
from analysis.eval.adversarial import feedback_text


def _run(question: QuestionContext, text: str):
    context = AnalysisContext(job_category=question.category, language=question.language)
    return OfflineAIService().analyze_answer(question, text, context)


def _codes(output) -> set[str]:
    return {f["code"] for f in output.flags}


def _sentences(text: str) -> list[str]:
    return [s if s.endswith(".") else s + "." for s in text.split(". ")]


def test_a_short_korean_answer_to_another_question_is_judged_for_relevance():
    # Three Korean sentences of about 120 characters carry as much as an English paragraph of
    # twice that: they are enough to tell that the answer is about something else.
    question = "고객사와의 계약 갱신이 어려워졌을 때 관계를 회복했던 경험을 말씀해 주세요."
    other = (
        "사내 도서관의 대출 절차를 새로 정리한 적이 있습니다. 대출 기록을 종이 장부에서 공유 "
        "시트로 옮기고 반납 알림을 매주 보냈습니다. 그 뒤 연체 도서가 40권에서 6권으로 "
        "줄었습니다."
    )
    assert sum(len(s) for s in _sentences(other)) < 160
    assert judge_relevance(question, (), _sentences(other)).off_topic


def test_an_answer_to_another_question_scores_20_below_even_for_a_bare_typed_question():
    # A typed question with no expected keywords: the on-topic answer shares few of its words,
    # so its own score is modest; a well-told story about something else stays 20 below it.
    question = QuestionContext(
        text="수업 중에 집중하지 못하는 학생을 도왔던 경험을 말씀해 주세요.",
        category="custom",
        custom_category="교사",
        type="behavioral",
        language="ko",
    )
    honest = (
        "중학교 2학년 담임을 맡았을 때 수업 시간마다 엎드려 있던 학생이 있었습니다. 먼저 "
        "쉬는 시간에 따로 불러 요즘 무엇이 힘든지 물었고, 밤늦게까지 동생을 돌보느라 잠이 "
        "부족하다는 것을 알게 되었습니다. 그래서 상담 선생님과 함께 부모님께 연락해 돌봄 "
        "지원을 안내해 드리고, 수업에서는 그 학생에게 발표 대신 짧은 정리 과제를 맡겼습니다. "
        "한 달 뒤부터 학생은 수업 중에 고개를 들고 과제를 제출했고, 기말고사 성적도 올랐습니다. "
        "겉으로 보이는 태도보다 그 뒤의 사정을 먼저 묻게 되었습니다."
    )
    other = (
        "학교 축제 예산을 관리하면서 지출 기록 방식을 바꾼 적이 있습니다. 각 반의 영수증을 "
        "종이로 모으던 것을 공유 시트로 옮기고, 항목별 한도를 정해 매주 점검했습니다. 그 결과 "
        "정산 기간이 3주에서 4일로 줄었고, 남은 예산 80만 원으로 도서관 책을 샀습니다. "
        "작은 지출도 바로 기록하는 습관이 중요하다는 것을 배웠습니다."
    )
    on, off = _run(question, honest), _run(question, other)
    assert "off_topic" in _codes(off)
    assert off.total <= on.total - 20


WIN_BACK = (
    "Last spring our largest logistics client told me they would not renew their $200,000 "
    "contract because of repeated invoice errors. I was the account executive, so I flew to "
    "their office within a week and sat with their finance lead to list every error. I asked "
    "our billing team to fix the mapping bug and gave the client a weekly invoice check for "
    "three months. They renewed for two years, and the account grew 15% the following year. "
    "I learned to show up in person when trust is at stake."
)


def test_a_digression_that_goes_on_past_a_question_word_is_still_padding():
    question = QuestionContext(
        text="Tell me about a time you had to win back an unhappy key account.",
        category="sales",
        type="behavioral",
        language="en",
    )
    honest = WIN_BACK
    # The second sentence of the digression names "account" (a word of the question) in passing.
    digression = (
        "Besides that, I coached a youth football club last autumn. I ran football drills "
        "twice a week and kept an account of every player's progress; we finished third in the "
        "league."
    )
    padded = _run(question, f"{honest}\n\n{digression}")
    assert "padding" in _codes(padded)
    assert padded.total <= _run(question, honest).total


def test_a_digression_that_opens_by_naming_the_topic_it_leaves_is_still_padding():
    question = QuestionContext(
        text="Tell me about a time you had to win back an unhappy key account.",
        category="sales",
        type="behavioral",
        language="en",
    )
    honest = _run(question, WIN_BACK)
    # "Apart from key accounts," names the question's words only to leave them.
    digression = (
        "Apart from key accounts, I also rebuilt our office's seating plan, which cut desk "
        "moves from 30 to 4 a month. And in my free time I trained for a half marathon and "
        "finished it in 1 hour 52 minutes."
    )
    padded = _run(question, f"{WIN_BACK}\n\n{digression}")
    assert "padding" in _codes(padded)
    assert padded.total <= honest.total


def test_a_digression_ends_where_the_answer_takes_up_its_story_again():
    question = "Describe a time you had to push back on a deadline from your manager."
    text = _sentences(
        "My manager asked for a data migration in one week when it needed three. I also ran a "
        "marathon that spring after months of training. I listened to why the deadline mattered "
        "and learned the finance team needed the migrated data before an audit. I proposed "
        "moving the two tables the audit needed first, and we shipped those in five days"
    )
    rel = judge_relevance(question, (), text)
    assert rel.padding == [1]


def test_one_question_word_with_an_opinion_is_not_the_question_said_back():
    question = "팀원들과 의견이 갈렸을 때 어떻게 소통하셨는지 말씀해 주세요."
    vague = "음 그러니까… 저는 소통이 정말 중요하다고 생각합니다. 열심히 하겠습니다… 감사합니다."
    rel = judge_relevance(
        question, (), _sentences("저는 소통이 정말 중요하다고 생각합니다. 열심히 하겠습니다")
    )
    assert rel.echo == [] and not rel.copied
    out = _run(
        QuestionContext(text=question, category="custom", type="behavioral", language="ko"), vague
    )
    assert "copied_question" not in _codes(out)
    assert "되풀이" not in feedback_text(out)
    # Said back with the question's own words, it still is a restatement.
    said_back = "팀원들과 의견이 갈렸을 때 소통하는 것은 중요합니다"
    assert judge_relevance(question, (), [said_back + "."]).echo == [0]


def test_contractions_are_not_indexed_as_bank_terms():
    assert terms("You're right that they're late, and we've said so") == ["right", "late", "said"]


def test_the_bank_family_is_a_weight_so_near_ties_count_alike():
    # 0.108 and 0.107 were the fifth and sixth nearest of one question: one counted wholly as
    # the question asked, the other wholly as another question.
    near, next_ = family_of([0.108, 0.107])
    assert near == 0.0 and next_ == 0.0  # no nearer than the rest of the bank: no family
    weights = family_of([0.161, 0.160, 0.25, 0.05])
    assert abs(weights[0] - weights[1]) < 0.05
    assert 0.0 < weights[1] < 1.0
    assert weights[2:] == [1.0, 0.0]


def test_an_answer_that_fits_no_bank_question_does_not_read_as_another_questions():
    # Both similarities at the level any two texts of a field share: the ratio means nothing.
    assert BankMatch(own=0.01, elsewhere=0.05, closest="").ratio == math.inf
    assert BankMatch(own=0.05, elsewhere=0.5, closest="").ratio == pytest.approx(0.1)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("정하", "정할", True),  # one verb, conjugated
        ("정하", "정했", True),
        ("바꾸", "바꿔", True),
        ("기다리", "기다려", True),
        ("쓰", "써", False),  # one syllable: too short to tell
        ("건이", "건의", True),  # one noun, two particles
        ("정하", "정화", False),  # 하/화: two words
        ("사람", "사랑", False),  # a final consonant no conjugation takes
        ("공유", "공용", False),
    ],
)
def test_korean_conjugations_of_one_verb_are_one_word(a, b, same):
    assert same_word(a, b) is same


def test_a_korean_paraphrase_of_the_question_in_other_endings_is_a_restatement():
    question = QuestionContext(
        text="출시를 2주 앞두고 핵심 기능을 바꿔 달라는 요청이 왔습니다. 어떻게 정하시겠습니까?",
        category="product_management",
        type="situational",
        language="ko",
    )
    # 바꿔/바꾸는/바꿀, 정하/정할/정해: the question's verbs; 상황, 기준, 신중, 고민: framing.
    paraphrase = (
        "출시 2주 전에 핵심 기능을 바꿔 달라는 요청이 온 상황이라면, 어떤 기준으로 정할지가 가장 "
        "중요합니다. 핵심 기능을 바꾸는 요청은 신중하게 정해야 한다고 생각합니다. 그래서 저는 "
        "바꿀지 말지를 잘 고민해서 정하겠습니다."
    )
    result = _run(question, paraphrase)
    assert "copied_question" in _codes(result)
    assert result.total <= 30


def test_a_typed_question_answered_in_its_own_words_is_on_topic_near_a_bank_question():
    """The bank has an accessibility question in other words ("접근성", "색상 대비"); an answer
    that uses three of the typed question's own words is about the question asked."""
    question = QuestionContext(
        text="눈이 잘 보이지 않거나 나이가 많은 사용자를 위해 화면을 바꾼 경험을 말씀해 주세요.",
        category="design",
        type="behavioral",
        language="ko",
    )
    answer = (
        "은행 앱 리뉴얼 프로젝트에서 70대 사용자의 이체 완료율이 평균보다 크게 낮다는 분석을 "
        "받았습니다. 저는 어르신 다섯 분과 사용성 테스트를 하며 이체 화면의 작은 글자와 아이콘만 "
        "있는 버튼이 문제라는 것을 확인했습니다. 그래서 글자 크기를 키우고 모든 버튼에 글자 "
        "라벨을 붙이는 식으로 화면을 바꿨고, 색 대비를 WCAG 기준에 맞췄습니다. 스크린 리더가 읽을 "
        "수 있도록 입력 칸마다 설명도 달았습니다. 석 달 뒤 70대 사용자의 이체 완료율이 52%에서 "
        "74%로 올랐습니다. 접근성을 고치면 모든 사용자가 편해진다는 것을 배웠습니다."
    )
    result = _run(question, answer)
    assert "off_topic" not in _codes(result)
    assert result.total >= 65


def test_one_more_point_in_passing_is_part_of_the_story_an_aside_is_not():
    question = "Tell me about a time a report you owned turned out to be wrong."
    story = [
        "Last year the weekly revenue report I owned showed 12% growth that finance could not "
        "match.",
        "I traced the gap to a join that double-counted refunds.",
        "I also walked them through the query line by line.",
        "We fixed the join, and the report has matched finance to the dollar since.",
    ]
    assert judge_relevance(question, (), story).padding == []
    aside = [
        *story[:2],
        "I also ran a half-marathon that spring after months of training.",
        *story[3:],
    ]
    assert judge_relevance(question, (), aside).padding == [2]


def test_appended_credentials_after_a_korean_aside_are_padding_even_naming_the_company():
    question = QuestionContext(
        text="회사 앱의 결제 실패율이 일주일 사이 두 배가 되었습니다. 원인을 어떻게 "
        "찾으시겠습니까?",
        category="software_engineering",
        type="situational",
        language="ko",
    )
    honest = (
        "먼저 실패가 늘어난 시점과 배포 기록을 맞춰 보고, 결제 수단별·기기별로 실패율을 나눠 "
        "보겠습니다. 특정 카드사나 앱 버전에 몰려 있다면 그 변경부터 되돌려 확인하겠습니다. "
        "결제 대행사의 응답 코드도 함께 보고, 타임아웃이 늘었다면 대행사 상태 페이지와 우리 쪽 "
        "네트워크를 확인하겠습니다. 원인을 찾으면 실패율 알림 기준을 정해 재발을 막겠습니다."
    )
    aside = (
        "덧붙여 말씀드리면, 저는 작년 회사 체육대회에서 축구 우승을 했고 사내 동호회 회장도 "
        "맡고 있습니다. 한자 자격증도 1급입니다."
    )
    padded = _run(question, f"{honest}\n\n{aside}")
    assert "padding" in _codes(padded)
    assert "체육대회" not in padded.ideal_answer
    assert padded.total <= _run(question, honest).total


def test_a_paraphrase_in_everyday_synonyms_is_a_restatement():
    question = (
        "Our sales forecast was accurate in the pilot but is now off by 20% in production. "
        "What would you check?"
    )
    paraphrase = [
        "A sales forecast that seemed precise in the pilot but misses by twenty percent once "
        "it is live is a serious issue.",
        "When the live predictions are wrong by that much, the reasons need to be checked.",
        "I would check why the live forecast is wrong when the pilot one was precise.",
    ]
    assert judge_relevance(question, (), paraphrase).copied


@pytest.mark.parametrize(("elsewhere", "off_topic"), [(0.13, False), (0.3, True)])
def test_a_story_with_a_word_of_a_typed_question_is_off_topic_only_near_another_question(
    elsewhere, off_topic
):
    """A logistics rescue that says "deliveries" (the question: "shipment", "deadline") was
    called off topic because the bank's nearest question was 0.13 from it and the question
    asked 0.01: near nothing, the ratio means nothing."""
    question = (
        "Tell me about a time a critical shipment was going to miss its delivery deadline. "
        "What did you do?"
    )
    story = _sentences(
        "At a florist I coordinated deliveries, and one Friday the van with 40 bouquets for a "
        "wedding broke down two hours out of town. I phoned the planner and asked which pieces "
        "the ceremony could not start without. I drove the 28 ceremony bouquets myself and "
        "booked a courier for the rest. The ceremony flowers arrived 20 minutes before the "
        "guests"
    )
    verdict = BankMatch(own=0.01, elsewhere=elsewhere, closest="another question")
    rel = judge_relevance(question, (), story, bank=lambda _sentences: verdict)
    assert rel.off_topic is off_topic


_RANKED = [
    (
        QuestionContext(
            text="Tell me about a time your branch's on-time delivery rate was among the worst in "
            "the country. What did you do about it?",
            category="custom",
            custom_category="Logistics Branch Manager",
            type="behavioral",
            language="en",
            expected_keywords=("delivery", "route", "dispatch"),
        ),
        "At the parcel depot I managed, staff sickness absence was 9%, the worst absence figure "
        "in the group. I started a return-to-work conversation after every absence and moved the "
        "early shift start from 4 am to 5 am after asking the team. I also trained two "
        "supervisors to hold the conversations when I was away. After six months absence was "
        "down to 4%, and overtime spend fell by about 30,000 pounds. I learned that people come "
        "to work when someone notices they were missing.",
    ),
    (
        QuestionContext(
            text="매장의 고객 만족도 점수가 지역에서 최하위였을 때 무엇을 바꾸셨는지 "
            "말씀해 주세요.",
            category="custom",
            custom_category="매장 관리자",
            type="behavioral",
            language="ko",
            expected_keywords=("고객 만족도", "응대", "피드백"),
        ),
        "제가 관리하던 지점은 재고 정확도가 81%로 전사 최하위였습니다. 매일 아침 판매량이 많은 "
        "품목 50개를 골라 실사하고, 창고 선반마다 위치 번호를 붙였습니다. 입고되는 상자는 진열 "
        "전에 모두 스캔하도록 절차를 새로 정했습니다. 넉 달 뒤 재고 정확도는 97%가 되었고 과잉 "
        "재고가 약 6천만 원 줄었습니다. 가장 바쁜 날에도 지킬 수 있을 만큼 절차가 단순해야 기록이 "
        "맞는다는 것을 배웠습니다.",
    ),
]


@pytest.mark.parametrize(("question", "other"), _RANKED)
def test_a_rank_the_question_names_is_no_word_of_its_subject(question, other):
    # "Among the worst in the country", "지역 최하위": how the subject stood, not what it was. A
    # story from the same job about something else that was "the worst in the group" too is an
    # answer to another question.
    assert judge_relevance(question.text, question.expected_keywords, _sentences(other)).off_topic
    assert "off_topic" in _codes(_run(question, other))


def test_an_efficiency_story_told_in_hours_and_double_entry_is_on_topic():
    # Played through the API as a user would: a strong answer that never says "efficiency" or
    # "process" was flagged off topic and scored 30.
    question = QuestionContext(
        text="Tell me about a time you improved the efficiency of a process.",
        category="operations",
        type="behavioral",
        language="en",
    )
    honest = _run(
        question,
        "While I was running the returns desk at a homeware retailer's distribution centre in "
        "2023, every returned item was logged twice: once on paper at the dock and again in our "
        "warehouse system. I timed it for a week and found we spent about 14 hours a week on the "
        "double entry, and one in twenty items had a mismatch. I proposed scanning the return "
        "label straight into the system at the dock, and I rewrote the checklist with the two "
        "packers who did the job. It saved us about 12 hours a week, mismatches fell from 5% to "
        "under 1%, and the other two shifts adopted it the month after. What I took from it is "
        "that the people doing the work should shape the fix.",
    )
    assert "off_topic" not in _codes(honest)
    elsewhere = _run(
        question,
        "Last spring at a homeware retailer's distribution centre, a customer called furious "
        "because her sofa had arrived with a torn cover for the second time. I listened without "
        "interrupting, apologised, and arranged a replacement on the next morning's van instead "
        "of the usual five-day reorder. I rang her the evening it arrived, and she thanked me and "
        "left a five-star review. What I took from it is to fix the customer's day first and the "
        "paperwork second.",
    )
    assert "off_topic" in _codes(elsewhere)
    total = sum(vars(honest.scores).values())
    assert total - sum(vars(elsewhere.scores).values()) >= 20


def test_the_commonest_questions_answered_in_their_own_words_are_on_topic():
    # Played as a user would: a tight deadline told by days and a demo, leadership told by the
    # team one ran, were flagged off topic and scored 30.
    deadline = QuestionContext(
        text="Describe a situation where you had to meet a tight deadline.",
        category="software_engineering",
        type="behavioral",
        language="en",
    )
    out = _run(
        deadline,
        "Two days before a client demo last March, our payment integration was still failing "
        "one test in five. I cut the scope to the three flows the client would actually show, "
        "paired with the one engineer who knew the provider's API, and we worked through the "
        "failing cases one by one. I told the account manager on day one which flows would be "
        "ready and which would wait. We shipped the three flows the night before, the demo went "
        "ahead without a hitch, and the client signed the second phase a week later.",
    )
    assert "off_topic" not in _codes(out)
    leadership = QuestionContext(
        text="리더십을 발휘했던 경험을 말씀해 주세요.",
        category="marketing",
        type="behavioral",
        language="ko",
    )
    honest = _run(
        leadership,
        "작년 하반기 신제품 출시 캠페인에서 디자이너 두 명, 카피라이터 한 명과 함께 일할 때, "
        "일정이 2주나 밀려 팀 분위기가 많이 가라앉아 있었습니다. 저는 매일 아침 15분씩 모여 "
        "그날 막힌 일 하나만 함께 풀자고 제안했고, 제가 먼저 광고 심의 서류를 맡아 "
        "디자이너들이 시안에만 집중할 수 있게 했습니다. 3주 뒤 캠페인을 예정대로 열었고, 첫 "
        "달 전환율은 목표보다 20% 높았습니다. 막힌 일을 먼저 치워 주는 것이 팀을 움직인다는 "
        "것을 배웠습니다.",
    )
    assert "off_topic" not in _codes(honest)
    incident = _run(
        leadership,
        "작년 겨울 주문 API의 응답 시간이 평소 200ms에서 3초까지 늘어난 적이 있습니다. 당시 "
        "당직이었던 저는 먼저 알림을 보고 직전 배포를 롤백해 10분 만에 응답 시간을 정상으로 "
        "되돌렸습니다. 이후 로그와 쿼리 실행 계획을 분석해 새로 추가된 조회 쿼리에 인덱스가 빠진 "
        "것이 원인임을 찾았습니다. 인덱스를 추가하고 배포 전에 느린 쿼리를 잡는 검사를 CI에 "
        "넣었습니다. 그 뒤 반년 동안 같은 유형의 장애는 한 번도 없었습니다.",
    )
    assert "off_topic" in _codes(incident)


@pytest.mark.parametrize(
    ("question", "language", "honest"),
    [
        (
            "Tell me about a time you took initiative.",
            "en",
            "Last year I noticed that our newsletter went out at the same hour to every country, "
            "so readers in Asia got it at 2 a.m. Nobody owned the send schedule, so I pulled six "
            "months of open rates by time zone and showed my manager. I set up three regional "
            "send times and ran it as a four-week test. Open rates in Asia went from 11% to 19%, "
            "and the regional schedule became the default.",
        ),
        (
            "팀워크를 발휘해 목표를 달성한 경험을 말씀해 주세요.",
            "ko",
            "작년 결제 시스템 교체 프로젝트에서 개발자 세 명, QA 한 명과 함께 6주 안에 "
            "전환을 마쳐야 했습니다. 저는 매일 10분씩 막힌 일을 공유하자고 제안했고, "
            "테스트 시나리오를 QA와 같이 작성했습니다. 한 명이 병가로 빠졌을 때는 그 "
            "작업을 둘로 나눠 제가 하나를 맡았습니다. 예정보다 3일 빨리 전환을 마쳤고, "
            "한 달 동안 결제 오류는 0건이었습니다.",
        ),
        (
            "스트레스가 많은 상황을 어떻게 극복했는지 말씀해 주세요.",
            "ko",
            "출시를 일주일 앞두고 대행사가 계약을 해지해 광고 소재 20개를 제가 직접 "
            "만들어야 했던 적이 있습니다. 처음에는 막막했지만 할 일을 전부 적고 매출에 "
            "가장 큰 영향을 주는 소재부터 순서를 정했습니다. 디자인팀에 하루 두 시간씩 "
            "도움을 요청했고, 나머지는 기존 소재를 고쳐 쓰는 것으로 범위를 줄였습니다. "
            "출시일에 맞춰 소재 14개를 올렸고, 첫 주 광고 수익률은 목표의 110%였습니다. "
            "일이 몰릴수록 목록을 만들고 순서를 정하는 것이 마음을 다잡는 방법이라는 것을 "
            "배웠습니다.",
        ),
    ],
)
def test_a_quality_the_question_asks_to_see_is_shown_not_named(question, language, honest):
    context = QuestionContext(
        text=question, category="marketing", type="behavioral", language=language
    )
    assert "off_topic" not in _codes(_run(context, honest))
    outage = (
        "작년 겨울 주문 API의 응답 시간이 평소 200ms에서 3초까지 늘어난 적이 있습니다. 당직이었던 "
        "저는 직전 배포를 롤백해 10분 만에 응답 시간을 정상으로 되돌렸습니다. "
        "로그와 쿼리 실행 계획을 분석해 인덱스가 빠진 것이 원인임을 찾았습니다. 인덱스를 "
        "추가하고 느린 쿼리를 잡는 검사를 CI에 넣었습니다. 그 뒤 같은 장애는 없었습니다."
        if language == "ko"
        else "Last spring our checkout service started timing out right after a Friday deploy. "
        "I was on call, so I rolled the deploy back within ten minutes, which brought the error "
        "rate from 31% down to under 1%. The new code opened a database connection per item in "
        "the cart instead of reusing the pool. I fixed the pooling and added a load test to CI."
    )
    # ... in a developer's practice, where the bank knows the outage question. (Told "with two
    # teammates", the Korean outage story passes the teamwork question: the README's known miss.)
    engineering = QuestionContext(
        text=question, category="software_engineering", type="behavioral", language=language
    )
    assert "off_topic" in _codes(_run(engineering, outage))


def test_a_why_us_text_does_not_show_the_quality_asked_for():
    # Review: "started" and "noticed" (words of initiative) had let a why-us text pass.
    question = QuestionContext(
        text="Tell me about a time you took initiative.",
        category="custom",
        custom_category="Backend Developer",
        type="behavioral",
        language="en",
    )
    out = _run(
        question,
        "I want to work here because I started using your app three years ago and noticed how "
        "simple it makes budgeting. I admire your engineering blog and the way you write about "
        "your design decisions. My background in backend systems fits the role well, and I would "
        "love to learn from your engineers. I also share your values of openness and helping "
        "each other. I think I could grow a lot with this company.",
    )
    assert "off_topic" in _codes(out)


def test_learning_something_quickly_told_by_what_one_did_to_learn_it_is_on_topic():
    ko = QuestionContext(
        text="새로운 기술을 빠르게 익혀야 했던 경험을 말씀해 주세요.",
        category="software_engineering",
        type="behavioral",
        language="ko",
    )
    out = _run(
        ko,
        "입사 두 달 만에 쿠버네티스를 다루던 유일한 엔지니어가 퇴사하면서, 경험이 거의 없던 "
        "제가 클러스터 운영을 맡게 되었습니다. 매일 아침 한 시간씩 공식 튜토리얼을 따라 하고, "
        "스테이징 클러스터를 처음부터 다시 구성해 보면서 실행한 명령을 모두 런북으로 "
        "정리했습니다. 한 달 뒤 운영 클러스터를 중단 없이 업그레이드했습니다. 직접 다시 "
        "만들어 보는 것이 읽는 것보다 빨리 배우는 길이라는 것을 배웠습니다.",
    )
    assert "off_topic" not in _codes(out)
    assert "result" in _phases_ko("팀장님은 시범 운영에 동의하셨고, 2년 재계약을 하셨습니다.")
    assert "result" in _phases_ko("석 달 동안 지연이 없어 재계약을 하셨습니다.")


def _phases_ko(text: str) -> dict:
    from analysis.ai.offline.markers import KO
    from analysis.ai.offline.structure import tag_sentences

    return tag_sentences([(text, 0)], KO, "ko")[0].phases
