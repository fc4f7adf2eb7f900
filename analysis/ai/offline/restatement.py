"""Whether an answer says the question back: sentence by sentence, most of a sentence's words
are the question's (or everyday synonyms of them), little is new, and what is new only says the
question matters."""

from __future__ import annotations

import re
from functools import lru_cache

from .thesaurus import PARAPHRASE_GROUPS
from .wordmatch import prefix_hit, stem_set

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
    "serious issu something case experienc sooner later seem reason"
)


@lru_cache(maxsize=65536)
def _is_empty(stem: str) -> bool:
    return prefix_hit(stem, EMPTY)


def _paraphrases(stems: set[str]) -> set[str]:
    """The question's words and their everyday synonyms."""
    out = set(stems)
    for group in _PARAPHRASE:
        if any(prefix_hit(s, group) for s in stems):
            out |= group
    return out


def restatement(
    q_stems: set[str], sentences: list[str], per_sentence: list[set[str]], in_question: set[str]
) -> tuple[list[int], bool]:
    """The sentences that restate the question (`in_question`: the answer's stems that are the
    question's), and whether the answer as a whole is the question said back."""
    n = len(sentences)
    everything = set().union(*per_sentence) if per_sentence else set()
    # Restating the question: most content words are the question's (or everyday synonyms of
    # them: "fell" for "dropped", "급격히" for "갑자기"), little is new, and what is new only says
    # the question matters ("important", "중요", "핵심").
    synonyms = _paraphrases(q_stems) - q_stems
    restated = in_question | {
        s for s in everything - in_question if _is_empty(s) or prefix_hit(s, synonyms)
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
        if len(from_question) / len(stems) >= 0.5 and novel <= 3 and own_words >= 2:
            echo.append(i)
    novel_total = everything - restated
    copied = n > 0 and len(echo) >= max(1, n * 0.5) and len(novel_total) <= 10
    return echo, copied
