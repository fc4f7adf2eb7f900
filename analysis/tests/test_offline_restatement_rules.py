"""The question said back, tested on text of its own (not the adversarial sets' cases): the
situation restated in other words with a promise to handle it, and no step, figure or case of its
own, is a restatement however many synonyms it uses; a short plan with steps is not."""

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.types import AnalysisContext, QuestionContext


def _run(question: QuestionContext, text: str):
    context = AnalysisContext(job_category=question.category, language=question.language)
    return OfflineAIService().analyze_answer(question, text, context)


def _codes(output) -> set[str]:
    return {f["code"] for f in output.flags}


IMPORT_EN = QuestionContext(
    text="Your team's nightly data import now takes nine hours and must finish before the "
    "7 a.m. reports. How would you speed it up?",
    category="custom",
    custom_category="Data Engineer",
    type="situational",
    language="en",
)
IMPORT_KO = QuestionContext(
    text="매일 밤 돌던 데이터 적재 작업이 9시간으로 늘어나 오전 7시 보고서 전에 끝나지 "
    "않습니다. 어떻게 단축하시겠습니까?",
    category="custom",
    custom_category="데이터 엔지니어",
    type="situational",
    language="ko",
)


@pytest.mark.parametrize(
    ("question", "said_back", "plan"),
    [
        (
            IMPORT_EN,
            # "data load", "runs for", "morning reports", "slow overnight import": other words.
            "A nightly data load that runs for nine hours when the morning reports start at "
            "7 a.m. is a serious problem. The load has to be done before the reports go out, "
            "however long it takes now. I would find a way to make this slow overnight import "
            "fast enough to finish before 7 a.m.",
            "Nine hours against a 7 a.m. deadline means finding where the time goes first. I "
            "would profile each stage of the import, move the largest table to incremental "
            "loads, and run the independent tables in parallel.",
        ),
        (
            IMPORT_KO,
            # "자료", "아홉 시간이나 걸려", "마치지 못한다면", "마무리", "빠르게": other words.
            "매일 밤 도는 자료 적재 작업이 아홉 시간이나 걸려 오전 보고 전에 마치지 못한다면 "
            "참 난처한 상황입니다. 보고가 나가기 전에 작업이 마무리되어야 하니 시간을 줄이는 "
            "일이 무엇보다 중요하다고 생각합니다. 저는 데이터 엔지니어로서 이 적재 작업을 "
            "빠르게 만들어 7시 전에 끝나도록 단축하겠습니다.",
            "9시간 중 어디서 시간이 드는지부터 보겠습니다. 단계별 소요 시간을 측정하고, 가장 "
            "큰 테이블은 증분 적재로 바꾸고, 서로 무관한 테이블은 병렬로 돌리겠습니다.",
        ),
    ],
    ids=["en", "ko"],
)
def test_the_situation_said_back_in_other_words_with_a_promise_is_a_restatement(
    question, said_back, plan
):
    out = _run(question, said_back)
    assert "copied_question" in _codes(out)
    assert out.total <= 35
    assert "copied_question" not in _codes(_run(question, plan))


LEASE_EN = QuestionContext(
    text="A tenant wants to renew their shop lease but refuses the 8% rent rise the landlord "
    "asks for. How would you handle it?",
    category="custom",
    custom_category="Commercial Letting Agent",
    type="situational",
    language="en",
    expected_keywords=("market rent", "rent review", "lease term"),
)


def test_a_keyword_said_of_others_is_the_situation_and_a_promise_naming_part_of_one_no_step():
    # "market rent" (a keyword) is what the landlord cites, not a step of the speaker's; "their
    # rent" in the promise names only part of a keyword.
    said_back = (
        "A shop tenant who wants to stay on but will not accept the landlord's higher rent is a "
        "familiar problem for any letting agent. The landlord points to the market rent, while "
        "the tenant still wants the old figure. I would handle this tenant and their rent in "
        "the right way, and I will make sure the situation is dealt with properly."
    )
    out = _run(LEASE_EN, said_back)
    assert "copied_question" in _codes(out)
    assert out.total <= 35
    # The speaker naming a keyword whole is a step of theirs.
    step = said_back.replace(
        "I would handle this tenant and their rent in the right way",
        "I would offer the tenant a longer lease term at a lower rise",
    )
    assert "copied_question" not in _codes(_run(LEASE_EN, step))


@pytest.mark.parametrize(
    ("language", "question", "answer", "sentence"),
    [
        (
            "en",
            "What is your biggest weakness?",
            "My biggest weakness is that I've had trouble delegating. When I led our content "
            "team of three, I'd often rewrite drafts myself late at night instead of giving "
            "feedback. Now I write a one-page brief before anyone starts, give comments instead "
            "of edits, and we are back to 8 to 10 posts a month.",
            "My biggest weakness is that I've had trouble delegating.",
        ),
        (
            "ko",
            "본인의 가장 큰 약점은 무엇인가요?",
            "제 가장 큰 약점은 일을 나누지 못하고 혼자 떠안는 것입니다. 세 명의 콘텐츠 팀을 "
            "맡았을 때 초안을 밤늦게 직접 고쳐 쓰곤 했습니다. 지금은 작성 전에 한 장짜리 "
            "기획서를 먼저 쓰고, 수정 대신 코멘트를 드려 월 8건이던 글이 10건으로 늘었습니다.",
            "제 가장 큰 약점은 일을 나누지 못하고 혼자 떠안는 것입니다.",
        ),
    ],
    ids=["en", "ko"],
)
def test_the_answer_said_in_the_questions_words_is_no_restatement(
    language, question, answer, sentence
):
    asked = QuestionContext(text=question, category="custom", type="behavioral", language=language)
    output = _run(asked, answer)
    assert "copied_question" not in _codes(output)
    assert output.ideal_answer.startswith(sentence)


def test_an_outcome_in_the_questions_words_with_figures_of_its_own_is_no_restatement():
    asked = QuestionContext(
        text="고객이 큰 폭의 가격 인하를 요구했을 때, 마진을 지키면서 계약을 성사시킨 경험을 "
        "말씀해 주시겠어요?",
        category="sales",
        type="behavioral",
        language="ko",
    )
    answer = (
        "연 4억 원 규모의 고객사가 재계약을 앞두고 단가를 15% 낮춰 달라고 요구했습니다. 저는 "
        "구매팀장님께 이유를 여쭤보고, 계약 기간을 2년으로 늘리는 조건으로 단가를 5%만 낮추는 "
        "안을 드렸습니다. 결과적으로 2년 계약을 성사시켰고, 마진은 18%를 유지했습니다."
    )
    output = _run(asked, answer)
    assert "마진은 18%를 유지했습니다" in output.ideal_answer
