"""Whether an answer's word stands in for a typed question's own (thesaurus.STAND_INS), as whole
words: the loose matching of question words (wordmatch.py: a shared prefix, one Korean word
inside another) would make "directly" a "director" and "동기화" a "동기"."""

from __future__ import annotations

from collections.abc import Iterable

from .text import content_stem
from .thesaurus import STAND_IN_ROOTS, STAND_INS, STAND_INS_ONE_WAY


def _stem(word: str) -> str:
    return (content_stem(word) or word).lower()


def _stand_ins() -> dict[str, dict[str, str]]:
    """Question stem -> {stand-in stem: the stand-in as written}."""
    out: dict[str, dict[str, str]] = {}
    for group in STAND_INS:
        words = group.split()
        for word in words:
            out.setdefault(_stem(word), {}).update({_stem(w): w for w in words if w != word})
    for keys, words in STAND_INS_ONE_WAY.items():
        for key in keys.split():
            out.setdefault(_stem(key), {}).update({_stem(w): w for w in words.split()})
    return out


_WRITTEN = _stand_ins()
_BY_STEM = {key: frozenset(words) for key, words in _WRITTEN.items()}
_ROOTS = frozenset(_stem(root) for root in STAND_IN_ROOTS)


def stand_ins_for(stems: Iterable[str]) -> frozenset[str]:
    """The stems that stand in for the question's `stems` (each its own word, not a prefix)."""
    out: set[str] = set()
    for stem in stems:
        out |= _BY_STEM.get(stem) or _BY_STEM.get(_plain(stem), frozenset())
    return frozenset(out)


def stands_in(stem: str, stand_ins: frozenset[str]) -> bool:
    """`stem` is one of `stand_ins`, with the honorific ("팀장님") or, for a Korean verb root,
    any ending ("부딪혔")."""
    if not stand_ins:
        return False  # most questions have none: no work per word of the answer
    if stem in stand_ins or _plain(stem) in stand_ins:
        return True
    return any(stem.startswith(root) for root in _ROOTS & stand_ins)


def _plain(stem: str) -> str:
    """A Korean word without its honorific or plural ("팀장님" "이용자분들" "상사분")."""
    for suffix in ("님들", "분들", "님", "분", "들"):
        if stem.endswith(suffix) and len(stem) > len(suffix) + 1:
            return stem[: -len(suffix)]
    return stem


def stand_in_words(stem: str) -> tuple[str, ...]:
    """The words, as written, that stand in for one question stem."""
    written = _WRITTEN.get(stem) or _WRITTEN.get(_plain(stem), {})
    return tuple(sorted(written.values()))


def stood_for(question_stems: Iterable[str], answer_stems: Iterable[str]) -> list[str]:
    """The question's stems the answer says in other words ("target" for "quota")."""
    answer = set(answer_stems)
    out = []
    for stem in sorted(set(question_stems)):
        words = _BY_STEM.get(stem) or _BY_STEM.get(_plain(stem))
        if words and any(stands_in(a, words) for a in answer):
            out.append(stem)
    return out
