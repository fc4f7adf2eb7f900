"""How an answer is told: sentence tagging, STAR parts and their order, steps and reasoning
connectors, paragraphs and sentence length."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markers import DELIVERY, MarkerSet
from .sentence import PHASES, TaggedSentence
from .specificity import count_of_none, find_numbers


def _first(pattern: re.Pattern[str], text: str) -> str:
    m = pattern.search(text)
    return m.group(0).strip() if m else ""


# Someone else is the sentence's subject ("아이가 집에서도 일지를 썼습니다", "The patient did the
# exercises at home"): "at home", "친구들" then tell that person's life, which is the work.
_KO_OTHER_SUBJECT = re.compile(
    r"(?<![가-힣])(?!제가|내가|우리가|저희가)[가-힣]{1,6}(?:가|께서)(?=\s)|"
    r"(?:아이|학생|환자|고객|손님|부모|아버님|어머님|아버지|어머니|보호자|팀원|동료|직원|[가-힣]님)"
    r"(?:이|은|는|들이|들은)(?=\s)"
)
_EN_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|my|me|we|our|us)\b")


def _personal(markers, text: str, language: str) -> str:
    """A marker of the speaker's private life, unless the sentence is about someone else's."""
    found = _first(markers.personal, text)
    if not found:
        return ""
    if language == "ko":
        if not markers.me.search(text) and _KO_OTHER_SUBJECT.search(text):
            return ""
    elif not _EN_FIRST_PERSON.search(text):
        return ""
    return found


def _all(pattern: re.Pattern[str], text: str) -> list[str]:
    return [m.group(0).strip().lower() for m in pattern.finditer(text)]


def tag_sentences(
    sentences: list[tuple[str, int]], markers: MarkerSet, language: str
) -> list[TaggedSentence]:
    """Tag each (sentence, paragraph number) with the marker families it contains."""
    tagged = []
    for i, (original, paragraph) in enumerate(sentences):
        t = TaggedSentence(index=i, text=original, paragraph=paragraph)
        text = original if language == "ko" else original.lower()
        for phase in PHASES:
            found = _first(getattr(markers, phase), text)
            if found:
                t.phases[phase] = found
        t.plan = _first(markers.plan, text)
        t.numbers = find_numbers(text, language)
        t.sequence = _all(markers.sequence, text)
        t.causal = _all(markers.causal, text)
        t.contrast = _all(markers.contrast, text)
        t.condition = _all(markers.condition, text)
        t.example = _first(markers.example, text)
        t.claim = _first(markers.claim, text)
        t.opinion = _first(markers.opinion, text)
        t.deflection = _first(markers.deflection, text)
        t.personal = _personal(markers, text, language)
        t.academic = _first(markers.academic, text)
        t.vague = _all(markers.vague, text)
        t.me = len(markers.me.findall(text))
        t.we = len(markers.we.findall(text))
        t.leadership = _first(markers.leadership, text)
        t.verification = _first(markers.verification, text)
        label = _LABEL.match(text)
        if label:
            name = (label.group(1) or label.group(2)).lower().replace(" ", "")
            t.phases.setdefault(_LABELS[name], label.group(0).strip())
        if t.plan and t.phases.get("result") == "no longer":
            # A reason given for a step to come ("…would be to send it around, because the
            # runway is no longer mine to give"), not what came of one.
            del t.phases["result"]
        if _undelivered(t.phases.get("result", ""), text):
            del t.phases["result"]
        if t.numbers and "result" not in t.phases and _looks_like_outcome(t, text, language):
            t.phases["result"] = t.numbers[0]
        if (
            language == "ko"
            and "result" not in t.phases
            and not t.plan
            and any("action" in before.phases for before in tagged)
            and _KO_CAME_TO.search(text)
        ):
            t.phases["result"] = _first(_KO_CAME_TO, text)
        if language == "en" and "result" not in t.phases and not t.plan:
            state = _en_state_after_step(t, text, tagged)
            if state:
                t.phases["result"] = state
        if "result" in t.phases and not t.numbers:
            t.none = count_of_none(text, language)
        tagged.append(t)
    return tagged


# "…게 되었습니다" after the speaker's own steps: what those steps came to ("모든 보고서가 같은
# 테이블을 쓰게 되었고"), as "ended up" is in English. Before any step it sets the scene ("두
# 분이 다투게 되었습니다"); what was learned ("알게", "깨닫게") is a lesson.
_KO_CAME_TO = re.compile(
    r"(?<!알)(?<!배우)(?<!깨닫)(?<!느끼)게 (?:되었|됐)(?=습니다|고|으며|어요|다)"
)


# A state told after the speaker's own steps is what they came to ("the mistakes we used to find
# are gone", "the report is ready before anyone arrives", "it is now done in minutes", "the
# calls stopped coming"). Before any step the same words set the scene ("the server was gone").
_EN_NOW_STATE = re.compile(
    r"\b(?:is|are|was|were|'s|'re) (?:now |all |completely |mostly |simply |just )?gone\b|"
    r"\b(?:is|are|'s|'re) now\b(?! (?:that|the time)\b)|"
    r"\b(?:is|are|'s|'re) (?:now |always |already )?(?:ready|done|finished|waiting|in "
    r"(?:their|your|our|my|everyone's) inbox(?:es)?) (?:before|by|when|on|at)\b|"
    r"\bstopped (?:happening|coming in|coming|arriving|recurring)\b|"
    # What kept going wrong, stopped ("the duplicate charges stopped", "the alerts stopped").
    r"\b[a-z]{3,}s (?:all |soon |quickly |immediately )?stopped(?=\s*(?:[.,;!]|and\b|$))|"
    r"\b(?:nobody|no one|none of us) (?:has|needs|had|needed) to [^.;]{1,60}\bany ?more\b"
)


def _en_state_after_step(t: TaggedSentence, text: str, before: list[TaggedSentence]) -> str:
    """The state a step came to, told after it: in a later sentence, or in the step's own
    ("I reverted the release and the duplicate charges stopped")."""
    m = _EN_NOW_STATE.search(text)
    if not m:
        return ""
    if any("action" in b.phases for b in before):
        return m.group(0).strip()
    step = text.find(t.phases.get("action", "\0"))
    return m.group(0).strip() if 0 <= step < m.start() else ""


# What keeps a delivery from having happened when it comes before it in the sentence: a negation
# ("were not being delivered on time", "not everything shipped"), or a plan or a purpose ("to
# make sure the parts were delivered on time"). Looked for only once a delivery has matched.
_UNDONE = re.compile(
    r"\b(?:not|never|almost|without|would|will|make sure|ensure|so that|to get|needs? to|needed to|"
    r"have to|had to|was supposed to|were supposed to)\b|n't\b"
)


def _undelivered(found: str, text: str) -> bool:
    if not found or not DELIVERY.match(found):
        return False
    at = text.find(found)
    return bool(_UNDONE.search(text, max(0, at - 60), at))


# A story told as labelled notes names its parts ("[결과] 두 달 뒤 …", "Result: churn fell").
_LABELS = {
    **dict.fromkeys(("상황", "배경", "situation", "context", "background"), "situation"),
    **dict.fromkeys(("과제", "목표", "task", "goal"), "task"),
    **dict.fromkeys(("행동", "조치", "대응", "action", "actions"), "action"),
    **dict.fromkeys(("결과", "성과", "result", "results", "outcome", "impact"), "result"),
    **dict.fromkeys(
        ("배운점", "교훈", "느낀점", "회고", "lesson", "lessons", "reflection", "takeaway"),
        "reflection",
    ),
}
_LABEL_WORDS = "|".join(sorted(_LABELS, key=len, reverse=True)).replace("점", r"\s?점")
_LABEL = re.compile(
    rf"\s*(?:[-*•]\s*)?(?:(?:\[|【|\*\*)\s*({_LABEL_WORDS})\s*(?:\]|】|\*\*)\s*:?|"
    rf"({_LABEL_WORDS})\s*[:\uff1a])",
    re.I,
)


_EN_OUTCOME = re.compile(
    r"\b(?:to|by|down to|under|below|within)\s+(?:about |roughly |nearly |around |over )?"
    r"[$€£]?\d"
)
_KO_OUTCOME = re.compile(
    r"\d[\d,.]*\s?[^\s\d]{0,4}\s?(?:으로|로|까지|만에|수준으로|이상|미만|아래로)\s?"
    r"(?:[가-힣]+\s)?(?:줄|늘|올|낮|높|내려|내렸|개선|단축|증가|감소|떨어|마쳤|끝냈)"
)


def _looks_like_outcome(t: TaggedSentence, text: str, language: str) -> bool:
    """An action sentence whose figure has a direction: "to 200ms", "18%로 줄였습니다"."""
    pattern = _KO_OUTCOME if language == "ko" else _EN_OUTCOME
    return "action" in t.phases and bool(pattern.search(text))


@dataclass(frozen=True)
class StructureSignals:
    present: dict[str, int]  # phase -> index of the first sentence showing it
    star_share: float  # weighted share of S, T, A, R present
    order: float  # 1.0 when parts come in telling order
    opener_out_of_order: bool
    steps: int  # distinct sequence markers ("first", "then", "finally")
    reasoning: int  # distinct causal / contrast / condition markers
    connectors: list[str]
    paragraphs: int
    sentences: int
    mean_sentence_length: float
    long_sentences: list[int]  # indexes of run-on sentences
    wall_of_text: bool


_STAR_WEIGHTS = {"situation": 1.0, "task": 0.6, "action": 1.2, "result": 1.2}


_CAUSE_NAMED = re.compile(
    r"원인(?:임|이었|이라|으로|은|이)|때문이었|탓이었|"
    r"\bcaused by\b|\bthe (?:root )?cause (?:was|is)\b|\bturned out (?:to be|that)\b|"
    r"\bthe culprit\b|\bbecause of\b"
)


def analyze_structure(
    tagged: list[TaggedSentence], language: str, *, long_answer: bool, story: bool = True
) -> StructureSignals:
    """`story`: the question asks for a story (behavioural), told situation first; a situational
    or technical answer rightly opens with what it would do or what it concludes."""
    present: dict[str, int] = {}
    for t in tagged:
        for phase in t.phases:
            present.setdefault(phase, t.index)
    star_share = sum(w for p, w in _STAR_WEIGHTS.items() if p in present) / sum(
        _STAR_WEIGHTS.values()
    )

    # Order: of the pairs of sentences whose phases do not overlap, how many run forwards.
    # Counted by rank rather than pair by pair, so a long answer stays linear: a later sentence
    # runs forwards when all its phases come after all of this one's, backwards when before.
    ranked = [t.ranks for t in tagged if t.phases]
    later_lowest = [0] * len(PHASES)
    later_highest = [0] * len(PHASES)
    for ranks in ranked:
        later_lowest[ranks[0]] += 1
        later_highest[ranks[-1]] += 1
    forward = backward = 0
    for ranks in ranked:
        later_lowest[ranks[0]] -= 1
        later_highest[ranks[-1]] -= 1
        forward += sum(later_lowest[ranks[-1] + 1 :])
        backward += sum(later_highest[: ranks[0]])
    order = forward / (forward + backward) if forward + backward else 0.5
    first = tagged[0] if tagged else None
    opener_out_of_order = bool(
        story
        and first
        and len(tagged) > 2
        and ({"result", "reflection"} & set(first.phases))
        and not ({"situation", "task"} & set(first.phases))
    )

    steps = {w for t in tagged for w in t.sequence}
    reasoning = {w for t in tagged for w in (*t.causal, *t.contrast, *t.condition)}
    # A cause found and named ("… 빠진 것이 원인임을 찾았습니다", "it was caused by…") is a
    # reason given, though no connector says so (it is not listed as one).
    cause_named = any(_CAUSE_NAMED.search(t.text.lower()) for t in tagged)
    unit = (lambda s: len(s.replace(" ", ""))) if language == "ko" else (lambda s: len(s.split()))
    lengths = [unit(t.text) for t in tagged]
    limit = 140 if language == "ko" else 45
    paragraphs = len({t.paragraph for t in tagged})
    return StructureSignals(
        present=present,
        star_share=star_share,
        order=order,
        opener_out_of_order=opener_out_of_order,
        steps=len(steps),
        reasoning=len(reasoning) + cause_named,
        connectors=sorted(steps | reasoning),
        paragraphs=paragraphs,
        sentences=len(tagged),
        mean_sentence_length=sum(lengths) / max(len(lengths), 1),
        long_sentences=[t.index for t, n in zip(tagged, lengths, strict=True) if n > limit],
        wall_of_text=long_answer and paragraphs == 1,
    )
