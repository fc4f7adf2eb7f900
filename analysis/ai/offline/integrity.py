"""What the answer is, before how good it is: text addressed to the evaluator, repeated
sentences, fillers, insults, the other language (see topicality.py for which sentences answer
the question asked).

`screen` runs on the raw text and returns the sentences worth scoring plus what was set aside;
`judge_relevance` decides, sentence by sentence, which of them answer *this* question. Both are
lexical and deterministic: a question's topic terms (its own words, expected keywords, and a
small thesaurus of interview concepts in both languages) against each sentence, with a sentence
that shares the answer's core vocabulary counted as part of the same answer."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .text import (
    content_stem,
    detect_language,
    split_paragraphs,
    split_sentences,
    tokens,
)

# --- text addressed to the evaluator -------------------------------------------------------

# Always an instruction to whoever scores the answer, never part of an answer.
_DIRECTED_STRONG = re.compile(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier|preceding) "
    r"(?:instructions?|prompts?|rules|messages?)|"
    r"(?:disregard|ignore|override) (?:the |your |all )?(?:scoring|grading|rubric|rules|"
    r"instructions?|criteria)|system (?:note|prompt|message|instruction)|"
    r"\bassistant\s*:|\byou are now\b|\bas an ai\b|"
    r"(?:output|return|print|respond with|set) (?:a |the )?(?:total|score|scores|grade)\b|"
    r"\b25\s*/\s*25\b|\b100\s*/\s*100\b|\bfull marks\b|"
    r"\b(?:score|rate|grade|mark) (?:it|this|me|this answer) (?:a |an )?\d+\b|"
    r"\btotal (?:of )?100\b|"
    r"시스템 ?(?:안내|지시|메시지|프롬프트|공지)|이전 지시|지시(?:를|사항을)? 무시|프롬프트|"
    r"(?:총점|점수를?) ?\d+ ?점(?:을|으로)? (?:출력|부여|주십|줘|주세요|매겨)|"
    r"만점을 (?:주|부여|출력)|"
    r"모든 (?:항목|기준|영역)에 ?\d+ ?점",
    re.IGNORECASE,
)
# Who is addressed, and what is asked of them: both must be there.
_DIRECTED_ADDRESS = re.compile(
    r"\b(?:evaluator|grader|assessor|examiner|scorer|whoever is (?:grading|scoring|reading)|"
    r"dear (?:reviewer|interviewer|ai|model)|to the (?:ai|model|reviewer))\b|"
    r"(?:채점자|평가자|심사위원|면접관)(?:님)?(?:께|에게|께서|은|는|님)",
    re.IGNORECASE,
)
_DIRECTED_DEMAND = re.compile(
    r"\b(?:highest|maximum|max|perfect|top|full|best) (?:score|mark|marks|grade|rating)s?\b|"
    r"\b(?:give|rate|score|mark|grade|award)\b[^.]{0,30}\b(?:25|100|full|highest|maximum|"
    r"perfect|top)\b|\bmodel answer\b|\bevery (?:criterion|point you)|"
    r"최고점|만점|최고 점수|\d+ ?점을? (?:주|부여)|모범 ?답안|모든 기준을 충족",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\[[^\[\]]{0,600}\]|\([^()]{0,600}\)|\{[^{}]{0,600}\}")


def is_directed(text: str) -> bool:
    """Whether `text` speaks to the evaluator rather than to the question."""
    return bool(
        _DIRECTED_STRONG.search(text)
        or (_DIRECTED_ADDRESS.search(text) and _DIRECTED_DEMAND.search(text))
    )


# --- fillers, insults, register ------------------------------------------------------------

_KO_FILLER = re.compile(
    r"(?<![가-힣])(?:음+|어+|그러니까|뭐랄까|저기|막|아+|에+|으+음)(?![가-힣])[,.…]*\s*"
)
_EN_FILLER = re.compile(r"\b(?:um+|uh+|erm+|you know|i mean|like,)\s*[,…]*\s*", re.IGNORECASE)
# Insults and contempt that the profanity filter lets through: they are not swear words, but
# an interviewer hears them.
_EN_INSULT = re.compile(
    r"\b(?:idiots?|morons?|moronic|imbeciles?|dumbass(?:es)?|stupid (?:people|customers?|clients?|"
    r"users?|colleagues?|managers?|team)|whin(?:ing|er|ers|e)|losers?|clueless|brain-?dead|"
    r"retards?|retarded)\b",
    re.IGNORECASE,
)
_KO_INSULT = re.compile(
    r"진상|멍청|바보같|바보 같|한심한|한심해|무식한|무식해|또라이|꼰대|찌질|떠들지|떠들어|"
    r"개념 ?없는|짜증나는 (?:고객|사람|동료)|머리가 나쁜"
)


def has_insult(text: str) -> bool:
    return bool(_EN_INSULT.search(text) or _KO_INSULT.search(text))


# 반말 sentence endings ("했어", "할 거야", "했지"): no 요, no 니다.
_KO_BANMAL = re.compile(
    r"(?:거야|했어|였어|었어|았어|할게|했지|하자|잖아|거든|는데|했다고|이야|냐|니)[.!?…\"']*$"
)
_KO_POLITE_END = re.compile(r"(?:니다|니까|요|죠)[.!?…\"']*$")


@dataclass
class Screen:
    """What `screen` found and what it kept."""

    answer_language: str
    sentences: list[tuple[str, int]]  # (sentence, paragraph) worth scoring, in order
    directed: int = 0  # spans or sentences addressed to the evaluator, set aside
    directed_texts: list[str] = field(default_factory=list)
    cleaned: str = ""  # the answer without the text addressed to the evaluator
    repeats: int = 0  # sentences dropped as repeats of an earlier one
    max_repeat: int = 1  # how often the most repeated sentence appears
    fillers: Counter[str] = field(default_factory=Counter)
    insults: list[str] = field(default_factory=list)
    banmal: int = 0
    polite: int = 0
    total_sentences: int = 0


def _signature(sentence: str) -> frozenset[str]:
    return frozenset(s for s in map(content_stem, tokens(sentence)) if s)


def screen(text: str, *, hint: str) -> Screen:
    """Sets aside evaluator-directed text, repeated sentences and fillers; finds insults."""
    language = detect_language(text, default=hint)
    directed = 0

    directed_texts: list[str] = []

    def drop_bracketed(m: re.Match[str]) -> str:
        nonlocal directed
        if is_directed(m.group(0)):
            directed += 1
            directed_texts.append(m.group(0))
            return " "
        return m.group(0)

    text = _BRACKETED.sub(drop_bracketed, text)
    pairs: list[tuple[str, int]] = []
    for p, paragraph in enumerate(split_paragraphs(text)):
        for sentence in split_sentences(paragraph):
            pairs.append((sentence, p))
    out = Screen(
        answer_language=language,
        sentences=[],
        directed=directed,
        directed_texts=directed_texts,
    )
    out.total_sentences = len(pairs)
    kept_raw: dict[int, list[str]] = {}
    seen: list[frozenset[str]] = []
    counts: Counter[frozenset[str] | str] = Counter()
    for sentence, p in pairs:
        if is_directed(sentence):
            out.directed += 1
            out.directed_texts.append(sentence)
            continue
        kept_raw.setdefault(p, []).append(sentence)
        filler_re = _KO_FILLER if language == "ko" else _EN_FILLER
        found = [m.group(0).strip(" ,.…").lower() for m in filler_re.finditer(sentence)]
        if found:
            out.fillers.update(found)
            sentence = filler_re.sub("", sentence).strip()
            sentence = sentence[:1].upper() + sentence[1:] if language == "en" else sentence
        if not re.search(r"\w", sentence):
            continue
        out.insults.extend(
            m.group(0) for m in (_KO_INSULT if language == "ko" else _EN_INSULT).finditer(sentence)
        )
        if language == "ko":
            out.banmal += bool(_KO_BANMAL.search(sentence))
            out.polite += bool(_KO_POLITE_END.search(sentence))
        # A repeat is the same sentence, or one with the same content words (near-verbatim).
        key = _signature(sentence)
        plain = re.sub(r"\W+", " ", sentence.lower()).strip()
        duplicate = plain in counts or (
            len(key) >= 3 and any(len(key & k) / len(key | k) >= 0.85 for k in seen)
        )
        counts[plain] += 1
        if duplicate:
            out.repeats += 1
            continue
        seen.append(key)
        out.sentences.append((sentence, p))
    out.max_repeat = max([1, *counts.values()])
    out.cleaned = "\n\n".join(" ".join(ss) for ss in kept_raw.values())
    out.insults = list(dict.fromkeys(i.lower() if language == "en" else i for i in out.insults))
    return out
