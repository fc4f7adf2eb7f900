"""Profanity is refused word by word, naming the word; words that merely contain the syllables
or letters of a swear word pass."""

import pytest

from analysis.validation import find_profanity, validate_answer
from interview_platform.api.errors import ApplicationError

TRAPS = [
    "매장 전원이 꺼져 결제가 안 됐고, 저는 수기로 주문을 받았습니다.",
    "이번 조직 개편의 시발점은 고객 불만 분석이었습니다.",
    "새끼손가락을 다치신 고객님께 집 안까지 배송해 드렸습니다.",
    "수박씨 발라 먹듯 하나하나 확인하는 게 제 습관입니다.",
    "위기가 닥쳐 왔을 때 저는 먼저 일정을 다시 잡았습니다.",
    "시발역에서 출발하는 첫 배송 차량을 배정했습니다.",
    "미친 듯이 바빴던 주에도 마감은 지켰습니다.",
    "고양이 새끼를 입양하는 고객의 문의를 처리했습니다.",
    "씹어 먹듯이 매뉴얼을 읽었습니다.",
    # 丙申年: the year's name in the sexagenary cycle, and a person born in it.
    "2016년 병신년 새해 첫 캠페인을 제가 기획했습니다.",
    "병신년에 입사해 물류 시스템을 맡았습니다.",
    "병신생 동갑내기 고객님과 금방 친해졌습니다.",
    "We opened a cocktail bar in Scunthorpe and ran an assessment for the class.",
    "I read Dickens on the Sussex train and cooked shiitake for the therapist.",
    "Our analyst passed the assignment; the shitake typo was mine.",
    "The Arsenal fan club booked the hall; Mr Dipsham checked the jackfruit order in the cockpit.",
]
ABUSE = [
    ("솔직히 씨발 그냥 끊으면 됩니다.", "씨발"),
    ("정말 씨 발 의미가 없는 질문입니다.", "씨발"),
    ("고객이 소리 지르면 시.발 소리가 나옵니다.", "시발"),
    ("그런 고객은 병신 같은 소리만 합니다.", "병신"),
    # A Korean swear word is named as written, with what is attached to it, so the user finds it.
    ("그 팀장은 개새끼들이라고 불렀습니다.", "개새끼들이라고"),
    ("이 새끼야 하고 말할 뻔했습니다.", "새끼"),
    ("그냥 꺼져! 라고 하겠습니다.", "꺼져"),
    ("존나 힘들었지만 해냈습니다.", "존나"),
    ("그 병신년아 하고 소리친 고객이 있었습니다.", "병신년아"),
    ("병신들이 모인 팀이었습니다.", "병신들이"),
    ("납기가 좆같이 밀려서 화가 났습니다.", "좆같이"),
    ("ㅅㅂ 진짜 어려운 질문입니다.", "ㅅㅂ"),
    ("시이발 이런 질문이라니요.", "시이발"),
    ("This is a fucking stupid question.", "fucking"),
    ("The agency was full of shit, so I took over.", "shit"),
    ("Their lead was an arsehole to every new hire.", "arsehole"),
    ("Stop acting like a jackass, I told him.", "jackass"),
]


@pytest.mark.parametrize("text", TRAPS)
def test_words_that_only_contain_a_swear_word_pass(text):
    assert find_profanity(text) is None


@pytest.mark.parametrize(("text", "word"), ABUSE)
def test_real_abuse_is_found_by_its_word(text, word):
    assert find_profanity(text) == word


def test_the_refusal_names_the_word(settings):
    with pytest.raises(ApplicationError) as caught:
        validate_answer("솔직히 그런 진상 고객은 씨발 그냥 전화 끊어 버리면 됩니다.")
    assert caught.value.code == "answer_profanity"
    assert "씨발" in str(caught.value.message)
    assert caught.value.details["word"] == "씨발"
