"""Improvements that say what the answer is before how good it is: another question's answer,
a restatement, padding, text for the evaluator (named, never quoted), insults, fillers, 반말."""

from __future__ import annotations

from .analyzer import Signals
from .notes import Note
from .quotes import excerpt, listing, quoted


def integrity_notes(s: Signals) -> list[Note]:
    """What the answer is, said first: another question's answer, a restatement, padding,
    text for the evaluator (named, never quoted), insults, fillers, 반말."""
    ko = s.feedback_language == "ko"
    codes = s.flag_codes
    scr, rel = s.screen, s.topicality
    notes: list[Note] = []
    # The question's words the answer never uses, in any words ("손님" covers "고객").
    said = {m.term for m in s.relevance.question_matched}
    unmet = [t for t in s.relevance.question_terms if t not in said]
    terms = listing(unmet, s.feedback_language, 3)
    if "off_topic" in codes:
        notes.append(
            Note(
                1.3,
                "다른 질문에 대한 답변으로 보입니다. "
                + (f"질문의 {terms}에 대한 내용이 없습니다. " if unmet else "")
                + "먼저 질문에 바로 답하고 근거를 덧붙여 주세요."
                if ko
                else "This reads as an answer to a different question"
                + (f": it never touches {terms}. " if unmet else ". ")
                + "Answer what was asked first, then support it.",
                "질문의 핵심어로 첫 문장을 시작해 주세요."
                if ko
                else "Open with a sentence that answers the question in its own terms.",
            )
        )
    if "copied_question" in codes:
        notes.append(
            Note(
                1.3,
                "답변 대부분이 질문을 되풀이합니다. 무엇을 어떻게 했는지(또는 할지) 말씀해 주세요."
                if ko
                else "Most of the answer restates the question; say what you did (or would do) "
                "and how.",
            )
        )
    if "padding" in codes and rel is not None and scr is not None and rel.padding:
        q = excerpt(scr.sentences[rel.padding[0]][0], limit=45)
        notes.append(
            Note(
                1.1,
                f"{quoted(q)}부터는 질문과 관련 없는 내용이라 채점에서 제외했습니다. 질문에 "
                "집중해 주세요."
                if ko
                else f"From {quoted(q)} on, the answer is about something else; that part was "
                "not scored. Keep to the question.",
            )
        )
    elif "padding" in codes:
        # Only what the answer says of the speaker (a self-portrait, a boast, praise heard) was
        # set aside (selfportrait.py): the flag alone would leave the user without a word on it.
        notes.append(
            Note(
                1.1,
                "사례가 아니라 본인에 대한 자랑이나 성격 묘사는 채점에서 제외했습니다. 이 일에서 "
                "무엇을 했는지로 보여 주세요."
                if ko
                else "What the answer says about you rather than this case (your character, "
                "distinctions, praise you have heard) was not scored; show it through what you "
                "did here.",
            )
        )
    if "evaluator_directed" in codes:
        notes.append(
            Note(
                1.2,
                "채점자에게 보내는 문구가 들어 있어 무시했습니다. 면접관에게 질문에 대한 답만 "
                "말씀해 주세요."
                if ko
                else "The answer includes text addressed to the evaluator; it was ignored. Speak "
                "to the interviewer about the question instead.",
            )
        )
    if scr is not None and scr.insults:
        words = listing(scr.insults, s.feedback_language, 3)
        notes.append(
            Note(
                1.2,
                f"{words} 같은 표현은 면접에서 바로 감점됩니다. 상대의 행동과 본인의 대응을 "
                "사실대로 설명해 주세요."
                if ko
                else f"Words such as {words} would cost you the interview: describe what the "
                "person did and how you responded, without labels.",
            )
        )
    if scr is not None and sum(scr.fillers.values()) >= 5:
        # Every kind is named: the one left out is the habit the speaker will not hear.
        top = scr.fillers.most_common(5)
        shown = ", ".join(f"{quoted(w)}({n}번)" if ko else f"{quoted(w)} x{n}" for w, n in top)
        notes.append(
            Note(
                0.9,
                f"군말이 많습니다: {shown}. 말하기 전에 잠시 멈추고 핵심부터 말씀해 주세요."
                if ko
                else f"Fillers crowd the answer: {shown}. Pause instead, then say the point.",
            )
        )
    if ko and scr is not None and scr.banmal and scr.banmal >= max(2, scr.polite):
        notes.append(
            Note(
                0.95,
                f"반말로 끝나는 문장이 {scr.banmal}개입니다. "
                "면접에서는 '-습니다'체로 말씀해 주세요.",
            )
        )
    return notes
