"""Whether an answer's word stands in for a typed question's own (thesaurus.STAND_INS), as whole
words: the loose matching of question words (wordmatch.py: a shared prefix, one Korean word
inside another) would make "directly" a "director" and "동기화" a "동기"."""

from __future__ import annotations

from collections.abc import Iterable

from .text import content_stem
from .thesaurus import STAND_IN_ROOTS, STAND_INS


def _stem(word: str) -> str:
    return (content_stem(word) or word).lower()


_BY_STEM = {
    _stem(key): frozenset(_stem(w) for w in words.split()) for key, words in STAND_INS.items()
}
_ROOTS = frozenset(_stem(root) for root in STAND_IN_ROOTS)


def stand_ins_for(stems: Iterable[str]) -> frozenset[str]:
    """The stems that stand in for the question's `stems` (each its own word, not a prefix)."""
    out: set[str] = set()
    for stem in stems:
        out |= _BY_STEM.get(stem, frozenset())
    return frozenset(out)


def stands_in(stem: str, stand_ins: frozenset[str]) -> bool:
    """`stem` is one of `stand_ins`, with the honorific ("팀장님") or, for a Korean verb root,
    any ending ("부딪혔")."""
    if stem in stand_ins or (stem.endswith("님") and stem[:-1] in stand_ins):
        return True
    return any(stem.startswith(root) for root in _ROOTS & stand_ins)


def stand_in_words(stem: str) -> tuple[str, ...]:
    """The answer words (as written in STAND_INS) that stand in for one question stem."""
    for key, words in STAND_INS.items():
        if _stem(key) == stem:
            return tuple(words.split())
    return ()


def stood_for(question_stems: Iterable[str], answer_stems: Iterable[str]) -> list[str]:
    """The question's stems the answer says in other words ("target" for "quota")."""
    answer = set(answer_stems)
    out = []
    for stem in sorted(set(question_stems)):
        words = _BY_STEM.get(stem)
        if words and any(stands_in(a, words) for a in answer):
            out.append(stem)
    return out
