"""Strengths and improvements that point at the answer itself.

Every line quotes the answer or names what it did or lacked (a figure, a missing keyword, the
count of "we" against "I"); there is no line that could be pasted under any answer. Korean lines
are written in 존댓말; the language is the answer's own. Improvements live in improvements.py."""

from __future__ import annotations

from ..types import Scores
from .analyzer import Signals
from .improvements import improvements
from .next_step import next_step
from .notes import Note, pick
from .notes import quote_of as _quote_of
from .quotes import listing, quoted, quoted_josa
from .sentence import TaggedSentence

__all__ = ["Note", "improvements", "strengths", "write"]


def outcome_figure(t: TaggedSentence) -> str:
    """The figure of a sentence's outcome: the first after the words that state the result
    ("…within ten minutes, which brought the error rate from 31%…" -> "31%"), else the last."""
    text, marker = t.text.lower(), t.phases.get("result", "")
    after = text.find(marker.lower()) if marker and marker not in t.numbers else -1
    if after >= 0:
        for n in t.numbers:
            if text.find(n.lower(), after) >= 0:
                return n
    return t.numbers[-1] if t.numbers else t.none


def _arc_quotes(s: Signals) -> list[str] | None:
    """Situation, action and result, each quoted from its own words: when one sentence holds
    both the action and the result, the action is quoted at its verb and the result at its
    outcome; None when the quotes would still say the same."""
    has = s.structure.present
    last_result = max(t.index for t in s.sentences if "result" in t.phases)
    action = has["action"]
    if action == last_result:
        action = next(
            (
                t.index
                for t in s.sentences
                if t.index < last_result and t.is_action and t.index != has["situation"]
            ),
            action,
        )
    t = s.sentences[last_result]
    result_anchor = outcome_figure(t) if t.numbers else t.phases["result"]
    action_anchor = s.sentences[action].phases.get("action", "") if action == last_result else ""
    parts = [
        _quote_of(s, has["situation"], limit=40),
        _quote_of(s, action, action_anchor, limit=40),
        _quote_of(s, last_result, result_anchor, limit=40),
    ]
    return parts if len(set(parts)) == 3 else None


def strengths(s: Signals) -> list[Note]:
    ko = s.feedback_language == "ko"
    sp, st, rel = s.specificity, s.structure, s.relevance
    notes: list[Note] = []
    if sp.quantified_results:
        i = sp.quantified_results[-1]
        q = _quote_of(s, i, outcome_figure(s.sentences[i]))
        notes.append(
            Note(
                1.0,
                f"결과를 수치로 보여 주셨습니다({quoted(q)}). 성과의 크기가 분명하게 전달됩니다."
                if ko
                else f"You quantified the outcome ({quoted(q)}), so the impact is concrete.",
            )
        )
    elif len(sp.numbers) >= 2:
        notes.append(
            Note(
                0.8,
                f"{listing(sp.numbers, 'ko')} 같은 수치로 답변을 뒷받침하셨습니다."
                if ko
                else f"You backed the answer with figures: {listing(sp.numbers, 'en')}.",
            )
        )
    if sp.names:
        notes.append(
            Note(
                0.7 + 0.05 * min(len(sp.names), 3),
                f"사용한 도구와 방법을 구체적으로 밝히셨습니다: {listing(sp.names, 'ko')}."
                if ko
                else f"You named the tools and methods you used: {listing(sp.names, 'en')}.",
            )
        )
    if rel.keyword_source == "expected" and rel.matched and rel.coverage >= 0.5:
        words = [m.shown for m in rel.matched]
        notes.append(
            Note(
                0.85,
                f"질문의 핵심 요소를 짚으셨습니다: {listing(words, 'ko')}."
                if ko
                else f"You covered the key points the question is after: {listing(words, 'en')}.",
            )
        )
    elif len(rel.category_hits) >= 3:
        words = [m.shown for m in rel.category_hits]
        notes.append(
            Note(
                0.6,
                f"직무에 맞는 용어로 설명하셨습니다: {listing(words, 'ko')}."
                if ko
                else f"You used the vocabulary of the field: {listing(words, 'en')}.",
            )
        )
    has = st.present
    if s.question_type == "behavioral" and {"situation", "action", "result"} <= has.keys():
        parts = _arc_quotes(s) if st.order >= 0.6 and not st.opener_out_of_order else None
        if parts:
            notes.append(
                Note(
                    0.9,
                    "상황({}) → 행동({}) → 결과({})의 흐름이 분명합니다.".format(
                        *map(quoted, parts)
                    )
                    if ko
                    else "Your story has a clear arc: situation ({}), action ({}), "
                    "result ({}).".format(*map(quoted, parts)),
                )
            )
    elif s.question_type != "behavioral" and st.steps >= 2:
        steps = [w for t in s.sentences for w in t.sequence]
        ordered = list(dict.fromkeys(steps))
        notes.append(
            Note(
                0.75,
                f"{listing(ordered, 'ko', 3)}처럼 단계를 나눠 설명하셔서 따라가기 쉽습니다."
                if ko
                else f"You laid out the approach in steps ({listing(ordered, 'en', 3)}), "
                "which makes it easy to follow.",
            )
        )
    reasoned = [t for t in s.sentences if t.contrast and (t.causal or t.condition)]
    if reasoned:
        q = _quote_of(s, reasoned[0].index, reasoned[0].contrast[0])
        notes.append(
            Note(
                0.65,
                f"이유와 트레이드오프를 함께 설명하셨습니다({quoted(q)})."
                if ko
                else f"You explained the why and the trade-off, not just the what ({quoted(q)}).",
            )
        )
    if s.question_type == "behavioral" and sp.me >= 3 and sp.me >= sp.we and sp.action_sentences:
        # The step the speaker says they took themselves ("제가 … 보여줬습니다", "I …").
        own = [i for i in sp.action_sentences if s.sentences[i].me] or sp.action_sentences
        q = _quote_of(s, own[0], limit=50)
        notes.append(
            Note(
                0.6,
                f"본인이 직접 한 일을 분명히 말씀하셨습니다({quoted(q)})."
                if ko
                else f"You made your own part clear ({quoted(q)}).",
            )
        )
    if "reflection" in has:
        # What the answer closes on: its last lesson ("Looking back, the reason was clear. …
        # The lesson for me was …").
        closing = max(t.index for t in s.sentences if "reflection" in t.phases)
        q = _quote_of(s, closing, limit=60)
        # ... and only the end of the answer is its close: a lesson told mid-way is praised as
        # said, not as where the answer ends.
        ends = closing >= len(s.sentences) - 2
        notes.append(
            Note(
                0.55,
                (
                    f"배운 점으로 마무리하셨습니다({quoted(q)})."
                    if ends
                    else f"배운 점을 말씀하셨습니다({quoted(q)})."
                )
                if ko
                else (
                    f"You closed with what you took away ({quoted(q)})."
                    if ends
                    else f"You said what you took away ({quoted(q)})."
                ),
            )
        )
    checks = [t for t in s.sentences if t.verification and t.is_action]
    if s.question_type != "behavioral" and checks:
        q = _quote_of(s, checks[-1].index, checks[-1].verification)
        notes.append(
            Note(
                0.5,
                f"효과를 어떻게 확인할지까지 말씀하셨습니다({quoted(q)})."
                if ko
                else f"You said how you would check that it worked ({quoted(q)}).",
            )
        )
    if not notes and rel.question_matched and s.sentences:
        word = rel.question_matched[0].shown
        notes.append(
            Note(
                0.1,
                f"질문의 주제인 {quoted_josa(word, '을', '를')} 직접 언급하며 답하셨습니다."
                if ko
                else f"You answered on the question's topic ({quoted(word)}).",
            )
        )
    return notes


def write(s: Signals, scores: Scores, limit: int = 4) -> tuple[list[Note], list[Note]]:
    """The strongest strengths and the most important improvements, most important first (an
    off-topic answer's improvements open with that, ranked above any strength's weight). An
    answer below full marks that nothing else was found to improve still gets a next step."""
    found = improvements(s)
    step = None if found else next_step(s, scores)
    return pick(strengths(s), limit), pick(found + ([step] if step else []), limit)
