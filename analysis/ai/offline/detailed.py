"""detailedFeedback: grammar, structure and content, each about this answer, plus suggestions."""

from __future__ import annotations

import re

from ..types import DetailedFeedback
from .analyzer import Signals
from .notes import Note
from .quotes import excerpt, listing, quoted
from .word_lists import EN_HONESTLY

_KO_FORMAL = re.compile(r"(?:니다|니까)[.!?\"']*$")
_KO_POLITE = re.compile(r"요[.!?\"']*$")
_KO_PLAIN = re.compile(r"(?<!니)다[.!?\"']*$")
# "kind of" hedges ("it was kind of slow") unless it names a kind ("the kind of problem I want").
_KIND = "".join(f"(?<!{w} )" for w in ("the", "a", "what", "this", "that", "any", "same", "one"))
_EN_FILLERS = re.compile(
    rf"\b(?:um+|uh+|you know|basically|literally|{EN_HONESTLY}|{_KIND}kind of|{_KIND}sort of|"
    r"i mean)\b",
    re.I,
)
_EN_DOUBLED = re.compile(r"\b(\w+) \1\b", re.I)
_EN_LOWER_I = re.compile(r"(?:^|\s)i(?=[\s,.'])")

_KO_BARE_ENDINGS = frozenset(
    {"면", "니까", "므로", "기에", "지만", "면서도", "보니", "다면", "라면", "도록", "게끔"}
    | {"지 않게", "지 않도록"}
)
# Words of weighing ("단점", "risk") and a bare "단계" count as reasoning or steps but link
# nothing: not shown as connectors ("장단점을 정리해" was listed as the connector "단점").
_WEIGHING = frozenset(
    {"트레이드오프", "리스크", "위험", "단점", "절충", "균형", "단계"}
    | {"downside", "caveat", "risk", "risks", "trade-off", "tradeoff", "trade-offs", "tradeoffs"}
)

_PHASE_NAMES = {
    "en": {
        "situation": "situation",
        "task": "task",
        "action": "action",
        "result": "result",
        "reflection": "lesson",
    },
    "ko": {
        "situation": "상황",
        "task": "과제",
        "action": "행동",
        "result": "결과",
        "reflection": "배운 점",
    },
}


def _grammar_ko(s: Signals) -> str:
    """Surface checks of a Korean answer (register, 반말, fillers), told in the session's
    language."""
    ko = s.feedback_language == "ko"
    texts = [t.text for t in s.sentences]
    formal = sum(bool(_KO_FORMAL.search(t)) for t in texts)
    polite = sum(bool(_KO_POLITE.search(t)) for t in texts)
    plain = sum(bool(_KO_PLAIN.search(t)) for t in texts)
    parts = []
    if (plain or polite) and formal:
        parts.append(
            f"문장 끝맺음이 섞여 있습니다: '-습니다' {formal}개, '-요' {polite}개, "
            f"'-다' {plain}개. 면접에서는 '-습니다'체로 통일하는 것이 자연스럽습니다."
            if ko
            else f'The sentence endings are mixed: {formal} formal ("-습니다"), {polite} polite '
            f'("-요") and {plain} plain ("-다"). In an interview, keep to "-습니다" throughout.'
        )
    elif plain or polite:
        parts.append(
            f"'-요'체 {polite}개, '-다'체 {plain}개로 끝납니다. 면접에서는 '-습니다'체가 "
            "자연스럽습니다."
            if ko
            else f'{polite} sentences end in "-요" and {plain} in "-다"; "-습니다" is the register '
            "of an interview."
        )
    elif formal:
        parts.append(
            f"{formal}개 문장이 모두 '-습니다'체로 끝나 면접에 맞는 어조가 일관됩니다."
            if ko
            else f'All {formal} sentences end in "-습니다": the register of an interview, '
            "kept throughout."
        )
    scr = s.screen
    if scr is not None and scr.banmal:
        parts.append(
            f"반말 어미(예: '~거야', '~했어')로 끝나는 문장이 {scr.banmal}개 있습니다. 면접에서는 "
            "'-습니다'체로 말씀해 주세요."
            if ko
            else f'{scr.banmal} sentences end in casual speech ("반말", such as "~거야", "~했어"); '
            'in an interview, use "-습니다".'
        )
    if scr is not None and scr.fillers:
        shown = ", ".join(
            f"'{w}'({n}번)" if ko else f'"{w}" ({n}x)' for w, n in scr.fillers.most_common(5)
        )
        total = sum(scr.fillers.values())
        if len(scr.fillers) == 1:
            # One filler is counted once: "'음' 같은 군말이 2번 나옵니다".
            ((word, _),) = scr.fillers.items()
            shown = f"'{word}'" if ko else f'"{word}"'
        counted = f"모두 {total}번" if ko and len(scr.fillers) > 1 else f"{total}번"
        times = "once" if total == 1 else f"{total} times"
        parts.append(
            f"{shown} 같은 군말이 {counted} 나옵니다. 말을 고르는 동안 잠시 멈추는 편이 더 "
            "명확하게 들립니다."
            if ko
            else f"Fillers such as {shown} come up {times}; a short pause while you choose "
            "your words sounds clearer."
        )
    length = f"{s.structure.mean_sentence_length:.0f}"
    parts.append(
        f"문장은 평균 {length}자입니다."
        if ko
        else f"{len(texts)} sentence{'s' if len(texts) != 1 else ''}, {length} letters each on "
        "average."
    )
    if s.structure.long_sentences:
        i = s.structure.long_sentences[0]
        parts.append(
            f"{i + 1}번째 문장은 길어서 나누면 더 잘 들립니다."
            if ko
            else f"Sentence {i + 1} is long enough to split."
        )
    parts.append(
        "맞춤법과 띄어쓰기는 오프라인 분석에서 자세히 검사하지 않습니다."
        if ko
        else "Spelling and spacing are not checked in depth offline."
    )
    return " ".join(parts)


def _grammar_en(s: Signals) -> str:
    """Surface checks of an English answer (capitals, doubled words, fillers), told in the
    session's language."""
    ko = s.feedback_language == "ko"
    issues = []
    lower_starts = [t.index + 1 for t in s.sentences if t.text[:1].islower()]
    if lower_starts:
        issues.append(
            f"{lower_starts[0]}번째 문장이 소문자로 시작합니다"
            if ko
            else f"sentence {lower_starts[0]} starts with a lowercase letter"
        )
    if _EN_LOWER_I.search(s.text):
        issues.append('"I"가 소문자 "i"로 쓰였습니다' if ko else '"i" is written in lowercase')
    doubled = _EN_DOUBLED.search(s.text)
    if doubled and doubled.group(1).lower() not in {"that", "had"}:
        issues.append(
            f"같은 단어가 두 번 이어집니다({quoted(doubled.group(0))})"
            if ko
            else f"a doubled word ({quoted(doubled.group(0))})"
        )
    fillers = sorted({m.group(0).lower() for m in _EN_FILLERS.finditer(s.text)})
    if s.screen is not None:
        fillers = sorted(set(fillers) | set(s.screen.fillers))
    if fillers:
        shown = listing(fillers, s.feedback_language, 3)
        issues.append(
            f"전달력을 떨어뜨리는 군말({shown})"
            if ko
            else f"filler words that weaken the delivery ({shown})"
        )
    n = len(s.sentences)
    length = f"{s.structure.mean_sentence_length:.0f}"
    parts = [
        f"영어 문장 {n}개, 문장당 평균 {length} 단어입니다."
        if ko
        else f"{n} sentence{'s' if n != 1 else ''}, {length} words each on average."
    ]
    if issues:
        parts.append(
            "살펴볼 점: " + "; ".join(issues) + "."
            if ko
            else "Watch for: " + "; ".join(issues) + "."
        )
    else:
        parts.append(
            "소문자로 시작하는 문장, 반복된 단어, 군말 같은 표면 문제는 없습니다."
            if ko
            else "No surface problems found: no lowercase sentence starts, doubled words or "
            "fillers."
        )
    if s.structure.long_sentences:
        i = s.structure.long_sentences[0] + 1
        parts.append(
            f"{i}번째 문장은 길어서 나누면 더 잘 들립니다."
            if ko
            else f"Sentence {i} is long enough to split."
        )
    parts.append(
        "철자는 오프라인 분석에서 자세히 검사하지 않습니다."
        if ko
        else "Spelling is not checked in depth offline."
    )
    return " ".join(parts)


def _structure(s: Signals) -> str:
    ko = s.feedback_language == "ko"
    names = _PHASE_NAMES["ko" if ko else "en"]
    st = s.structure
    found = sorted(st.present.items(), key=lambda kv: kv[1])
    found_text = ", ".join(
        f"{names[p]}({i + 1}번째 문장)" if ko else f"{names[p]} (sentence {i + 1})"
        for p, i in found
    )
    wanted = ("situation", "task", "action", "result")
    missing = [names[p] for p in wanted if p not in st.present]
    parts = []
    if s.question_type == "behavioral" or found:
        if found_text:
            parts.append(f"찾은 요소: {found_text}." if ko else f"Found: {found_text}.")
        if missing and s.question_type == "behavioral":
            parts.append(
                f"빠진 요소: {', '.join(missing)}." if ko else f"Missing: {', '.join(missing)}."
            )
    if len(found) >= 2:
        if st.opener_out_of_order or st.order < 0.4:
            parts.append(
                "순서가 뒤섞여 결과가 상황보다 먼저 나옵니다."
                if ko
                else "The order jumps: the outcome comes before the context."
            )
        elif st.order >= 0.6:
            parts.append(
                "요소들이 말하는 순서대로 이어집니다."
                if ko
                else "The parts come in the order a listener needs them."
            )
    # Bare verb endings ("면", "니까", "도록", "다면") connect clauses but are not phrases a user
    # would recognise.
    connectors = [c for c in st.connectors if c not in _KO_BARE_ENDINGS | _WEIGHING]
    if connectors:
        shown = listing(connectors, s.feedback_language, 5)
        parts.append(
            f"흐름을 잇는 표현: {shown}."
            if ko
            else f"Connectors that carry the reasoning: {shown}."
        )
    elif not st.connectors:  # reasoning in words of weighing only is no list either
        parts.append(
            "'먼저', '그래서', '때문에' 같은 연결 표현이 없어 문장들이 나열처럼 들립니다."
            if ko
            else 'No connectors such as "first", "because" or "so": the sentences read as a list.'
        )
    if st.wall_of_text:
        parts.append(
            "긴 답변이 한 문단이라 문단을 나누면 좋습니다."
            if ko
            else "A long answer in a single paragraph; break it up."
        )
    return " ".join(parts)


def _content(s: Signals) -> str:
    ko = s.feedback_language == "ko"
    rel, sp = s.relevance, s.specificity
    parts = []
    expected = rel.keyword_source == "expected"
    if rel.keywords and not s.keywords_checked:
        terms = listing(rel.keywords, s.feedback_language, 4)
        label = (
            ("핵심 키워드" if expected else "주제어")
            if ko
            else ("key points" if expected else "key terms")
        )
        parts.append(
            f"질문의 {label}({terms})는 이 세션의 언어로 되어 있어, 다른 언어로 쓴 답변에서는 "
            "다뤘는지 확인하지 않았습니다."
            if ko
            else f"The question's {label} ({terms}) are in the session's language, so whether "
            "an answer in the other language covers them was not checked."
        )
    elif rel.keywords and not expected and not rel.matched and s.judged_on_topic:
        # The question's own words, none of them said, in an answer judged to be about what was
        # asked: a count of zero would read as a miss, when it is only a way to tie it closer.
        restated = s.only_restated(rel.keywords)
        if restated:
            terms = listing(restated, s.feedback_language, 4)
            parts.append(
                f"질문에 나온 말({terms})은 질문을 되풀이한 부분에만 나옵니다. 답하는 문장에서 "
                "다시 쓰면 질문과의 연결이 더 분명해집니다."
                if ko
                else f"The question's own words ({terms}) come up only where the answer restates "
                "the question; using them where you answer it would tie the answer to the "
                "question more clearly."
            )
        else:
            terms = listing(rel.keywords, s.feedback_language, 4)
            parts.append(
                f"질문에 나온 말({terms}) 중 하나를 첫머리에 말하면 질문과의 연결이 더 "
                "분명해집니다."
                if ko
                else f"Naming one of the question's own words ({terms}) early would tie the "
                "answer to the question more clearly."
            )
    elif rel.keywords:
        got = [m.shown for m in rel.matched]
        covered = listing(got, s.feedback_language, 4) if got else ("없음" if ko else "none")
        if ko:
            label = "핵심 키워드" if expected else "질문의 주제어"
            parts.append(
                f"{label} {len(rel.keywords)}개 중 {len(got)}개를 다루셨습니다({covered})."
            )
        else:
            label = "key points" if expected else "key terms of the question"
            parts.append(f"Covers {len(got)} of the {len(rel.keywords)} {label} ({covered}).")
        # Words said only in a restatement of the question are not counted, but were said.
        found = {m.term for m in rel.matched}
        restated = s.only_restated([k for k in rel.keywords if k not in found])
        if restated:
            words = listing(restated, s.feedback_language, 4)
            parts.append(
                f"질문을 되풀이한 부분에만 나온 말({words})은 세지 않았습니다."
                if ko
                else f"{words} {'comes' if len(restated) == 1 else 'come'} up only where the "
                "answer restates the question, so "
                f"{'it is' if len(restated) == 1 else 'they are'} not counted."
            )
        never = [k for k in rel.missing if k not in restated]
        if never and expected:
            parts.append(
                f"빠진 것: {listing(never, 'ko', 4)}."
                if ko
                else f"Not mentioned: {listing(never, 'en', 4)}."
            )
    figures = (
        listing(sp.numbers, s.feedback_language, 4) if sp.numbers else ("없음" if ko else "none")
    )
    names = listing(sp.names, s.feedback_language, 4) if sp.names else ("없음" if ko else "none")
    parts.append(
        f"수치 {len(sp.numbers)}개({figures}), 언급한 도구·방법: {names}."
        if ko
        else f"Figures: {len(sp.numbers)} ({figures}). Named tools and methods: {names}."
    )
    if rel.category_hits:
        shown = listing([m.shown for m in rel.category_hits], s.feedback_language, 5)
        parts.append(f"직무 관련 용어: {shown}." if ko else f"Field vocabulary: {shown}.")
    n = len(s.sentences)
    # A sentence can carry evidence and a claim at once ("I'm a natural problem solver, so I
    # rebuilt the checklist and cut handling time by 30%"): it is counted once, with the
    # evidence, and only sentences with no evidence "only state" an opinion.
    evidence = set(rel.evidence_sentences)
    claims = set(rel.claim_sentences)
    ev, cl, both = len(evidence), len(claims - evidence), len(claims & evidence)
    if ko:
        parts.append(
            f"{n}개 문장 중 {ev}개가 행동·수치·결과 같은 근거를 담고 있고, 자기 평가나 의견만 "
            f"있는 문장은 {cl}개입니다."
        )
        if both:
            parts.append(f"근거를 담은 문장 중 {both}개에는 자기 평가나 의견도 섞여 있습니다.")
    else:
        parts.append(
            f"{ev} of {n} sentence{'s' if n != 1 else ''} carr{'ies' if ev == 1 else 'y'} "
            f"evidence (an action, a figure or a result); {cl} only state{'s' if cl == 1 else ''} "
            "an opinion or a claim about yourself."
        )
        if both:
            parts.append(
                "One sentence with evidence also states an opinion or a claim about yourself."
                if both == 1
                else f"{both} sentences with evidence also state an opinion or a claim about "
                "yourself."
            )
    if rel.claims:
        index, words = rel.claims[0]
        claim = quoted(excerpt(s.sentence(index), words, 50))
        parts.append(f"예: {claim}." if ko else f"For example {claim}.")
    return " ".join(parts)


def write_detailed(
    s: Signals, improvements: list[Note], has_placeholders: bool
) -> DetailedFeedback:
    ko = s.feedback_language == "ko"
    suggestions = [n.suggestion or n.text for n in improvements if n.suggestion][:4]
    if has_placeholders:
        suggestions.append(
            "이상적인 답변 예시의 [ ] 자리를 본인의 실제 경험과 수치로 채워 다시 말해 보세요."
            if ko
            else "Say the ideal answer out loud with the [ ] gaps filled from your own experience."
        )
    return DetailedFeedback(
        # The checks follow the language the answer is written in; the words, the session's.
        grammar=_grammar_ko(s) if s.language == "ko" else _grammar_en(s),
        structure=_structure(s),
        content=_content(s),
        suggestions=suggestions,
    )
