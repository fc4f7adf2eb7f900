"""Improvements: what the answer lacked, named or quoted (a missing figure, a missing keyword,
the count of "we" against "I", a claim about oneself). Korean lines are written in 존댓말."""

from __future__ import annotations

import re

from .analyzer import Signals
from .asks import about_people
from .coverage_notes import figures_note, keyword_note
from .integrity_notes import integrity_notes
from .notes import Note
from .notes import quote_of as _quote_of
from .quotes import excerpt, quoted, quoted_josa
from .selfportrait import asks_about_speaker
from .setting import when_without_where
from .sidestep_notes import sidestep_note
from .tense import tells_a_case, told_in_past


def _times(n: int) -> str:
    return {0: "never", 1: "once", 2: "twice"}.get(n, f"{n} times")


def _structure_notes(s: Signals) -> list[Note]:
    ko = s.feedback_language == "ko"
    st, sp = s.structure, s.specificity
    notes: list[Note] = []
    if st.opener_out_of_order or (st.order < 0.4 and len(st.present) >= 3):
        q = _quote_of(s, 0, limit=50)
        notes.append(
            Note(
                0.8,
                f"첫 문장({quoted(q)})이 상황 설명보다 결과를 먼저 말합니다. "
                "상황 → 과제 → 행동 → 결과 순서로 말씀해 주세요."
                if ko
                else f"The answer opens with the outcome ({quoted(q)}) before the context; "
                "tell it in order: situation, task, action, result.",
                "상황 → 과제 → 행동 → 결과 순서로 다시 배열해 보세요."
                if ko
                else "Reorder it: situation, task, action, result.",
            )
        )
    if s.question_type == "behavioral" and s.sentences:
        if "situation" not in st.present and "task" not in st.present:
            q = _quote_of(s, 0, limit=45)
            notes.append(
                Note(
                    0.7,
                    f"빠진 부분: 상황 — {quoted(q)} 앞에 언제, 어느 팀/프로젝트에서 있었던 일인지 "
                    "먼저 말씀해 주세요."
                    if ko
                    else f"Missing: the setting. Before {quoted(q)}, say when and where this "
                    "happened (team, project, timeframe).",
                    "첫 문장에서 언제, 어디서, 어떤 역할이었는지 밝혀 주세요."
                    if ko
                    else "Open with when, where and what your role was.",
                )
            )
        elif "task" not in st.present:
            when = when_without_where(
                [t.phases["situation"] for t in s.sentences if "situation" in t.phases],
                [t.text if ko else t.text.lower() for t in s.sentences[:2]],
                s.language,
            )
            if when:
                # Quoted as said: English phases are found on lower-cased text.
                said = next(t.text for t in s.sentences if when in t.text.lower())
                at = said.lower().find(when)
                when = said[at : at + len(when)]
                notes.append(
                    Note(
                        0.5,
                        f"빠진 부분: 어디서 — 언제({quoted(when)})인지는 나오지만 어느 팀이나 "
                        "프로젝트에서 있었던 일인지는 나오지 않습니다."
                        if ko
                        else f"Missing: where. The answer says when ({quoted(when)}) but not on "
                        "which team or project this happened.",
                        "첫 문장에서 팀이나 프로젝트, 맡은 역할을 밝혀 주세요."
                        if ko
                        else "Name the team or project and your role in the first sentence.",
                    )
                )
        if "result" not in st.present:
            q = _quote_of(s, len(s.sentences) - 1, limit=45)
            notes.append(
                Note(
                    0.75,
                    f"빠진 부분: 결과 — 답변이 {quoted(q)}에서 끝나고 무엇이 달라졌는지 나오지 "
                    "않습니다."
                    if ko
                    else f"Missing: the outcome. The answer ends at {quoted(q)} without saying "
                    "what changed.",
                    "마지막에 결과와 그 수치를 한 문장으로 말씀해 주세요."
                    if ko
                    else "End with one sentence on the result and its size.",
                )
            )
        if not sp.action_sentences:
            notes.append(
                Note(
                    0.8,
                    "빠진 부분: 본인의 행동 — '제가 ~했습니다'처럼 직접 한 일을 말하는 문장이 "
                    "없습니다."
                    if ko
                    else "Missing: your actions. No sentence says what you did "
                    '("I decided…", "I built…").',
                    "직접 한 행동을 두세 문장으로 말씀해 주세요."
                    if ko
                    else "Describe two or three things you did yourself.",
                )
            )
    elif s.question_type != "behavioral" and st.steps == 0 and len(s.sentences) >= 2:
        notes.append(
            Note(
                0.45,
                "단계가 드러나지 않습니다. '먼저', '그다음', '마지막으로'로 순서를 나눠 주세요."
                if ko
                else 'The approach has no visible order: no "first", "then" or "finally" marks '
                "the steps.",
                "단계를 번호나 '먼저/그다음/마지막으로'로 구분해 주세요."
                if ko
                else 'Mark the steps with "First…", "Then…", "Finally…".',
            )
        )
    if st.reasoning == 0 and len(s.sentences) >= 2:
        # A story already told is asked why it was done; a plan, why it would be.
        past = told_in_past(s)
        notes.append(
            Note(
                0.5,
                "이유가 보이지 않습니다. '때문에', '그래서' 없이 무엇을 "
                f"{'했는지' if past else '할지'}만 나열되어 있습니다."
                if ko
                else 'No reasons given: nothing says "because" or what you '
                f"{'traded' if past else 'would trade'} off.",
                f"각 행동 뒤에 왜 그렇게 {'했는지' if past else '하는지'} 한마디씩 붙여 주세요."
                if ko
                else f"After each step, add why you {'did' if past else 'would do'} it.",
            )
        )
    return notes


def _style_notes(s: Signals) -> list[Note]:
    ko = s.feedback_language == "ko"
    rel, sp, ln = s.relevance, s.specificity, s.length
    notes: list[Note] = []
    if rel.deflections:
        i, words = rel.deflections[0]
        q = _quote_of(s, i, words, 60)
        notes.append(Note(1.0, *sidestep_note(s, quoted(q))))
    deflected = {i for i, _ in rel.deflections[:1]}
    claims = [(i, w) for i, w in rel.claims if i not in deflected]
    if claims:
        i, words = claims[0]
        q = _quote_of(s, i, words, 50)
        notes.append(
            Note(
                0.95,
                f"{quoted(q)}는 자기 평가입니다. 이를 보여 주는 실제 장면 하나(상황, 행동, 결과)로 "
                "바꿔 말씀해 주세요."
                if ko
                else f"{quoted(q)} is a claim about yourself; show it with one moment where you "
                "did it (what happened, what you did, what changed).",
                "자기 평가 문장을 실제 사례 한 문장으로 바꿔 주세요."
                if ko
                else "Swap the self-description for one concrete example.",
            )
        )
    if s.question_type == "behavioral" and sp.we > 2 * max(sp.me, 1) and sp.me < 3 and sp.we >= 3:
        notes.append(
            Note(
                0.85,
                f"빠진 부분: 본인이 직접 한 일 — '저희/우리'가 {sp.we}번, '제가/저는'이 {sp.me}번 "
                "나옵니다. '제가 ~했습니다'로 본인의 행동을 말씀해 주세요."
                if ko
                else f'Missing: what you did yourself. The answer says "we" {_times(sp.we)} and '
                f'"I" {_times(sp.me)}.',
                "'저희' 대신 '제가'로 본인이 맡은 부분을 말씀해 주세요."
                if ko
                else 'Replace "we" with "I" wherever it was your own action.',
            )
        )
    vague = sorted(sp.vague.items(), key=lambda kv: -kv[1])
    if sum(n for _, n in vague) >= 2:
        shown = ", ".join(
            f"{quoted(w)}({n}번)" if ko else f"{quoted(w)} x{n}" for w, n in vague[:3]
        )
        notes.append(
            Note(
                0.55,
                f"모호한 표현: {shown} — 무엇을, 얼마나인지 구체적으로 바꿔 주세요."
                if ko
                else f"Vague wording: {shown}. Replace it with what exactly and how much.",
            )
        )
    if rel.personal:
        i, words = rel.personal[0]
        q = _quote_of(s, i, words, 50)
        notes.append(
            Note(
                0.7,
                f"{quoted(q)}는 개인 생활의 예입니다. 일이나 프로젝트에서의 사례로 바꿔 주세요."
                if ko
                else f"{quoted(q)} is a personal example; use one from work or a project.",
            )
        )
    if ln.prose < 0.7 and s.sentences:
        q = _quote_of(s, 0, limit=45)
        notes.append(
            Note(
                1.0,
                f"용어를 나열한 답변입니다({quoted(q)}). 각 용어로 무엇을 했는지 문장으로 "
                "설명해 주세요."
                if ko
                else f"The answer lists terms ({quoted(q)}) instead of explaining; say in "
                "sentences what you did with them and why.",
                "용어 대신 '무엇을, 왜, 어떻게 했는지'를 문장으로 말씀해 주세요."
                if ko
                else "Turn the list into sentences: what you did, why, and what happened.",
            )
        )
    if ln.duplicate_sentences:
        counts: dict[str, int] = {}
        for t in s.sentences:
            counts[t.text] = counts.get(t.text, 0) + 1
        sentence, n = max(counts.items(), key=lambda kv: kv[1])
        q = excerpt(sentence, limit=45)
        notes.append(
            Note(
                0.95,
                f"같은 문장이 {n}번 반복됩니다({quoted(q)}). 반복 대신 새로운 사실을 더해 주세요."
                if ko
                else f"The same sentence appears {n} times ({quoted(q)}); repetition adds "
                "length, not content.",
            )
        )
    if ln.too_short:
        notes.append(Note(0.9, _short_note(s)))
    elif ln.too_long or s.structure.wall_of_text:
        size = f"{ln.chars}자" if ko else f"{ln.words} words"
        notes.append(
            Note(
                0.5,
                f"답변이 {size}로 한 덩어리입니다. 핵심만 남겨 줄이고 문단을 나눠 주세요."
                if ko
                else f"At {size} in one block the key points get lost; trim it and split it "
                "into paragraphs.",
            )
        )
    for word, n in ln.repeated[:1]:
        notes.append(
            Note(
                0.6,
                f"{quoted_josa(word, '이', '가')} {n}번 반복됩니다. 같은 말 대신 구체적인 사실을 "
                "더해 주세요."
                if ko
                else f"{quoted(word)} comes up {n} times; repeating it adds no information, a "
                "concrete detail would.",
            )
        )
    for i in s.structure.long_sentences[:1]:
        q = _quote_of(s, i, limit=40)
        notes.append(
            Note(
                0.35,
                f"{i + 1}번째 문장({quoted(q)})이 너무 깁니다. 두세 문장으로 나눠 주세요."
                if ko
                else f"Sentence {i + 1} ({quoted(q)}) runs on; split it in two or three.",
            )
        )
    if s.context.user_level == "senior" and not rel.leadership and len(s.sentences) >= 3:
        notes.append(
            Note(
                0.4,
                "시니어 지원자라면 다른 사람을 어떻게 이끌고 설득했는지도 보여 주세요. 지금은 "
                "개인 작업만 나옵니다."
                if ko
                else "For a senior role, show how you led or influenced others; the answer "
                "describes only individual work.",
            )
        )
    if s.previous_overlap >= 0.6:
        notes.append(
            Note(
                0.6,
                "이번 세션의 이전 답변과 내용이 많이 겹칩니다. 다른 사례를 들어 주세요."
                if ko
                else "This answer repeats much of an earlier answer in this session; bring a "
                "different example.",
            )
        )
    return notes


def _short_note(s: Signals) -> str:
    """Too short, counted on the answer as written (Korean: characters without spaces) and, when
    fillers, repeats or another subject were set aside, on what is left as well."""
    ln, ko = s.length, s.feedback_language == "ko"
    written = s.screen.cleaned if s.screen is not None else s.text
    korean = s.language == "ko"
    whole = len(re.sub(r"\s", "", written)) if korean else len(written.split())
    scored = ln.chars if korean else ln.words
    trimmed = scored < whole * 0.9
    if ko:
        size = f"공백 없이 {whole}자" if korean else f"{whole}단어"
        left = f"{scored}자" if korean else f"{scored}단어"
        said = (
            f"답변은 {size}이고, 군말·반복·질문과 무관한 부분을 빼면 {left}로 짧습니다."
            if trimmed
            else f"답변이 {size}로 짧습니다."
        )
        return f"{said} 1~2분 분량(300~900자)으로 상황, 행동, 결과를 담아 주세요."
    said = (
        f"Of the answer's {whole} words, {scored} remain once fillers, repeats and other "
        "subjects are set aside:"
        if trimmed
        else f"At {whole} word{'s' if whole != 1 else ''} the answer is"
    )
    return (
        f"{said} too short to show your approach; aim for about 150-300 words (one to two "
        "minutes spoken)."
    )


def _stretch_notes(s: Signals) -> list[Note]:
    """Lower-priority notes that still say what is absent; they surface for strong answers."""
    ko = s.feedback_language == "ko"
    st, sp = s.structure, s.specificity
    notes: list[Note] = []
    if not any(t.contrast for t in s.sentences):
        notes.append(
            Note(
                0.3,
                "한 단계 더: 다른 선택지를 무엇으로 고려했고 왜 이 방법을 골랐는지 덧붙여 보세요. "
                "지금은 대안에 대한 언급이 없습니다."
                if ko
                else "To go further: the answer never weighs an alternative; say what else you "
                "considered and why you chose this path.",
            )
        )
    if s.question_type == "behavioral" and "reflection" not in st.present and s.sentences:
        q = excerpt(s.sentence(len(s.sentences) - 1), limit=45)
        notes.append(
            Note(
                0.25,
                f"한 단계 더: 답변이 {quoted(q)}에서 끝납니다. 이 경험에서 배운 점으로 마무리해 "
                "보세요."
                if ko
                else f"To go further: the answer stops at {quoted(q)}; close with what you took "
                "away from it.",
            )
        )
    # A question about people is answered by what was said and done, not by what was used; an
    # answer praised for the field's methods in its words ("은행 잔액 조정", "design system") named
    # its method, whether or not it names a product.
    rel = s.relevance
    in_words = (rel.keyword_source == "expected" and rel.matched and rel.coverage >= 0.5) or len(
        rel.category_hits
    ) >= 3
    # ... nor one about the speaker (a weakness and its remedy, a motive).
    told_in_words = in_words or asks_about_speaker(s.question.text) or about_people(s.question)
    if not (sp.names or told_in_words) and len(s.sentences) >= 3:
        notes.append(
            Note(
                0.22,
                "한 단계 더: 사용한 도구나 방법의 이름이 하나도 나오지 않습니다. 무엇으로 "
                "했는지 밝혀 보세요."
                if ko
                else "To go further: no tool or method is named; say what you used.",
            )
        )
    if s.question_type != "behavioral" and "situation" not in st.present and not tells_a_case(s):
        # A case about people is told by how it ended; a method's, by its numbers.
        notes.append(
            Note(
                0.2,
                "한 단계 더: 답변이 가정으로만 설명됩니다. 비슷한 일을 겪었던 때 한 일과 어떻게 "
                "끝났는지로 뒷받침해 보세요."
                if ko
                else "To go further: the answer stays hypothetical; back it with a time you "
                "faced something like this, what you did and how it ended.",
            )
            if about_people(s.question)
            else Note(
                0.2,
                "한 단계 더: 방법이 가정으로만 설명됩니다. 직접 해 본 사례 하나와 그 수치로 "
                "뒷받침해 보세요."
                if ko
                else "To go further: the method stays hypothetical; back it with one case where "
                "you did it, with its numbers.",
            )
        )
    return notes


def improvements(s: Signals) -> list[Note]:
    notes = [n for n in (figures_note(s), keyword_note(s)) if n]
    return integrity_notes(s) + notes + _structure_notes(s) + _style_notes(s) + _stretch_notes(s)
