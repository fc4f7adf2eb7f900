"""Feedback read as the job seeker reads it: the ideal answer keeps the step the answer turns on,
and each note fits the question asked and what the answer was judged to be. Each rule is tested
on text of its own, not the graded set's."""

import dataclasses
import re

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.analyzer import analyze
from analysis.ai.offline.asks import about_people
from analysis.ai.offline.improvements import improvements
from analysis.ai.offline.keywords import question_terms
from analysis.ai.offline.markers import EN, KO
from analysis.ai.offline.structure import tag_sentences
from analysis.ai.types import AnalysisContext, QuestionContext


def _run(question: QuestionContext, text: str):
    context = AnalysisContext(job_category=question.category, language=question.language)
    return OfflineAIService().analyze_answer(question, text, context)


CACHE_Q = QuestionContext(
    text="How would you design a cache for a product catalogue that is read far more often than "
    "it is written?",
    category="software_engineering",
    type="technical",
    language="en",
)


def test_the_ideal_answer_keeps_a_hedged_step_without_its_hedge():
    answer = (
        "I would probably put a read-through cache in front of the database, keyed by product "
        "ID. When a product is edited, the write path deletes its key so the next read loads the "
        "fresh row. I'd watch the hit rate and the database load after launch to check it worked."
    )
    ideal = _run(CACHE_Q, answer).ideal_answer
    assert "I would put a read-through cache in front of the database, keyed by product ID." in (
        ideal
    )
    assert "probably" not in ideal
    # The step fills the opening part: no placeholder asks for what the answer already says.
    assert "[first principle" not in ideal


ANGRY_Q = QuestionContext(
    text="Tell me about a time you calmed down an angry customer.",
    category="customer_service",
    type="behavioral",
    language="en",
)
# About an angry customer all through, in words of its own: none of "calmed", "angry", "customer".
UPSET_SHOPPER = (
    "Last spring a shopper phoned our store shouting because his order had arrived broken for "
    "the second time. I let him finish, said sorry for the trouble and asked what he needed by "
    "the weekend. I booked a replacement with next-day delivery and a courier pickup for the "
    "broken one. He called back on Friday to say thanks and kept ordering from us."
)
GARDEN = (
    "Last summer I planted tomatoes, basil and peppers in raised beds behind our house. I "
    "watered them every morning before breakfast and added compost twice a month. By August the "
    "plants were taller than me and we shared baskets with the neighbours. Gardening taught me "
    "to enjoy slow results."
)


def test_an_answer_judged_on_topic_is_not_told_it_covers_none_of_the_questions_words():
    out = _run(ANGRY_Q, UPSET_SHOPPER)
    assert "off_topic" not in {f["code"] for f in out.flags}
    content = out.detailed_feedback.content
    assert "Covers 0 of" not in content
    assert '"calmed", "angry" and "customer"' in content  # a suggestion naming the words
    assert not any("drifts" in line for line in out.improvements)


def test_an_answer_judged_off_topic_is_still_told_it_misses_the_questions_words():
    out = _run(ANGRY_Q, GARDEN)
    assert "off_topic" in {f["code"] for f in out.flags}
    assert "Covers 0 of the 3 key terms of the question" in out.detailed_feedback.content


KO_DISPUTE_Q = QuestionContext(
    text="팀장님과 업무 방식을 두고 갈등이 있었던 경험과, 어떻게 풀어 가셨는지 말씀해 주세요.",
    category="marketing",
    type="behavioral",
    language="ko",
)
KO_DISPUTE = (
    "작년 봄 신제품 홍보 일정을 두고 팀장님과 생각이 크게 달랐습니다. 팀장님은 모든 채널을 "
    "한 번에 열자고 하셨고, 저는 반응을 보며 순서대로 열자고 말씀드렸습니다. 저는 따로 시간을 "
    "요청해 각 방식의 장단점을 솔직하게 말씀드리고 팀장님의 걱정도 끝까지 들었습니다. 결국 첫 "
    "주에는 두 채널만 열고 반응을 본 뒤 나머지를 여는 것으로 합의했습니다. 이후로는 의견이 "
    "다를 때 바로 대화를 요청하는 습관이 생겼습니다."
)
KO_PROCESS_Q = QuestionContext(
    text="반복되는 업무를 개선해 시간을 줄였던 경험을 말씀해 주세요.",
    category="marketing",
    type="behavioral",
    language="ko",
)
KO_PROCESS = (
    "작년 봄 매주 캠페인 보고서를 손으로 정리하느라 하루가 꼬박 걸렸습니다. 저는 반복되는 "
    "부분을 찾아 양식을 하나로 묶고 자료를 모으는 순서를 다시 정했습니다. 팀원들에게 바뀐 "
    "순서를 설명하고 두 주 동안 같이 써 보며 고쳤습니다. 결국 보고서 정리가 반나절이면 "
    "끝나게 되었습니다."
)
TOOL_NOTE = "도구나 방법의 이름"


def _every_improvement(question: QuestionContext, text: str) -> list[str]:
    """All the improvements written, before the most important few are picked."""
    context = AnalysisContext(job_category=question.category, language=question.language)
    return [n.text for n in improvements(analyze(question, text, context))]


def test_a_question_about_people_is_not_asked_for_a_tool():
    assert not any(TOOL_NOTE in line for line in _every_improvement(KO_DISPUTE_Q, KO_DISPUTE))


def test_a_question_about_work_is_still_asked_for_a_tool():
    assert any(TOOL_NOTE in line for line in _every_improvement(KO_PROCESS_Q, KO_PROCESS))


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Tell me about a disagreement you had with a coworker.", "behavioral", True),
        ("Your boss asks you to backdate an invoice. What do you do?", "situational", True),
        ("A client is upset about a late delivery. How do you respond?", "situational", True),
        ("고객의 불만을 직접 해결했던 경험을 말씀해 주세요.", "behavioral", True),
        ("Tell me about a time you cut the cost of a process.", "behavioral", False),
        ("A supplier's shipment will be two weeks late. What do you do?", "situational", False),
        ("How would you predict customer churn for a subscription app?", "technical", False),
        # A technical question asks for the method, whoever it involves.
        ("How would you give employees access to the new payroll system?", "technical", False),
    ],
)
def test_what_a_question_is_about(text, kind, expected):
    assert about_people(QuestionContext(text=text, type=kind)) is expected


CHECKLIST_Q = QuestionContext(
    text="You notice that a colleague skips the safety checklist before every deployment. What "
    "do you do?",
    category="software_engineering",
    type="situational",
    language="en",
)
# Argues for doing nothing: the job is someone else's, and someone else will catch the problem.
PASSING_IT_ON = (
    "I would leave it alone for now, since it's his job, not mine, and I have my own deadlines. "
    "Our QA team will catch it anyway if a deployment goes wrong. I would keep following the "
    "checklist myself so that my own releases stay clean."
)


def test_the_ideal_answer_drops_a_sentence_that_hands_the_problem_to_someone_else():
    out = _run(CHECKLIST_Q, PASSING_IT_ON)
    assert "catch it anyway" not in out.ideal_answer
    assert "not mine" not in out.ideal_answer
    # ... and the feedback names it for what it is instead of passing over it.
    assert any("sidesteps" in line for line in out.improvements)
    assert not any("catch it anyway" in line for line in out.strengths)


KO_BACKDATE_Q = QuestionContext(
    text="상사가 계약서 날짜를 이번 분기로 고쳐 달라고 요청합니다. 어떻게 하시겠습니까?",
    category="finance",
    type="situational",
    language="ko",
)
KO_BACKDATE = (
    "먼저 상사께 날짜를 고치면 실제 거래 시점과 장부가 달라진다는 점을 차분히 말씀드리겠습니다. "
    "그래도 요청이 계속되면 회사의 회계 규정을 함께 확인하고, 필요하면 재무팀장님께 판단을 "
    "여쭙겠습니다. 날짜는 고치지 않고, 대신 이번 분기 실적을 설명할 자료를 같이 준비하겠다고 "
    "제안하겠습니다."
)


def test_a_question_about_people_is_not_asked_for_the_size_of_a_change():
    lines = _every_improvement(KO_BACKDATE_Q, KO_BACKDATE)
    assert not any("빠진 부분: 수치" in line for line in lines)


@pytest.mark.parametrize(
    ("markers", "sentence", "deflects"),
    [
        (EN, "it's their code, not mine, so i would leave it.", True),
        (EN, "the security team will catch it anyway.", True),
        (EN, "auditing expenses is the finance team's job, not mine.", True),
        (EN, "you don't want to cause drama before a launch.", True),
        (EN, "since it might just be a joke, i would not escalate.", True),
        # Owning the limit of one's role and acting on it is no deflection.
        (EN, "the call was not mine to make, so i escalated it to my manager.", False),
        (EN, "it turned out to be a misunderstanding, which we cleared up that day.", False),
        (EN, "even if it wasn't my code, i'd fix it anyway.", False),
        (EN, "it might just be a misunderstanding, but i would still report it.", False),
        (KO, "동료 코드이지 제 코드가 아니니까 굳이 말하지 않겠습니다.", True),
        (KO, "어차피 QA팀이 출시 전에 잡아낼 것입니다.", True),
        (KO, "괜히 분란을 만들고 싶지 않습니다.", True),
        (KO, "농담일 수도 있으니 그냥 넘어가겠습니다.", True),
        (KO, "제 담당이 아니어서 담당자에게 바로 알렸습니다.", False),
        (KO, "QA팀과 함께 출시 전에 결함을 찾아냈습니다.", False),
        (KO, "어차피 제가 처리해야 할 일이라 바로 처리했습니다.", False),
    ],
)
def test_handing_the_problem_to_someone_else_reads_as_a_deflection(markers, sentence, deflects):
    assert bool(markers.deflection.search(sentence)) is deflects


HIKING = (
    "On weekends I go hiking with friends and cook pasta afterwards. Fresh basil is my favourite "
    "herb. I also like trying recipes from other countries when the weather is bad."
)
KO_HIKING = (
    "주말에는 주로 친구들과 등산을 다닙니다. 산에 오르면 마음이 편해지고 이야기도 많이 "
    "나눕니다. 요즘은 요리에도 관심이 생겼습니다."
)


@pytest.mark.parametrize(
    ("question", "answer", "junk"),
    [
        (
            QuestionContext(
                text="Tell me about a time you've had to say no to a senior stakeholder's "
                "request. What would you say differently now?",
                category="product_management",
                type="behavioral",
                language="en",
            ),
            HIKING,
            ("you've", "say", "stakeholder's", "now"),
        ),
        (
            QuestionContext(
                text="지금 사용 중인 사내 도구를 직접 개선해 보신 경험이 있으신가요? 가장 "
                "어려웠던 점과 그때 강하게 반대한 사람이 있었다면 어떻게 설득하셨는지도 "
                "말씀해 주세요.",
                category="software_engineering",
                type="behavioral",
                language="ko",
            ),
            KO_HIKING,
            ("지금", "중인", "보신", "있으신", "점과", "그때", "강하게", "있었다", "설득하셨"),
        ),
    ],
)
def test_the_questions_key_terms_are_words_of_its_topic_not_of_its_phrasing(question, answer, junk):
    terms = question_terms(question.text, limit=20)
    assert not set(junk) & set(terms)
    out = _run(question, answer)
    # The terms an off-topic answer is told it never touches are the topic's own.
    told = " ".join([out.detailed_feedback.content, *out.improvements])
    assert not any(f'"{word}"' in told for word in junk)
    if question.language == "ko":
        assert {"사용", "사내", "도구", "설득"} <= set(terms)
    else:
        assert terms == ["senior", "stakeholder", "request", "differently"]


KO_INVOICE_Q = QuestionContext(
    text="업무 절차를 바꿔 팀의 시간을 아낀 경험을 말씀해 주세요.",
    category="finance",
    type="behavioral",
    language="ko",
)


@pytest.mark.parametrize(
    "ending",
    [
        "결국 월말 대사 작업이 하루 안에 끝나게 되었습니다.",
        "그 뒤로 신입 직원도 혼자 대사를 맡을 수 있게 됐습니다.",
        "다음 달부터는 팀 전체가 같은 양식으로 대사를 하게 되었습니다.",
        "이제는 월말 대사가 반나절이면 끝납니다.",
    ],
)
def test_a_korean_story_that_ends_in_what_came_of_it_is_not_told_the_result_is_missing(ending):
    answer = (
        "작년 가을 회계팀에서 월말마다 거래처 대사를 엑셀 세 개로 나눠 하느라 사흘씩 "
        "걸렸습니다. 저는 세 파일을 하나의 양식으로 합치고 은행 자료를 자동으로 불러오는 "
        "매크로를 만들었습니다. 팀원들에게 새 양식을 설명하고 첫 달은 옆에서 같이 맞춰 "
        f"보았습니다. {ending}"
    )
    out = _run(KO_INVOICE_Q, answer)
    assert "결과(4번째 문장)" in out.detailed_feedback.structure
    assert not any("빠진 부분: 결과" in line for line in _every_improvement(KO_INVOICE_Q, answer))


@pytest.mark.parametrize(
    "sentence",
    [
        # Before any step of the speaker's: the scene, not what came of it.
        "회의 도중 두 팀장이 일정 문제로 크게 다투게 되었습니다.",
        # "In the end" in an opinion, not in a story's end.
        "회계는 결국 신뢰라고 생각합니다.",
        # A time a job must take is no time it came to take.
        "월말 대사는 하루 안에 끝나야 합니다.",
    ],
)
def test_a_korean_sentence_that_sets_the_scene_or_gives_an_opinion_is_no_result(sentence):
    (tagged,) = tag_sentences([(sentence, 0)], KO, "ko")
    assert "result" not in tagged.phases


EXPENSES_Q = QuestionContext(
    text="You find out that a well-liked teammate has been padding his expense reports. What "
    "would you do?",
    category="finance",
    type="situational",
    language="en",
)
# Passes the problem on instead of saying what the speaker would do about it.
NOT_MY_JOB = (
    "I would probably stay out of it, since auditing expenses is the finance team's job, not "
    "mine. They will catch it anyway at the quarterly review. I would make sure my own reports "
    "stay accurate and keep my receipts for every trip."
)
KO_EXPENSES_Q = QuestionContext(
    text="평소 사이가 좋은 동료가 출장비를 부풀려 청구한 사실을 알게 되었습니다. 어떻게 "
    "하시겠습니까?",
    category="finance",
    type="situational",
    language="ko",
)
KO_TALK_FIRST = (
    "먼저 동료에게 따로 시간을 내 달라고 해서 제가 본 영수증과 청구 내역이 다르다는 점을 "
    "차분히 말하겠습니다. 동료가 직접 정정하겠다고 하면 정정 청구가 들어갔는지 며칠 뒤 함께 "
    "확인하겠습니다. 정정하지 않으면 회사의 신고 절차에 따라 팀장님께 알리겠습니다."
)


@pytest.mark.parametrize(
    ("question", "answer"), [(EXPENSES_Q, NOT_MY_JOB), (KO_EXPENSES_Q, KO_TALK_FIRST)]
)
def test_a_situational_question_about_people_gets_gaps_that_ask_what_it_asks(question, answer):
    out = _run(question, answer)
    ideal = out.ideal_answer
    # No metric to hit and no figure to append: what one would do, to whom, and the follow-up.
    for misfit in (
        "[success measure",
        "with its numbers",
        "[target figure]",
        "[성공 기준",
        "그 수치]",
        "[목표 수치]",
    ):
        assert misfit not in ideal
    assert any(gap in ideal for gap in ("[follow-up:", "[real example:", "[실제 사례:"))
    told = " ".join(out.improvements)
    assert "with its numbers" not in told and "그 수치로" not in told
    assert "수치가 없습니다" not in told and "has no figure" not in told
    # The answer's own reason for not acting is no part of an answer to build on.
    assert "not mine" not in ideal


def test_a_follow_up_the_answer_gives_fills_the_follow_up_part():
    ideal = _run(KO_EXPENSES_Q, KO_TALK_FIRST).ideal_answer
    assert "며칠 뒤 함께 확인하겠습니다" in ideal
    assert "[후속 조치" not in ideal and "[성공 기준" not in ideal


def test_sidestepping_a_situational_question_about_people_is_told_to_say_what_one_would_do():
    told = " ".join(_every_improvement(EXPENSES_Q, NOT_MY_JOB))
    assert "sidesteps" in told
    assert "Pick one real example" not in told
    assert "whom you would speak to" in told


def test_a_situational_question_about_work_still_asks_for_a_measure_of_success():
    question = QuestionContext(
        text="Our checkout page got slower after the last release. How would you find out why?",
        category="software_engineering",
        type="situational",
        language="en",
    )
    answer = (
        "First I would compare the page's load time before and after the release in our "
        "monitoring. Then I would profile the slowest requests to see which call grew."
    )
    assert "[success measure" in _run(question, answer).ideal_answer


RETURNS_Q = QuestionContext(
    text="Tell me about a time you made a routine task at work faster.",
    category="operations",
    type="behavioral",
    language="en",
)
KO_RETURNS_Q = QuestionContext(
    text="반복되는 업무 절차를 더 빠르게 바꾼 경험을 말씀해 주세요.",
    category="operations",
    type="behavioral",
    language="ko",
)


@pytest.mark.parametrize(
    ("question", "answer", "pattern"),
    [
        (
            RETURNS_Q,
            # The second sentence is a claim about the speaker and a step with its figure.
            "Last spring our warehouse took two days to process each batch of returns. I am a "
            "natural problem solver, so I rebuilt the returns checklist and cut handling time "
            "by 30%. I think I am the most organised person on the team.",
            r"(\d+) of (\d+) sentences? carr(?:y|ies) evidence .*?; (\d+) only states? ",
        ),
        (
            KO_RETURNS_Q,
            "작년 봄 반품 처리가 늦어 고객 불만이 많았습니다. 꼼꼼한 성격인 저는 점검표를 새로 "
            "만들어 처리 시간을 이틀에서 하루로 줄였습니다. 저는 팀에서 가장 성실한 사람이라고 "
            "생각합니다.",
            r"(\d+)개 문장 중 (\d+)개가 .*?의견만 있는 문장은 (\d+)개",
        ),
    ],
)
def test_a_sentence_with_evidence_and_a_claim_is_not_counted_as_only_a_claim(
    question, answer, pattern
):
    content = _run(question, answer).detailed_feedback.content
    counts = [int(n) for n in re.search(pattern, content).groups()]
    if question.language == "en":
        evidence, whole, claims = counts
    else:
        whole, evidence, claims = counts
    assert evidence + claims <= whole
    # ... and the mixed sentence is named for what it is.
    assert ("also states an opinion" in content) or ("자기 평가나 의견도 섞여" in content)


BUILD_Q = QuestionContext(
    text="Tell me about a time you committed a change that broke the nightly build.",
    category="software_engineering",
    type="behavioral",
    language="en",
)
# Opens by saying the question back, then tells the story in words of its own.
BUILD_STORY = (
    "You want to hear about a time I committed a change that broke the nightly build. Last "
    "March I pushed a schema migration on a Friday without running the full test suite. The "
    "next morning the pipeline was red and three teams were blocked. I reverted my migration "
    "within the hour, added the missing test, and wrote a short checklist we still use."
)
KO_DESIGN_Q = QuestionContext(
    text="디자인 시스템을 새로 도입하거나 개선해 본 경험을 말씀해 주세요.",
    category="design",
    type="behavioral",
    language="ko",
)
KO_DESIGN_STORY = (
    "디자인 시스템을 새로 도입하거나 개선해 본 경험을 말씀드리겠습니다. 작년에 저희 팀은 "
    "화면마다 버튼 모양과 색이 제각각이라 개발자들이 매번 스타일을 새로 만들고 있었습니다. "
    "저는 자주 쓰는 버튼과 입력창 열두 개를 골라 피그마 컴포넌트로 정리하고 개발팀과 이름을 "
    "맞췄습니다. 석 달 뒤 새 화면을 만드는 시간이 절반 가까이 줄었습니다."
)


@pytest.mark.parametrize(
    ("question", "answer", "words"),
    [(BUILD_Q, BUILD_STORY, '"committed"'), (KO_DESIGN_Q, KO_DESIGN_STORY, '"디자인"')],
)
def test_words_said_only_in_restating_the_question_are_not_called_never_said(
    question, answer, words
):
    out = _run(question, answer)
    told = " ".join([out.detailed_feedback.content, *_every_improvement(question, answer)])
    assert words in told  # named ...
    # ... as said where the answer restates the question, not as never said or to be said early.
    assert ("only where the answer restates" in told) or ("질문을 되풀이한 부분에만" in told)
    for wrong in ("Naming one of the question's own words", "never mentions", "첫머리에 말하면"):
        assert wrong not in told


def test_a_key_point_said_only_in_restating_the_question_is_not_listed_as_not_mentioned():
    question = dataclasses.replace(
        BUILD_Q, expected_keywords=("rollback", "root cause", "nightly build")
    )
    content = _run(question, BUILD_STORY).detailed_feedback.content
    assert '"nightly build" comes up only where the answer restates the question' in content
    # "I reverted my migration" is the rollback.
    assert 'Not mentioned: "root cause".' in content


def test_a_verb_said_with_its_endings_is_named_by_the_noun_it_is_built_on():
    assert question_terms(KO_DESIGN_Q.text) == ["디자인", "시스템", "도입", "개선"]


KO_CLASH_Q = QuestionContext(
    text="동료와 의견이 갈렸던 경험과 어떻게 해결했는지 말씀해 주세요.",
    category="software_engineering",
    type="behavioral",
    language="ko",
)
KO_CLASH = (
    "작년에 결제 모듈을 개편할 때 동료와 배포 방식에 대해 의견이 갈렸습니다. 저는 단계적 배포를 "
    "원했고 동료는 한 번에 바꾸자고 했습니다. 먼저 따로 만나 서로가 걱정하는 위험을 적어 보았고, "
    "동료의 걱정은 두 버전을 오래 유지하는 부담이라는 것을 알게 되었습니다. 그래서 2주 안에 끝나는 "
    "3단계 배포 계획을 함께 만들었고, 팀장님께도 같이 설명했습니다. 결국 장애 없이 전환을 마쳤고, "
    "이후로는 의견이 다를 때 먼저 서로의 위험을 적어 보는 습관이 생겼습니다."
)


def test_a_result_told_with_the_lesson_leaves_no_result_gap_in_the_ideal_answer():
    output = OfflineAIService().analyze_answer(
        KO_CLASH_Q, KO_CLASH, AnalysisContext(job_category="software_engineering", language="ko")
    )
    assert "결국 장애 없이 전환을 마쳤고" in output.ideal_answer
    assert "[결과" not in output.ideal_answer
