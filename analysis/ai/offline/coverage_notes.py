"""Improvements about what the answer covers: a result without a figure, the question's
keywords (or its own terms) never mentioned."""

from __future__ import annotations

from .analyzer import Signals
from .asks import about_people
from .notes import Note
from .notes import quote_of as _quote_of
from .quotes import listing, quoted


def figures_note(s: Signals) -> Note | None:
    ko = s.feedback_language == "ko"
    sp = s.specificity
    # The size of a change is not what a question about people asks for (a conflict, a manager's
    # request to bend a rule): what was said and done, and how it ended, is.
    if sp.quantified_results or about_people(s.question):
        return None
    if sp.unquantified_results:
        q = _quote_of(s, sp.unquantified_results[-1], limit=60)
        return Note(
            0.9,
            f"결과 {quoted(q)}에 수치가 없습니다. 얼마나, 몇 건, 며칠 만에 달라졌는지 밝혀 주세요."
            if ko
            else f"Your result {quoted(q)} has no figure: say how much, how many or how fast.",
            "결과에 숫자 하나를 더하세요(예: [결과 수치])."
            if ko
            else "Put one number on the result (e.g. [measurable result]).",
        )
    if sp.numbers:
        return None
    return Note(
        0.85,
        "빠진 부분: 수치 — 답변에 숫자, 기간, 비율이 하나도 없습니다. 규모와 변화 폭을 넣어 주세요."
        if ko
        else "Missing: any figure. The answer has no numbers, durations or percentages; "
        "give the scale and the size of the change.",
        "규모(몇 명, 몇 건), 기간, 변화 폭 중 하나 이상을 숫자로 말씀해 주세요."
        if ko
        else "State at least one of scale, duration or size of change as a number.",
    )


def keyword_note(s: Signals) -> Note | None:
    ko = s.feedback_language == "ko"
    rel = s.relevance
    if not s.keywords_checked:
        return None
    if rel.keyword_source == "expected":
        if not rel.missing or rel.coverage >= 0.75:
            return None
        missing = listing(rel.missing, s.feedback_language, 3)
        # Said only where the answer restates the question: not covered, but not "never" said.
        restated = s.only_restated(rel.missing)
        never = [k for k in rel.missing if k not in restated]
        if never:
            text = (
                f"빠진 부분: {listing(never, s.feedback_language, 3)} — 이 질문에서 기대하는 핵심 "
                "요소가 답변에 나오지 않습니다."
                if ko
                else f"Missing: {listing(never, s.feedback_language, 3)}, key points this "
                "question looks for, never come up."
            )
        else:
            text = (
                f"빠진 부분: {missing} — 질문을 되풀이한 부분에만 나오고 답변에서는 다루지 "
                "않습니다."
                if ko
                else f"Missing: {missing}, key points this question looks for, come up only "
                "where the answer restates the question, not in the answer itself."
            )
        return Note(
            0.8 + 0.2 * (1 - rel.coverage),
            text,
            f"{missing}에 대해 한 문장씩 덧붙여 주세요."
            if ko
            else f"Add a sentence on each of {missing}.",
        )
    if rel.question_coverage >= 0.4 or len(rel.category_hits) >= 4:
        return None
    unmet = [t for t in rel.question_terms if t not in {m.term for m in rel.question_matched}]
    if not unmet:
        return None
    words = listing(unmet, s.feedback_language, 2)
    restated = s.only_restated(unmet)
    if s.judged_on_topic:
        # About what was asked, in words of its own: no drift to point out, only a closer tie.
        if restated:
            said = listing(restated, s.feedback_language, 2)
            return Note(
                0.3,
                f"한 단계 더: 질문에 나온 {said} 같은 말이 질문을 되풀이한 부분에만 나옵니다. "
                "답하는 문장에서 다시 쓰면 질문과의 연결이 더 분명해집니다."
                if ko
                else f"To go further: the question's own words ({said}) come up only where you "
                "restate the question; use them where you give your answer, to tie it to what "
                "was asked.",
            )
        return Note(
            0.3,
            f"한 단계 더: 첫 문장에서 질문에 나온 {words} 같은 말로 바로 답하면 질문과의 연결이 "
            "더 분명해집니다."
            if ko
            else f"To go further: answer in the question's own words ({words}) in your first "
            "sentence; it ties the answer to what was asked.",
        )
    never = [t for t in unmet if t not in restated]
    if not never:
        said = listing(restated, s.feedback_language, 2)
        text = (
            f"질문을 되풀이한 부분 말고는 질문의 {said}에 대한 언급이 없습니다. 첫 문장을 질문에 "
            "바로 연결해 주세요."
            if ko
            else f"The answer drifts from the question: it uses {said} only in restating it, "
            "never in answering it."
        )
    else:
        words = listing(never, s.feedback_language, 2)
        text = (
            f"질문의 {words}에 대한 언급이 없습니다. 첫 문장을 질문에 바로 연결해 주세요."
            if ko
            else f"The answer drifts from the question: it never mentions {words}."
        )
    return Note(
        0.75,
        text,
        "첫 문장에서 질문에 바로 답해 주세요."
        if ko
        else "Answer the question in your first sentence, then support it.",
    )
