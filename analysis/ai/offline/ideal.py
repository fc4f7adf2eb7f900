"""The ideal answer: the sample answer's structure, filled with the user's own sentences.

Nothing is invented. Each part of the structure takes the user's sentences that belong to it, in
the order a listener needs them; a part the user did not cover becomes a bracketed placeholder
("[결과 수치 …]", "[measurable result …]"), and a result stated without a figure gets one appended.
Sentences that only describe the speaker ("I'm very detail oriented") are left out: they are not
evidence, and a strong answer does without them."""

from __future__ import annotations

import re

from .analyzer import Signals
from .asks import about_people
from .integrity import has_insult
from .markers import markers_for
from .selfportrait import asks_about_speaker
from .structure import TaggedSentence, tag_sentences
from .tense import in_past
from .text import content_stems, normalize, split_sentences

SLOTS_BY_TYPE = {
    "behavioral": ("situation", "task", "action", "result", "reflection"),
    "situational": ("approach", "action", "risk", "result", "example"),
    "technical": ("approach", "action", "risk", "example", "result"),
}

PLACEHOLDERS = {
    "en": {
        "situation": "[situation: when and where this happened, your team and project]",
        "task": "[task: your role and the goal you were given]",
        "action": "[actions: two or three things you did yourself{topic}]",
        "steps": "[steps: what you would do, in order{topic}]",
        "result": "[measurable result: what changed, and by how much]",
        "success": "[success measure: the metric and target that would show it worked]",
        "reflection": "[lesson: what you took away or would do differently]",
        "approach": "[first principle: what you would check first, and why]",
        "risk": "[trade-off: the risk you weighed and the alternative you considered]",
        "example": "[real example: a time you did this yourself, with its numbers]",
        "also": "[also cover: {terms}]",
    },
    "ko": {
        "situation": "[상황: 언제, 어느 팀/프로젝트에서 있었던 일인지]",
        "task": "[과제: 본인이 맡은 역할과 목표]",
        "action": "[행동: 본인이 직접 한 일 두세 가지{topic}]",
        "steps": "[단계: 무엇을 어떤 순서로 할지{topic}]",
        "result": "[결과 수치: 무엇이 얼마나 달라졌는지]",
        "success": "[성공 기준: 효과를 판단할 지표와 목표 수치]",
        "reflection": "[배운 점: 이 경험에서 얻은 것이나 다음에 다르게 할 점]",
        "approach": "[핵심 원칙: 무엇부터 확인할지와 그 이유]",
        "risk": "[트레이드오프: 고려한 위험과 대안]",
        "example": "[실제 사례: 비슷한 상황에서 직접 해 본 경험과 그 수치]",
        "also": "[추가로 다룰 내용: {terms}]",
    },
}
# A question about people (a colleague cutting corners, a manager asking to bend a rule, an upset
# customer) asks what one would say and do, to whom, why, and how one would follow it up: no
# metric to hit, and a past case is told by how it ended, not by its numbers.
PEOPLE_PLACEHOLDERS = {
    "en": {
        "approach": "[first step: whom you would speak to first, and why]",
        "steps": "[steps: what you would say and do, to whom, in order{topic}]",
        "risk": "[trade-off: what acting, or not acting, would put at risk]",
        "success": "[follow-up: how you would check it was put right, and whom you would keep "
        "informed]",
        "example": "[real example: a time you faced something like this, what you did and how it "
        "ended]",
        "result": "[outcome: how it ended, for the people involved and for the work]",
    },
    "ko": {
        "approach": "[첫 단계: 누구와 먼저 이야기할지와 그 이유]",
        "steps": "[단계: 누구에게 무엇을 말하고 할지, 순서대로{topic}]",
        "risk": "[트레이드오프: 나서거나 나서지 않을 때 무엇이 위험한지]",
        "success": "[후속 조치: 바로잡혔는지 어떻게 확인하고 누구에게 알릴지]",
        "example": "[실제 사례: 비슷한 일을 겪었을 때 한 일과 어떻게 끝났는지]",
        "result": "[결과: 상대와 일에 어떻게 마무리되었는지]",
    },
}
# A figure for a past result; a target for a plan or a method.
RESULT_FIGURE = {"en": "[measurable result]", "ko": "[결과 수치]"}
TARGET_FIGURE = {"en": "[target figure]", "ko": "[목표 수치]"}


# Checking back on it afterwards: the follow-up a question about people asks for ("며칠 뒤 함께
# 확인하겠습니다", "I would check in with her the next week").
_FOLLOW_UP = re.compile(
    r"\b(?:follow(?:ed|ing)? up|check(?:ed|ing)? (?:back|in)|circle back)\b|"
    r"(?:뒤|후|다음 날|다음 주)에? [^.]{0,30}?(?:다시 |함께 |직접 )?(?:확인|점검|살펴)|다시 확인",
    re.I,
)


def classify(t: TaggedSentence, question_type: str, first: bool, people: bool = False) -> str:
    """Which part of the answer a sentence belongs to (`people`: the question is about people,
    where checking back afterwards is the measure of success)."""
    phases = t.phases
    if "reflection" in phases:
        return "reflection"
    if question_type == "behavioral":
        if "situation" in phases and "action" not in phases:
            return "situation"
        if "task" in phases and "action" not in phases:
            return "task"
        if "result" in phases:
            return "result"
        return "action" if t.is_action or not first else "situation"
    if "situation" in phases:
        return "example"  # a past case offered as proof of the method
    if "result" in phases or (t.verification and not t.sequence and not first):
        return "result"
    if people and not first and _FOLLOW_UP.search(t.text):
        return "result"
    if t.contrast and (t.condition or t.causal) and not first:
        return "risk"
    if first:
        return "approach"
    return "action"


def _structure_from_sample(sample: str, question_type: str, language: str) -> list[str]:
    default = list(SLOTS_BY_TYPE.get(question_type, SLOTS_BY_TYPE["behavioral"]))
    if not sample.strip():
        return default
    pairs = [(sentence, 0) for sentence in split_sentences(normalize(sample))]
    tagged = tag_sentences(pairs, markers_for(language), language)
    order: list[str] = []
    for t in tagged:
        slot = classify(t, question_type, first=t.index == 0)
        if slot not in order:
            order.append(slot)
    # Parts a strong answer needs but the sample happens to leave implicit go where they belong.
    for i, slot in enumerate(default):
        if slot not in order and slot in ("action", "result"):
            order.insert(min(i, len(order)), slot)
    # What came of it (or how success would be measured) follows the steps, whatever sentence of
    # the sample happened to mention a result first: a gap for it after the opening sentence
    # would interrupt the steps it measures.
    if order.index("result") < order.index("action"):
        order.remove("result")
        order.insert(order.index("action") + 1, "result")
    return order


_PROMISE = re.compile(
    r"\b(?:i will|i'll|i am going to|i'm going to|i promise|going forward|from now on|in future|"
    r"in the future)\b|겠습니다|겠다|앞으로|다짐",
    re.I,
)
_ASPIRATION = re.compile(
    r"\b(?:strive|striving|peak performance|exceed(?:ing)? (?:all |every |your )?expectations|"
    r"above and beyond|extra mile|my (?:very )?best|my all|best of my abilit|\d{3}%|"
    r"never stop (?:learning|improving|growing)|continuous(?:ly)? (?:learn|improv|grow)|"
    r"to the fullest|excellence in everything)|최선을 다|기대 이상|기대를 뛰어넘|끊임없이 노력|"
    r"항상 노력|늘 노력|열정을 다|최고의 (?:성과|결과|모습)|전력을 다|열심히|성실히|부지런히|"
    r"\bwork(?:ing)? (?:really |very )?hard(?:er)?\b",
    re.I,
)


_QUOTED_OR_LISTED = re.compile(r"[\[\]\"“”:()]")
# A question that asks why (a motive: "Why do you want to leave…", "지원 동기", "이유").
_MOTIVE = re.compile(r"\bwhy\b|동기|이유|계기", re.I)


def _continues(t: TaggedSentence, topic: set[str]) -> bool:
    """A sentence without evidence that still carries the case: not hollow, about what the
    question and the sentences kept so far are about (a word of theirs), and plain prose: text
    in quotes, brackets or after a colon is where a note to the evaluator hides."""
    if (t.hollow and not _grounded_view(t)) or _QUOTED_OR_LISTED.search(t.text):
        return False
    return bool(topic & set(content_stems(t.text)))


def _grounded_view(t: TaggedSentence) -> bool:
    """A view that carries what it rests on: the step it puts first ("결측치는 먼저 왜 비어
    있는지를 확인하는 것이 중요하다고 생각합니다") or its grounds ("귀사는 중소기업 여신 비중이
    높고, 최근 공급망 금융 상품을 출시한 점이 … 맞는다고 생각했습니다"). Only the opinion makes
    it hollow; "소통이 가장 중요하다고 생각합니다" has nothing else."""
    if not t.opinion or t.claim or t.vaguely_said or _ASPIRATION.search(t.text):
        return False
    return bool(t.sequence) or len(content_stems(t.text)) >= 10


def _keeps(t: TaggedSentence, evidence: set[int], topic: set[str]) -> bool:
    """Whether a sentence earns its place: it carries evidence and is not about the speaker.
    Insults never stay; the user's own lesson always does; a vague promise ("열심히 하겠습니다",
    "I will do my best") says nothing an interviewer can check."""
    if t.deflection or t.personal or has_insult(t.text):
        return False
    # A promise about the future ("앞으로도 열심히 하겠습니다") is not a lesson, however it opens,
    # nor is one made of striving and surpassing, however long ("I will always strive to …
    # exceed expectations", "앞으로도 최선을 다해 기대 이상의 성과를 내겠습니다").
    if t.vague and not t.numbers and len(content_stems(t.text)) <= 3:
        return False
    if not t.numbers and _PROMISE.search(t.text) and _ASPIRATION.search(t.text):
        return False
    if "reflection" in t.phases and not t.claim:
        return True
    # The user's own setting is context, not evidence, but the story needs it: dropping it would
    # put a "[situation: …]" gap where they had told it.
    if {"situation", "task"} & t.phases.keys() and not t.claim:
        return True
    # A step said with doubt ("I would probably use a token bucket") is still the step the
    # answer turns on: the ideal answer keeps it and says it without the doubt. Padding and
    # other questions' answers were set aside before these sentences were tagged: one without
    # evidence stays when it carries the case in words the field's vocabulary does not list
    # ("The code is a base62 encoding of an auto-increment id", "먼저 어떤 데이터를 캐시할지
    # 정해야 합니다").
    if t.index not in evidence and not t.hedged_step and not _continues(t, topic):
        return False
    return not (t.claim and not t.numbers)


def _unhedged(t: TaggedSentence) -> str:
    if not t.hedged_step:
        return t.text
    return re.sub(rf"\b{re.escape(t.hedge)}\s+", "", t.text, count=1, flags=re.I)


def compose(s: Signals) -> str:
    lang = "ko" if s.language == "ko" else "en"
    question = s.question
    slots = _structure_from_sample(question.sample_answer, question.type, question.language)
    rank = {slot: i for i, slot in enumerate(slots)}
    evidence = set(s.relevance.evidence_sentences)
    kept: list[tuple[str, TaggedSentence]] = []
    # Another question's answer has nothing to keep: the ideal answer is the structure to fill.
    off_topic = bool(s.flag_codes & {"off_topic", "copied_question"})
    people = about_people(question)
    # What the case is about: the question's words and those of every sentence kept so far.
    topic = set(
        content_stems(
            " ".join([question.text, *(t.text for t in s.sentences if t.index in evidence)])
        )
    )
    for t in s.sentences:
        if not off_topic and _keeps(t, evidence, topic):
            topic |= set(content_stems(t.text))
            slot = classify(t, question.type, first=t.index == 0, people=people)
            kept.append((slot if slot in rank else "action" if "action" in rank else slots[-1], t))
    speaker = asks_about_speaker(question.text)
    if (s.structure.opener_out_of_order or s.structure.order < 0.5) and not speaker:
        # A jumbled story is retold in the structure's order; a well-told one keeps its own, and
        # so does an answer about the speaker ("Why do you want to leave…", "제 약점은…"), which
        # is no story to put in order.
        kept.sort(key=lambda pair: rank[pair[0]])
    # Such a question asks for no setting or role, and one that asks why (a motive) for no
    # steps or result either: its gaps are only the points it never covered.
    gaps = [
        slot
        for slot in slots
        if not (speaker and (slot in ("situation", "task") or _MOTIVE.search(question.text)))
    ]

    missing = (
        s.relevance.missing
        if s.relevance.keyword_source == "expected" and s.keywords_checked
        else []
    )
    terms = missing or s.relevance.question_terms[:3]
    joined = ", ".join(terms[:3])
    topic = (f" — {joined} 중심으로" if lang == "ko" else f", covering {joined}") if terms else ""
    present = {slot for slot, _ in kept}
    # A sentence that says one's role while acting ("I was on call, so I rolled back…",
    # "당직이었던 저는 … 롤백해") fills the task part as well as the action; one that ends the
    # story with its lesson ("결국 장애 없이 전환을 마쳤고, 이후로는 … 습관이 생겼습니다") the
    # result as well as the lesson.
    present |= {p for _, t in kept for p in t.phases if p in ("situation", "task", "result")}
    last_result = max((i for i, (slot, _) in enumerate(kept) if slot == "result"), default=-1)
    # ... wherever the result was told: "At a manufacturing company where I was assistant
    # controller, this took the close from 11 days to 6" holds the setting and the result.
    quantified = any(
        t.numbers or t.none for slot, t in kept if slot == "result" or "result" in t.phases
    )

    parts: list[str] = []
    emitted: set[str] = set()

    behavioral = question.type == "behavioral"
    figure = (RESULT_FIGURE if behavioral else TARGET_FIGURE)[lang]
    placeholders = {**PLACEHOLDERS[lang], **(PEOPLE_PLACEHOLDERS[lang] if people else {})}

    def fill_gaps(up_to: int) -> None:
        for slot in slots[:up_to]:
            if slot in gaps and slot not in present and slot not in emitted:
                emitted.add(slot)
                key = (
                    {"action": "steps", "result": "success"}.get(slot, slot)
                    if not behavioral
                    else slot
                )
                parts.append(placeholders[key].format(topic=topic))

    for i, (slot, t) in enumerate(kept):
        fill_gaps(rank[slot])
        text = _unhedged(t)
        if (
            i == last_result
            and not quantified
            and not people
            and "result" in gaps
            and "result" in t.phases
        ):
            # A result that happened asks for its measure, a planned one for its target; a
            # check that a hypothesis holds ("…인터뷰로 가설을 검증하겠습니다") has no target.
            shown = RESULT_FIGURE[lang] if in_past(text, lang) else figure
            text = text.rstrip(".") + f" ({shown})."
        parts.append(text)
    fill_gaps(len(slots))
    if missing:
        # What the answer never covered goes last, as a note to add, not inside the story.
        parts.append(PLACEHOLDERS[lang]["also"].format(terms=", ".join(missing[:4])))
    return " ".join(parts)


def has_placeholders(ideal: str) -> bool:
    return "[" in ideal
