"""A typed question without expected keywords, answered with a case told in the words of its
subject rather than the question's (a child told by age and family, therapy by its sessions and
practice), tested on text of its own (not the adversarial sets' cases): on topic; a story about
something else from the same job is still off topic."""

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.types import AnalysisContext, QuestionContext

CHILD_EN = QuestionContext(
    text="Describe a child on your caseload who stopped making progress in therapy. What did "
    "you change?",
    category="custom",
    custom_category="Occupational Therapist",
    type="behavioral",
    language="en",
)
CHILD_KO = QuestionContext(
    text="치료 중인 아이의 진전이 멈췄던 사례와 그때 무엇을 바꾸셨는지 말씀해 주세요.",
    category="custom",
    custom_category="작업치료사",
    type="behavioral",
    language="ko",
)
CASE_EN = (
    "Two years ago I saw Mia, an eight-year-old girl whose handwriting was too slow for her "
    "class work. After twelve weekly sessions she could copy a sentence neatly with me in two "
    "minutes, but her teacher said her written work was still unreadable. I watched one lesson "
    "and saw she sat on a tall stool with her feet hanging, so she gripped the pencil to keep "
    "her balance. I asked the school for a footrest and a sloped board, and gave her mum five "
    "minutes of drawing games for the evenings. Six weeks later her copying speed in class had "
    "doubled and she was discharged at Easter. I learned to look at where the practice happens, "
    "not only at the practice."
)
CASE_KO = (
    "2년 전 글씨 쓰기가 너무 느린 여덟 살 민지를 맡았습니다. 매주 한 번씩 열두 회기를 하고 "
    "나니 저와 있을 때는 2분 만에 문장을 또박또박 옮겨 적었지만, 담임 선생님은 교실에서는 "
    "글씨가 여전히 알아보기 어렵다고 하셨습니다. 수업을 한 번 참관해 보니 발이 닿지 않는 높은 "
    "의자에 앉아 몸의 균형을 잡으려고 연필을 세게 쥐고 있었습니다. 학교에 발판과 경사 책상을 "
    "요청하고, 어머니께는 저녁마다 5분씩 하는 그리기 놀이를 알려 드렸습니다. 6주 뒤 교실에서 "
    "옮겨 적는 속도가 두 배가 되었고, 민지는 방학 전에 종결했습니다. 연습을 어디서 하는지도 "
    "함께 봐야 한다는 것을 배웠습니다."
)
OTHER_EN = (
    "In my last post I reorganised how our clinic stocks its equipment room. I counted how often "
    "each item ran out over a month, moved the twenty most used items to a shelf by the door, "
    "and set up a weekly reorder list with the supplier. Stock-outs fell from about eight a "
    "month to one, and the team saved roughly twenty minutes a day looking for equipment."
)
OTHER_KO = (
    "지난 직장에서 병원 비품 창고 정리 방식을 새로 짰습니다. 한 달 동안 어떤 물품이 얼마나 "
    "자주 떨어지는지 세어 보고, 가장 많이 쓰는 스무 가지를 문 옆 선반으로 옮긴 뒤 공급업체와 "
    "주간 발주표를 만들었습니다. 그 결과 재고 부족이 한 달 여덟 번에서 한 번으로 줄었고, "
    "팀은 비품을 찾는 시간을 하루 20분가량 아꼈습니다."
)


def _codes(question: QuestionContext, text: str) -> set[str]:
    context = AnalysisContext(job_category=question.category, language=question.language)
    return {f["code"] for f in OfflineAIService().analyze_answer(question, text, context).flags}


@pytest.mark.parametrize(
    ("question", "case", "other"),
    [(CHILD_EN, CASE_EN, OTHER_EN), (CHILD_KO, CASE_KO, OTHER_KO)],
    ids=["en", "ko"],
)
def test_a_case_told_in_its_subjects_own_words_is_on_topic(question, case, other):
    assert _codes(question, case) == set()
    assert "off_topic" in _codes(question, other)
