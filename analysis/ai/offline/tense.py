"""Whether an answer tells what happened (a case, in the past tense) or what would be done."""

from __future__ import annotations

import re
from itertools import pairwise

from .analyzer import Signals
from .word_lists import KO_PAST_SYLLABLE

_PAST_KO = re.compile(rf"{KO_PAST_SYLLABLE}(?:습니다|어요|다)[.!?…\"']*$")
_PAST_EN = re.compile(r"\b(?:was|were|had|did|went|took|made|found|\w{3,}ed)\b", re.IGNORECASE)
# A sentence about what would happen is not a past event, whatever verb it holds ("If it was
# not enough, I would …", "그랬다면 … 했을 것입니다").
_MODAL_EN = re.compile(r"\b(?:would|will|could|should|might|i'd|we'd|i'll|we'll)\b", re.I)
_MODAL_KO = re.compile(r"겠|ㄹ 것|을 것|할 것|텐데|다면")


def in_past(text: str, language: str) -> bool:
    """Whether one sentence tells what happened, not what would."""
    if language == "ko":
        return bool(_PAST_KO.search(text)) and not _MODAL_KO.search(text)
    return bool(_PAST_EN.search(text)) and not _MODAL_EN.search(text)


def told_in_past(s: Signals) -> bool:
    """Whether most sentences tell what happened (past tense) rather than what would be done."""
    pattern = _PAST_KO if s.language == "ko" else _PAST_EN
    past = sum(1 for t in s.sentences if pattern.search(t.text))
    return past * 2 >= len(s.sentences) > 0


def tells_a_case(s: Signals) -> bool:
    """Whether the answer tells a case that happened: two sentences in a row that say what
    happened, with no "would" in them (a plan may hold one past clause, a story holds more)."""
    past = [in_past(t.text, s.language) for t in s.sentences]
    return any(a and b for a, b in pairwise(past))
