"""Whether an answer says the question back: sentence by sentence, most of a sentence's words
are the question's (or everyday synonyms of them), little is new, and what is new only says the
question matters; or as a whole, the question's situation said back with a promise to handle it
and no step, figure or case of its own, in whatever synonyms."""

from __future__ import annotations

import re
from functools import lru_cache

from .specificity import find_numbers
from .text import HANGUL_RE
from .thesaurus import PARAPHRASE_GROUPS
from .word_lists import KO_BOUND_JEOK
from .wordmatch import StemIndex, prefix_hit, sentence_stems, stem_set

# What the speaker says they learned is theirs, even in the question's words ("이 경험으로 배포 전
# 검증의 중요성을 배웠습니다"): never a restatement of the question.
_LESSON = re.compile(
    r"배웠|깨달|교훈|알게 되었|알게 됐|\b(?:i learned|i've learned|i learnt|taught me|"
    r"i realized|i realised)\b",
    re.IGNORECASE,
)

_PARAPHRASE = tuple(frozenset(stem_set(group)) for group in PARAPHRASE_GROUPS)
# What a restatement adds to the question: that it matters, that it is hard, that one will do it.
EMPTY = stem_set(
    "important importance crucial key matter matters essential critical hard "
    "difficult challeng common need necessary really very thing think believe sure "
    "중요 중요성 중요하 핵심 어렵 어려운 생각 필요 정말 매우 반드시 "
    # What frames a restatement without adding to it: "상황이라면", "어떤 기준으로", "신중하게".
    "상황 경우 기준 작업 고민 신중 안정적 역할 부분 과정 적절 철저 미리 빠짐없 무엇보다 "
    "serious issu something case experienc sooner later seem reason "
    # ... and what a promise to handle it says in place of a step ("in the right way", "properly").
    "situation proper properly appropriat right way"
)


@lru_cache(maxsize=65536)
def _is_empty(stem: str) -> bool:
    return prefix_hit(stem, EMPTY)


def _paraphrases(stems: set[str]) -> set[str]:
    """The question's words and their everyday synonyms."""
    out = set(stems)
    index = StemIndex(stems)
    for group in _PARAPHRASE:
        if any(index.hit(g) for g in group):
            out |= group
    return out


def restatement(
    question: str,
    keywords: tuple[frozenset[str], ...],
    sentences: list[str],
    per_sentence: list[set[str]],
    in_question: set[str],
) -> tuple[list[int], bool]:
    """The sentences that restate the question (`in_question`: the answer's stems that are the
    question's; `keywords`: the stems of its expected keywords), and whether the answer as a
    whole is the question said back. `keywords`: the stems of each expected keyword."""
    q_stems = sentence_stems(question)
    n = len(sentences)
    everything = set().union(*per_sentence) if per_sentence else set()
    # Restating the question: most content words are the question's (or everyday synonyms of
    # them: "fell" for "dropped", "급격히" for "갑자기"), little is new, and what is new only says
    # the question matters ("important", "중요", "핵심").
    synonyms = StemIndex(_paraphrases(q_stems) - q_stems)
    restated = in_question | {
        s for s in everything - in_question if _is_empty(s) or synonyms.hit(s)
    }
    echo = []
    for i, stems in enumerate(per_sentence):
        if not stems:
            continue
        from_question = [s for s in stems if s in restated]
        novel = len(stems) - len(from_question)
        # One word of the question and "important" is an empty opinion ("소통이 중요하다고
        # 생각합니다"), not the question said back: that takes two of its own words.
        own_words = sum(1 for s in stems if s in in_question)
        if _LESSON.search(sentences[i]):
            continue
        # A case of one's own told in the question's words, with details of its own ("배송이
        # 지연되어 화가 난 고객님을 응대한 적이 있습니다"): the story's opening.
        if novel >= 2 and (_ONE_TIME.search(sentences[i]) or _CASE.search(sentences[i])):
            continue
        # ... and the answer put in the question's words ("My biggest weakness is that I've had
        # trouble delegating"): what it is said to be is the answer's own.
        if novel >= 2 and _ANSWER_FORM.search(sentences[i]):
            continue
        if len(from_question) / len(stems) < 0.5 or novel > 3 or own_words < 2:
            continue
        # ... and an outcome in the question's words with figures of its own ("결과적으로 2년
        # 계약을 성사시켰고, 마진은 18%를 유지했습니다" to "마진을 지키면서 계약을 성사시킨 경험").
        if not _new_figures(question, sentences[i]):
            echo.append(i)
    novel_total = everything - restated
    copied = n > 0 and len(echo) >= max(1, n * 0.5) and len(novel_total) <= 10
    if not copied and 2 <= n <= 4:
        copied = _said_back(question, keywords, sentences, per_sentence, in_question, restated)
    return echo, copied


def _new_figures(question: str, sentence: str) -> bool:
    language = "ko" if HANGUL_RE.search(question) else "en"
    given = set(re.findall(r"\d+", question))
    said = find_numbers(sentence if language == "ko" else sentence.lower(), language)
    return any(not set(re.findall(r"\d+", figure)) <= given for figure in said)


# "My biggest weakness is…", "제 가장 큰 약점은 …": the question's thing, then what it is.
_ANSWER_FORM = re.compile(
    r"^(?:my|our) [^.,;]{0,40}?\b(?:is|was|are|were|has been|have been)\b|"
    r"^(?:제|저의|저희의?) [^.,;]{0,20}?[은는] ",
    re.IGNORECASE,
)
# "I would find a way to…", "…잘 대응하겠습니다", "I had to…": the promise a restatement ends on.
_PROMISE = re.compile(
    r"\bi(?:'ll| will| would|'d| am going to| had to| have to| need to)\b|겠습니다|겠다|"
    r"(?:해야|어야|아야) (?:합니다|한다)",
    re.IGNORECASE,
)
# "I had to work out how to respond", "어떻게 대응할지": a frame around the question's own verb.
_FRAME = re.compile(
    r"\b(?:work out|figure out|decide|think about|consider|explain|know) (?:how|what|whether)\b|"
    r"어떻게 [가-힣]+(?:할지|하는지|할 것인지)",
    re.IGNORECASE,
)
# The speaker at work in a sentence ("I", "our", "제가", "…겠습니다"): a keyword named there is a
# step of theirs; elsewhere ("the owner still wants a higher asking price") it is the situation.
_SPEAKER = re.compile(
    r"\b(?:i|i'm|i'd|i'll|i've|we|we'd|we'll|my|our|me|us)\b|"
    r"저는|제가|저희|제 |겠|드리|드렸|했습니다",
    re.IGNORECASE,
)


# "…한 적이 있습니다", "I once…", "There was a time…": a story of one's own begins.
_ONE_TIME = re.compile(
    KO_BOUND_JEOK + r"적이 있|\b(?:i|we) once\b(?! (?:read|heard|saw|told|said|a (?:day|week|"
    r"month|year|quarter))\b)|\bthere was a time\b|\bone (?:time|day|night|morning)\b",
    re.IGNORECASE,
)
# A case of one's own: when and where it happened ("last spring", "in 2021", "작년", "전 직장에서").
_CASE = re.compile(
    r"\b(?:last|this past) (?:year|month|week|spring|summer|autumn|fall|winter|quarter)\b|"
    r"\b(?:19|20)\d\d\b|\bat (?:my|our) (?:previous|last|former|old)\b|\bago\b|"
    r"작년|재작년|지난(?: ?해| ?달| ?주| ?분기)|(?:이전|전|예전) (?:직장|회사)|당시",
    re.IGNORECASE,
)


def _said_back(
    question: str,
    keywords: tuple[frozenset[str], ...],
    sentences: list[str],
    per_sentence: list[set[str]],
    in_question: set[str],
    restated: set[str],
) -> bool:
    """The question's situation said back in other words and a promise to handle it: each
    sentence says back the situation (two or more of the question's words, a good share of its
    own), judges it ("is a real challenge", "중요합니다"), frames it ("how to respond") or
    promises to handle it in the question's words; none names a step the question's expected
    keywords stand for (a keyword named whole by the speaker; said of others, "the owner wants a
    higher asking price", it is the situation), a figure the question does not give, or a case
    of its own."""
    if _CASE.search(" ".join(sentences)):
        return False
    if any(_new_figures(question, sentence) for sentence in sentences):
        return False
    promised = said = False
    for sentence, stems in zip(sentences, per_sentence, strict=True):
        if not stems:
            continue
        own = stems & in_question
        # A keyword the question itself says ("runway" in a runway question) names no step.
        speaker = bool(_SPEAKER.search(sentence))
        named = [
            k
            for k in keywords
            if k and all(prefix_hit(s, stems) for s in k) and not all(prefix_hit(s, own) for s in k)
        ]
        if speaker and named:
            return False
        if not speaker:
            own = own | {s for s in stems if any(prefix_hit(s, k) for k in keywords)}
        empty = stems & restated - own
        novel = stems - own - empty
        share = (len(own) + len(empty)) / len(stems)
        if _PROMISE.search(sentence) and len(own) >= 2 and share >= 0.4 and len(novel) <= 4:
            promised = True
            continue
        situation = len(own) >= 2 and share >= 0.35
        judged = bool(empty) and len(own) >= 1 and len(novel) <= 4
        framed = bool(_FRAME.search(sentence)) and len(own) >= 1
        if not (situation or judged or framed):
            return False
        # The situation is said back in three or more of the question's words somewhere.
        said = said or (situation and len(own) >= 3)
    return promised and said
