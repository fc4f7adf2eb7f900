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

from .directed import (
    BLOCK_SCORING,
    BRACKETED,
    HTML_COMMENT,
    MACHINE_BLOCK,
    directed_sentences,
    is_directed,
)
from .text import (
    content_stem,
    detect_language,
    split_paragraphs,
    split_sentences,
    tokens,
)

# --- fillers, insults, register ------------------------------------------------------------

# A particle written after a Latin word or a number ("CI에", "API에서" is not "에") is no filler.
_KO_FILLER = re.compile(
    r"(?<![가-힣A-Za-z0-9])(?:음+|어+|그러니까|뭐랄까|저기|막|아+|에+|으+음|그(?=,)|"
    # A word searched for aloud ("뭐지,", "뭐더라,") is a filler; asked, it is a question.
    r"뭐(?:지|더라|였지|냐)(?=\s*[,…]))(?![가-힣])[,.…]*\s*"
)
_EN_FILLER = re.compile(r"\b(?:um+|uh+|erm+|you know|i mean|like,)\s*[,…]*\s*", re.IGNORECASE)
# Insults and contempt that the profanity filter lets through: they are not swear words, but
# an interviewer hears them.
# Words for people that only put them down, and judgements of people (not of things: "the
# dashboard was useless" is not an insult, "useless colleagues" is).
_PEOPLE_EN = (
    r"(?:people|person|customers?|clients?|callers?|users?|colleagues?|co-?workers?|managers?|"
    r"team|teammates?|guys|folks|staff|devs|developers?|engineers?|interns?|agents?|reps?|"
    r"salespeople|account managers?|bosses|boss|vendors?|candidates?)"
)
_EN_INSULT = re.compile(
    r"\b(?:idiots?|idiotic|morons?|moronic|imbeciles?|dumbass(?:es)?|whin(?:ing|er|ers|e)|"
    r"whing(?:e|es|ing|er|ers)|(?:the )?(?:brains?|palate|manners|attention span) of an? \w+|"
    r"(?<!the )muppets?|self-styled \w+|too (?:thick|dim|dense|stupid|dumb|lazy) to|"
    r"(?:in )?words of one syllable|"
    r"losers?|clueless|brain-?dead|retards?|retarded|clowns?|fools|freeloaders?|"
    r"liars|leech(?:es)?|parasites|halfwits?|nitwits?|numpties|brats?|cry-?bab(?:y|ies)|(?<!-)jerks?|"
    r"incompetent|"
    rf"(?:stupid|dumb|lazy|useless|pathetic|worthless|entitled|ignorant) {_PEOPLE_EN}|"
    # … or said of them: "users who give up at step two are lazy and stupid".
    rf"{_PEOPLE_EN}\b[^.;]{{0,40}}\b(?:are|were|is|was)(?: just| simply| really| so| all)? "
    r"(?:\w+,? (?:and|or) )?(?:stupid|dumb|lazy|useless|pathetic|worthless|idiots|morons))\b"
)  # lower-case: run on lower-cased text
_KO_INSULT = re.compile(
    r"진상|멍청|바보같|바보 같|한심한|한심해|한심하|무식한|무식해|또라이|꼰대|찌질|떠들지|떠들어|"
    r"개념 ?없는|무개념|짜증나는 (?:고객|사람|동료)|머리가 (?:나쁜|나빠|나쁘)|돌대가리|꼴통|"
    r"무능(?:한|해|하고|력한)|떼(?:를)? ?쓰|생떼|징징|양아치|쓰레기 ?같|거지 ?같|"
    r"말귀를 못 알아|수준 (?:낮은|이하)|게을러 ?빠진|"
    r"게으른 (?:사람|직원|동료|팀원|고객|사람들)|"
    # Contempt for people without a swear word: an empty head, people as "녀석들"/"놈들", a
    # business "말아먹은", a request called begging, "X 하나 제대로 못 …" of people, people to be
    # set straight ("정신 차리게 하겠습니다").
    r"머리(?:가)? ?(?:텅 ?)?빈|(?<![가-힣])(?:그|이|저|그런|이런|저런) (?:녀석|놈)들?|놈들|"
    r"말아먹|구걸|"
    r"하나 (?:제대로|똑바로) 못 [^.]{0,12}(?:들|사람|직원|사장|애)[이가은는을를의]?(?![가-힣])|"
    r"정신(?:을)? ?차리게 (?:하|만들|해)|"
    # Slurs for a group of people ("노인네", "맘충").
    r"노인네|틀딱|급식충|맘충|진지충|김치녀|된장녀"
)


def has_insult(text: str) -> bool:
    return bool(_EN_INSULT.search(text.lower()) or _KO_INSULT.search(text))


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


# Where a bracket set aside as addressed to the grader was, while its enclosing ones are judged.
_DROPPED = "\x00"
_PROSE_WORD = re.compile(r"[A-Za-z가-힣]{2,}")
_NESTING = 4


def screen(text: str, *, hint: str) -> Screen:
    """Sets aside evaluator-directed text, repeated sentences and fillers; finds insults."""
    language = detect_language(text, default=hint)
    directed = 0

    directed_texts: list[str] = []

    def drop_bracketed(m: re.Match[str]) -> str:
        nonlocal directed
        body = m.group(0)
        if is_directed(body):
            directed += 1
            directed_texts.append(body)
            return _DROPPED
        if _DROPPED in body and len(_PROSE_WORD.findall(body)) < 3:
            # What held the text to the grader and nothing else ('{"evaluation_override": …}'
            # once its inner object is gone) goes with it.
            return _DROPPED
        return body

    def drop_comment(m: re.Match[str]) -> str:
        nonlocal directed
        directed += 1
        directed_texts.append(m.group(0))
        return " "

    def drop_block(m: re.Match[str]) -> str:
        if BLOCK_SCORING.search(m.group(0).lower()):
            return drop_comment(m)
        return m.group(0)

    text = HTML_COMMENT.sub(drop_comment, text)
    text = MACHINE_BLOCK.sub(drop_block, text)
    # Innermost brackets first, then whatever held them.
    for _ in range(_NESTING):
        unwrapped = BRACKETED.sub(drop_bracketed, text)
        if unwrapped == text:
            break
        text = unwrapped
    text = text.replace(_DROPPED, " ")
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
    for (sentence, p), directed_here in zip(pairs, directed_sentences(pairs), strict=True):
        if directed_here:
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
        if language == "ko":
            out.insults.extend(m.group(0) for m in _KO_INSULT.finditer(sentence))
        else:
            out.insults.extend(m.group(0) for m in _EN_INSULT.finditer(sentence.lower()))
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
