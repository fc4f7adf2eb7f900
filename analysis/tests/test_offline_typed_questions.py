"""Typed questions answered the way people tell such stories: the question's people and things
in other words ("the vendor" for a supplier, "the buyer" for a client, pallets and a truck for a
shipment, chats piling up for enquiries), tested on text of their own (not the eval sets'
cases). Such answers are on topic; a strong answer from the same job to another question is
not, even when it shares a word that merely starts like the question's ("production" for
"product")."""

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.wordmatch import same_word
from analysis.ai.types import AnalysisContext, QuestionContext

SERVICE = OfflineAIService()


def _analyse(language: str, question: str, answer: str, kind: str = "behavioral"):
    context = AnalysisContext(job_category="custom", language=language)
    asked = QuestionContext(text=question, category="custom", type=kind, language=language)
    return SERVICE.analyze_answer(asked, answer, context).to_result_fields()


def _flags(result) -> set[str]:
    return {f["code"] for f in result["flags"]}


LATE_SHIPMENT = (
    "A supplier tells you that a large shipment will arrive two days late, and your client's "
    "deadline can't move. What would you do?"
)
LATE_SHIPMENT_HONEST = (
    "I'd first ask the vendor exactly which part of the order is held up, because a date from "
    "a factory is often a guess. Then I'd send whatever is ready. Last autumn our label printer "
    "told us on a Monday that 40 of 64 pallets for a garden-centre chain would not be ready "
    "until Wednesday night. The chain's buyer had a Thursday 7 a.m. delivery window. I phoned "
    "the buyer that morning and agreed to send the 24 finished pallets on Tuesday so the "
    "stores had stock. I booked a dedicated lorry for Wednesday at 11 p.m., about £450 more "
    "than our shared run, and put one of our drivers at the printer's dock to load it as the "
    "last pallet came off the wrapper. Everything was at the depot by 6:20 on Thursday. Since "
    "then we keep a second label printer approved, so one hold-up cannot stop an order."
)

ANGRY_CUSTOMER = (
    "Tell me about a time you dealt with an angry customer who had a complaint about a product."
)
ANGRY_CUSTOMER_HONEST = (
    "At the electrical shop where I run the shop floor, a woman came in with a kettle she had "
    "bought a fortnight earlier. The lid hinge had snapped, it was her second one, and she was "
    "furious, talking loudly enough that the whole queue turned round. I asked a colleague to "
    "cover my till and took her to the service desk away from the queue. I let her finish, "
    "then offered her a refund or a sturdier kettle that cost £12 more, with the difference "
    "waived. She took the swap. I logged the batch number, and when three more hinges came "
    "back that month the supplier recalled the batch from all 25 of our shops. She still "
    "shops with us. I learned to take an upset person out of the spotlight before anything."
)
STOCK_LOSSES = (
    "When I took over the late shift at the electrical shop, our monthly stock counts were "
    "coming up about 3% short, mostly phone chargers and headphones. I spent two weeks "
    "comparing the till records with the delivery notes and found two gaps: late deliveries "
    "were left open in the back corridor, and nobody checked the returns shelf before "
    "closing. I set up a sign-in sheet for late deliveries, moved the small high-value items "
    "behind the counter, and gave each closer a five-minute checklist. Within three months "
    "losses were down to 0.8%, about £2,000 a quarter, and the area manager rolled the "
    "checklist out to four other branches. Most shrinkage is a process gap, not a thief."
)

EVENING_RUSH = "퇴근 직전에 급한 고객 문의가 한꺼번에 몰린다면 어떻게 대응하시겠습니까?"
EVENING_RUSH_HONEST = (
    "먼저 쌓인 건들을 훑어보고 기다릴 수 없는 것부터 순서를 정하겠습니다. 실제로 지난봄 "
    "여행 앱 상담팀에서 저녁 6시 직전에 예약 취소 채팅이 30분 만에 42건 들어온 적이 "
    "있습니다. 같은 내용끼리 묶어 보니 35건이 같은 항공편 결항 때문이어서 바로 운영팀에 "
    "알렸습니다. 그 35건에는 환불 절차를 담은 안내 문구를 만들어 한 번에 보냈고, 나머지 "
    "7건은 제가 직접 끝까지 맡았습니다. 야간 조에는 남은 목록을 정리해 넘겼고, 그날 다시 "
    "연락 온 분은 2명뿐이었습니다."
)

ACCESSIBLE_FORM = "How would you make a sign-up form accessible?"
ACCESSIBLE_FORM_HONEST = (
    "I'd start from WCAG 2.1 AA. Every field gets a visible label tied to it in the markup, "
    "not placeholder text, and related fields sit in a fieldset with a legend. The whole form "
    "has to work from the keyboard with a visible focus ring. Errors are shown in text next "
    "to the field, linked with aria-describedby, and on submit focus moves to a summary so "
    "screen reader users hear what failed. Text contrast stays at 4.5 to 1 or more, and the "
    "layout survives 200% zoom. I'd run axe in CI and then test by hand with VoiceOver and "
    "NVDA, ideally with two people who use assistive technology every day."
)


@pytest.mark.parametrize(
    ("language", "question", "answer", "kind"),
    [
        ("en", LATE_SHIPMENT, LATE_SHIPMENT_HONEST, "situational"),
        ("en", ANGRY_CUSTOMER, ANGRY_CUSTOMER_HONEST, "behavioral"),
        ("ko", EVENING_RUSH, EVENING_RUSH_HONEST, "situational"),
        ("en", ACCESSIBLE_FORM, ACCESSIBLE_FORM_HONEST, "technical"),
    ],
)
def test_a_typed_question_answered_in_other_words_is_on_topic(language, question, answer, kind):
    result = _analyse(language, question, answer, kind)
    assert not _flags(result) & {"off_topic", "padding"}
    assert result["total_score"] >= 50


@pytest.mark.parametrize(
    ("question", "honest", "other"),
    [
        # "production" is no "product": the stock story shares no word of the question.
        (ANGRY_CUSTOMER, ANGRY_CUSTOMER_HONEST, STOCK_LOSSES),
    ],
)
def test_a_strong_answer_from_the_same_job_to_another_question_is_off_topic(
    question, honest, other
):
    result = _analyse("en", question, other)
    assert "off_topic" in _flags(result)
    assert _analyse("en", question, honest)["total_score"] >= result["total_score"] + 20


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("product", "production", False),
        ("product", "products", True),
        ("customer", "custom", False),
        ("customer", "customers", True),
    ],
)
def test_words_that_only_start_alike_are_two_words(a, b, same):
    assert same_word(a, b) is same


def test_the_stem_index_finds_what_prefix_hit_finds():
    from analysis.ai.offline.wordmatch import StemIndex, prefix_hit, sentence_stems

    stems = sentence_stems(
        "We shipped the production rollback, 우선순위를 정하고 느려졌던 배포를 되돌렸습니다, "
        "and the customers' decisions on products came back."
    )
    index = StemIndex(stems)
    for term in ("product", "production", "decid", "순위", "느려", "ship", "rollback", "custom"):
        assert index.hit(term) is prefix_hit(term, stems), term


@pytest.mark.parametrize(
    ("term", "stems", "hit"),
    [
        ("순위", {"우선순위", "배포"}, True),  # a stem that holds the term, not at its start
        ("우선순위", {"순위", "배포"}, True),  # the term holds the stem
        ("느려", {"느려졌", "배포"}, True),
        ("정하", {"정해", "배포"}, True),  # two syllables, the last one conjugated
        ("정하", {"정화", "배포"}, False),  # 하/화: two words
        ("사람", {"사랑"}, False),  # two nouns
        ("고객사", {"고객센터"}, True),  # the same first two syllables
        ("배포", {"ship", "rollback"}, False),
    ],
)
def test_the_stem_index_compares_a_korean_term_with_the_stems_that_could_be_its_word(
    term, stems, hit
):
    """Korean stems are looked up by the pairs of syllables they hold (and two-syllable stems by
    their first), not compared with every Korean stem of the answer: the same hits."""
    from analysis.ai.offline.wordmatch import StemIndex, prefix_hit

    assert prefix_hit(term, stems) is hit
    assert StemIndex(stems).hit(term) is hit
