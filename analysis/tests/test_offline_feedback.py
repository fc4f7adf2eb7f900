"""Feedback from the offline provider points at the answer: quotes, counts, missing keywords.
The ideal answer reuses the user's own sentences and marks what is missing with placeholders."""

import re

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.types import AnalysisContext, QuestionContext
from analysis.tests.test_offline_scoring import (
    EN_QUESTION,
    EN_STAR,
    JUMBLED,
    KO_QUESTION,
    KO_STAR,
)

GENERIC = (
    "good job",
    "great answer",
    "well done",
    "be more specific",
    "add more details",
    "nice answer",
    "좋은 답변",
    "잘하셨습니다",
    "더 구체적으로 답변",
)


def _analyze(question, answer, **context):
    ctx = AnalysisContext(job_category=question.category, **context)
    return OfflineAIService().analyze_answer(question, answer, ctx)


def quoted_segments(line: str) -> list[str]:
    """The pieces of the answer a feedback line quotes (excerpts cut with "…" give their parts)."""
    pieces = []
    for quote in re.findall(r'"([^"]+)"', line):
        pieces.extend(p.strip() for p in quote.split("…") if len(p.strip()) >= 2)
    return pieces


def _refers_to(line: str, answer: str) -> bool:
    """The line quotes the answer (a quoted excerpt found in it) or names one of its figures."""
    low = answer.lower()
    for segment in quoted_segments(line):
        if segment.lower() in low:
            return True
    return any(n in answer for n in re.findall(r"\d+(?:\.\d+)?%?", line))


@pytest.mark.parametrize(
    ("question", "sentences"), [(EN_QUESTION, EN_STAR), (KO_QUESTION, KO_STAR)], ids=["en", "ko"]
)
def test_every_strength_quotes_or_names_something_in_the_answer(question, sentences):
    answer = " ".join(sentences)
    out = _analyze(question, answer)
    assert out.strengths
    for line in out.strengths:
        assert _refers_to(line, answer), line


@pytest.mark.parametrize(
    ("question", "sentences"), [(EN_QUESTION, EN_STAR), (KO_QUESTION, KO_STAR)], ids=["en", "ko"]
)
def test_a_quantified_result_is_quoted_back(question, sentences):
    out = _analyze(question, " ".join(sentences))
    assert any("0.1%" in line for line in out.strengths)


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        (
            EN_QUESTION,
            "Last year our checkout kept failing. We looked at the logs, we found a slow query, "
            "we added an index and we tested it. We deployed on Friday and I watched the "
            "dashboard. We were happy with it.",
            '"we" 7 times and "I" once',  # "our" counts as "we" too
        ),
        (
            KO_QUESTION,
            "작년에 결제 장애가 있었습니다. 저희는 로그를 봤고, 저희가 느린 쿼리를 찾았습니다. "
            "저희는 인덱스를 추가했고 우리 팀이 테스트했습니다. 제가 배포 후 대시보드를 "
            "확인했습니다. 저희 모두 만족했습니다.",
            "'저희/우리'가 5번, '제가/저는'이 1번",
        ),
    ],
    ids=["en", "ko"],
)
def test_a_we_heavy_story_is_told_how_often_it_says_we_and_i(question, answer, expected):
    out = _analyze(question, answer)
    assert any(expected in line for line in out.improvements), out.improvements


@pytest.mark.parametrize(
    ("question", "answer", "quote"),
    [
        (
            EN_QUESTION,
            "I'm really good at debugging because I'm very detail oriented and I never give up. "
            "I've fixed a lot of bugs in my career.",
            "I'm really good at debugging",
        ),
        (
            KO_QUESTION,
            "저는 꼼꼼한 성격이라 장애를 잘 해결하는 편입니다. 어떤 문제든 해결할 자신이 있습니다.",
            "저는 꼼꼼한 성격이라",
        ),
    ],
    ids=["en", "ko"],
)
def test_a_claim_about_oneself_is_quoted_in_the_improvements(question, answer, quote):
    out = _analyze(question, answer)
    assert any(quote in line for line in out.improvements), out.improvements


def test_missing_expected_keywords_are_named():
    question = QuestionContext(
        text="Walk me through a marketing funnel.",
        category="marketing",
        type="technical",
        language="en",
        expected_keywords=("awareness", "consideration", "conversion", "retention"),
    )
    out = _analyze(question, "I would look at awareness first, then at conversion on the site.")
    line = next(i for i in out.improvements if i.startswith("Missing:") and "retention" in i)
    assert '"consideration"' in line


@pytest.mark.parametrize(
    ("question", "sentences"), [(EN_QUESTION, EN_STAR), (KO_QUESTION, KO_STAR)], ids=["en", "ko"]
)
def test_feedback_has_no_generic_boilerplate(question, sentences):
    for answer in (" ".join(sentences), " ".join(sentences[:2]), "저는 열심히 합니다."):
        out = _analyze(question, answer)
        text = " ".join(
            [*out.strengths, *out.improvements, *out.detailed_feedback.suggestions]
        ).lower()
        assert not [g for g in GENERIC if g in text]


def test_two_different_answers_get_different_feedback():
    a = _analyze(EN_QUESTION, " ".join(EN_STAR))
    b = _analyze(EN_QUESTION, " ".join(EN_STAR[:3]))
    assert not set(a.strengths) & set(b.strengths)


@pytest.mark.parametrize("count", [2, 3, 6])
def test_korean_feedback_is_written_in_polite_speech(count):
    out = _analyze(KO_QUESTION, " ".join(KO_STAR[:count]))
    df = out.detailed_feedback
    for line in [*out.strengths, *out.improvements, *df.suggestions, df.structure, df.grammar]:
        own_words = re.sub(r'"[^"]*"', "", line)  # quotes are the user's words, not ours
        assert re.search(r"(?:니다|세요|어요|해요)[.!?:)]", own_words), line
        assert not re.search(r"(?<![니])다[.!?]", own_words), line


@pytest.mark.parametrize(
    ("question", "answer", "session"),
    [(KO_QUESTION, EN_STAR, "ko"), (EN_QUESTION, KO_STAR, "en")],
    ids=["en-answer-ko-session", "ko-answer-en-session"],
)
def test_feedback_is_written_in_the_session_language_whatever_the_answer(question, answer, session):
    """The user is coached in the session's language and told, by a flag, that the answer was
    in the other one; only quotes of the answer keep its language."""
    out = _analyze(question, " ".join(answer), language=session)
    assert out.language == session
    assert {f["code"] for f in out.flags} == {"language_mismatch"}
    df = out.detailed_feedback
    lines = [*out.strengths, *out.improvements, df.grammar, df.structure, df.content]
    ours = re.sub(r'"[^"]*"', " ", " ".join(lines))
    hangul = len(re.findall(r"[가-힣]", ours))
    latin = len(re.findall(r"[A-Za-z]", ours))
    if session == "ko":
        assert hangul > latin, ours
    else:
        assert hangul == 0, ours


def test_detailed_feedback_covers_grammar_structure_and_content():
    out = _analyze(KO_QUESTION, " ".join(KO_STAR))
    df = out.detailed_feedback
    assert "'-습니다'체" in df.grammar
    assert "상황(1번째 문장)" in df.structure
    assert '"3%"' in df.content


def test_mixed_sentence_endings_are_pointed_out():
    out = _analyze(
        KO_QUESTION, "작년에 장애가 있었다. 저는 로그를 확인했어요. 원인을 찾아 고쳤습니다."
    )
    assert "섞여 있습니다" in out.detailed_feedback.grammar


# ------------------------------------------------------------------------------ ideal answer


def _invented(ideal: str, answer: str) -> list[str]:
    """Sentences of the ideal answer that are neither placeholders nor the user's own."""
    text = re.sub(r"\s*\(?\[[^\]]*\]\)?", "", ideal)
    return [
        s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip(" .") and s.strip() not in answer
    ]


@pytest.mark.parametrize(
    ("question", "sentences", "placeholder"),
    [(EN_QUESTION, EN_STAR, "[measurable result"), (KO_QUESTION, KO_STAR, "[결과 수치")],
    ids=["en", "ko"],
)
def test_the_ideal_answer_marks_a_missing_result_with_a_placeholder(
    question, sentences, placeholder
):
    answer = " ".join(sentences[:4])  # stops before the result
    ideal = _analyze(question, answer).ideal_answer
    assert placeholder in ideal
    assert _invented(ideal, answer) == []


@pytest.mark.parametrize(
    ("question", "answer", "placeholder"),
    [
        (
            EN_QUESTION,
            "Last year our checkout kept failing. I found a slow query and added an index. "
            "After that the problem went away.",
            "[measurable result]",
        ),
        (
            KO_QUESTION,
            "작년에 결제 장애가 있었습니다. 저는 느린 쿼리를 찾아 인덱스를 추가했습니다. "
            "그 결과 문제가 해결되었습니다.",
            "[결과 수치]",
        ),
    ],
    ids=["en", "ko"],
)
def test_a_result_without_a_figure_gets_a_figure_placeholder(question, answer, placeholder):
    ideal = _analyze(question, answer).ideal_answer
    assert placeholder in ideal
    assert _invented(ideal, answer) == []


@pytest.mark.parametrize(
    ("question", "sentences"), [(EN_QUESTION, EN_STAR), (KO_QUESTION, KO_STAR)], ids=["en", "ko"]
)
def test_the_ideal_answer_retells_a_jumbled_answer_in_order(question, sentences):
    answer = " ".join(sentences[i] for i in JUMBLED)
    ideal = _analyze(question, answer).ideal_answer
    assert ideal.index(sentences[0]) < ideal.index(sentences[4])
    assert _invented(ideal, answer) == []


def test_the_ideal_answer_drops_claims_about_oneself():
    answer = f"I'm a very detail oriented person. {' '.join(EN_STAR)}"
    ideal = _analyze(EN_QUESTION, answer).ideal_answer
    assert "detail oriented" not in ideal
    assert EN_STAR[4] in ideal


def test_the_ideal_answer_follows_the_sample_answer_structure():
    question = QuestionContext(
        text="How would you find the cause of a slow API?",
        category="software_engineering",
        type="technical",
        language="en",
        sample_answer=(
            "At my last company an endpoint took 2 seconds. First I would profile it with APM. "
            "Then I would check the query plan. Finally I would load test the fix."
        ),
    )
    ideal = _analyze(question, "First I would profile the endpoint with APM.").ideal_answer
    assert ideal.index("[real example") < ideal.index("First I would profile")


def test_an_answer_with_no_evidence_gets_an_outline_of_placeholders():
    ideal = _analyze(KO_QUESTION, "저는 꼼꼼한 성격입니다. 잘할 자신이 있습니다.").ideal_answer
    for part in ("[상황", "[과제", "[행동", "[결과 수치", "[배운 점"):
        assert part in ideal
    assert "꼼꼼한" not in ideal
