"""Feedback read as a job seeker reads it, round three: results told as a state, durations in
words, a setting told by its time alone, a next step for every good answer, and key terms said
with another form of the word. Each rule is tested on text of its own, not the eval sets'."""

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.markers import EN
from analysis.ai.offline.structure import tag_sentences
from analysis.ai.types import AnalysisContext, QuestionContext

SERVICE = OfflineAIService()


def _analyse(language: str, question: str, answer: str, kind: str = "behavioral", **extra):
    context = AnalysisContext(job_category="custom", language=language)
    asked = QuestionContext(text=question, category="custom", type=kind, language=language, **extra)
    return SERVICE.analyze_answer(asked, answer, context)


INVOICES_Q = "Have you ever automated part of your job?"
INVOICES = (
    "Our accounts team typed supplier invoices into the ledger by hand every Friday. I wrote a "
    "script that reads the PDFs and fills the entries, and a scheduled job runs it at 7 am and "
    "sends anything over budget to my manager. Invoices are now booked the day they arrive, "
    "and the typing errors we used to chase at month end are gone."
)


def test_a_result_told_as_a_state_after_ones_steps_is_a_result():
    out = _analyse("en", INVOICES_Q, INVOICES)
    assert not any(line.startswith("Missing: the outcome") for line in out.improvements)
    # "7 am" is a figure, so the answer is not told it has none.
    assert not any(line.startswith("Missing: any figure") for line in out.improvements)
    # The result sentence is kept in the ideal answer, not replaced by a placeholder.
    assert "Invoices are now booked the day they arrive" in out.ideal_answer


def test_a_state_before_any_step_sets_the_scene_and_is_no_result():
    tagged = tag_sentences(
        [
            ("The old ledger server was gone and invoices are now piling up on my desk.", 0),
            ("I wrote a script that books them overnight.", 0),
            ("The pile is gone.", 0),
        ],
        EN,
        "en",
    )
    assert [("result" in t.phases) for t in tagged] == [False, False, True]


REPORT_Q = "업무를 자동화해 본 경험이 있으신가요?"
REPORT_KO = (
    "작년 구매팀에서 월간 발주 보고서를 맡았습니다. 네 개의 거래처 사이트에서 주문 내역을 "
    "내려받아 손으로 합치느라 이틀이 걸렸습니다. 제가 파이썬 스크립트를 작성해 내역을 모으고 "
    "중복을 걸러 내도록 만들었습니다. 그 결과 이틀 걸리던 일이 반나절이면 끝나게 되었습니다."
)


def test_a_korean_duration_in_words_is_the_figure_of_its_result():
    out = _analyse("ko", REPORT_Q, REPORT_KO)
    assert not any("수치가 없습니다" in line for line in out.improvements)
    assert not any("빠진 부분: 수치" in line for line in out.improvements)
    assert '"이틀"' in out.detailed_feedback.content
    assert '"반나절"' in out.detailed_feedback.content
    assert '"네 개"' in out.detailed_feedback.content


def test_an_english_duration_in_words_is_the_figure_of_its_result():
    out = _analyse(
        "en",
        "Have you ever automated part of your job?",
        "At my last job I reconciled the warehouse stock sheet by hand every week, and it took "
        "most of the day. I wrote a script that compares the scanner export with the ledger and "
        "lists only the mismatches. As a result the check went from a whole day to half an hour.",
    )
    assert not any("has no figure" in line for line in out.improvements)
    assert '"most of the day"' in out.detailed_feedback.content
    assert '"a whole day"' in out.detailed_feedback.content


def test_a_story_opening_on_its_time_has_a_setting_and_is_asked_only_where():
    out = _analyse(
        "en",
        "Tell me about a time you pushed back on a plan.",
        "Last October I pushed back on a plan to skip the security review before a launch. I "
        "listed the four payment screens that had failed review the year before and asked for "
        "one day to check only those. The launch went ahead a day later and no card data "
        "leaked.",
    )
    assert not any(line.startswith("Missing: the setting") for line in out.improvements)
    assert any(
        line.startswith('Missing: where. The answer says when ("Last October")')
        for line in out.improvements
    )


def test_a_korean_story_opening_on_its_month_has_a_setting_and_is_asked_only_where():
    out = _analyse(
        "ko",
        "의견 충돌이 있었던 경험을 말씀해 주세요.",
        "지난 5월에 배포 방식을 두고 선배와 의견이 달랐습니다. 저는 한꺼번에 배포하면 되돌리기 "
        "어렵다고 보고 지난 두 번의 장애 기록을 정리해 보여 드렸습니다. 그래서 일부 사용자에게 "
        "먼저 배포하기로 합의했습니다. 그 결과 장애 없이 배포를 마쳤습니다.",
    )
    assert not any("빠진 부분: 상황" in line for line in out.improvements)
    assert any('언제("지난 5월")' in line for line in out.improvements)


CLASH_Q = "동료와 갈등이 있었던 경험과 해결 방법을 말씀해 주세요."
CLASH_KO = (
    "지난해 물류팀에 있을 때 동료와 입고 순서를 두고 갈등이 생겼고 이를 해결한 경험이 "
    "있습니다. 동료는 급한 주문부터 처리하자고 했고, 저는 오류를 줄이려면 들어온 순서대로 "
    "처리해야 한다고 보았습니다. 저는 먼저 동료와 따로 만나 어떤 점이 걱정인지 물었고, 급한 "
    "주문이 늦어 고객 항의를 받은 적이 있다는 것을 알게 되었습니다. 하지만 모두 앞당기면 "
    "오류가 늘기 때문에 급한 주문에만 표시를 붙여 앞당기고 나머지는 순서대로 처리하자고 "
    "제안했습니다. 동료도 동의했고, 결국 서로 만족하는 방식으로 입고를 정리했습니다. 이 "
    "경험으로 상대의 걱정을 먼저 묻는 습관이 생겼습니다."
)


def test_a_good_answer_below_full_marks_still_gets_one_next_step_from_its_weakest_score():
    out = _analyse("ko", CLASH_Q, CLASH_KO)
    assert out.scores.total < 90
    assert out.improvements, "a coach always leaves a next step below full marks"
    (step,) = out.improvements
    weakest = min(
        ("specificity", "logic", "understanding", "job_fit"), key=lambda c: getattr(out.scores, c)
    )
    name = {"specificity": "구체성", "logic": "논리성", "understanding": "질문 이해도"}.get(
        weakest, "직무 적합성"
    )
    assert step.startswith(f"한 단계 더: 네 항목 중 {name} 점수가 가장 낮습니다")
    # Grounded in the answer: it quotes one of its sentences.
    assert any(sentence.rstrip(".")[:20] in step for sentence in CLASH_KO.split(". "))


DEPLOY_Q = "Tell me about a release that failed in production."
DEPLOY = (
    "Last spring a release of our billing service started double-charging a few customers. I "
    "was on call, so I reverted the release within ten minutes and the duplicate charges "
    "stopped. Then we migrated the affected invoices to a clean batch, and I wrote a test for "
    "the rounding path that failed."
)


def test_a_keyword_named_as_a_noun_is_covered_by_its_verb():
    out = _analyse(
        "en",
        DEPLOY_Q,
        DEPLOY,
        expected_keywords=("rollback", "migration", "failure"),
    )
    assert not any("rollback" in line or "migration" in line for line in out.improvements)
    assert "Covers 3 of the 3 key points" in out.detailed_feedback.content


def test_a_state_told_in_the_same_sentence_after_ones_step_is_its_result():
    tagged = tag_sentences(
        [
            ("The nightly import kept timing out and the alerts stopped nobody.", 0),
            ("I split the import into batches and the timeouts stopped.", 0),
        ],
        EN,
        "en",
    )
    assert [t.phases.get("result") for t in tagged] == [None, "timeouts stopped"]


def test_a_story_set_in_the_work_it_happened_on_is_not_asked_where():
    # "결제 모듈을 개편할 때": the piece of work says where, as a team or a project would.
    from analysis.tests.test_offline_feedback_fit import KO_CLASH, KO_CLASH_Q

    output = OfflineAIService().analyze_answer(
        KO_CLASH_Q, KO_CLASH, AnalysisContext(job_category="software_engineering", language="ko")
    )
    assert not any("어디서" in line for line in output.improvements)
