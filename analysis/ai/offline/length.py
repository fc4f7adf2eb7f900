"""Length adequacy and repetition.

A spoken answer of one to two minutes is about 150-300 English words or 300-900 Korean characters;
much shorter cannot show an approach, much longer loses the listener."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .text import HANGUL_RE, content_stem, ko_forms, tokens
from .word_lists import EN_STOPWORDS

# (words or characters where credit starts, where it is full, where concision starts to cost)
_BOUNDS = {"en": (12, 80, 480), "ko": (25, 180, 1400)}


# Units a schedule or a measure is told in ("Day 0, Day 3, Day 7", "from 8 hours to 2 hours"):
# the answer's structure, not a word leaned on.
_UNITS = frozenset(
    content_stem(unit) or unit
    for unit in ("day", "week", "month", "year", "hour", "minute", "percent")
)
# Honorific and auxiliary verb stems ("드리겠습니다", "주시면"): grammar, not a word leaned on.
_KO_AUXILIARIES = frozenset(
    {"드리", "드립", "드렸", "주시", "하시", "계시", "있으", "없으", "하겠"}
)


@dataclass(frozen=True)
class LengthSignals:
    words: int
    chars: int  # without spaces
    factor: float  # 0..1: how much room the answer gave itself to show anything
    too_short: bool
    too_long: bool
    repeated: list[tuple[str, int]]  # content words leaned on too often
    repetition: float  # share of content words that are excess repeats
    duplicate_sentences: int
    prose: float  # 1.0 for ordinary sentences, towards 0 for a bare list of terms


# Share of function words in ordinary speech is well above these (English: stopwords, over 0.38
# in every graded answer; Korean: words carrying a particle or ending, over 0.53); a list of
# buzzwords sits near zero.
_PROSE_FLOOR = {"en": 0.3, "ko": 0.45}


def prose_ratio(text: str, language: str) -> float:
    toks = tokens(text)
    if language == "ko":
        words = [t for t in toks if "가" <= t[0] <= "힣"]
        marked = sum(len(ko_forms(t)) > 1 for t in words)
    else:
        words = [t for t in toks if t[0].isalpha() and t[0].isascii()]
        marked = sum(t.lower() in EN_STOPWORDS for t in words)
    if not words:
        return 0.0
    return min(1.0, marked / len(words) / _PROSE_FLOOR["ko" if language == "ko" else "en"])


def _unit(text: str, language: str) -> int:
    return len(re.sub(r"\s", "", text)) if language == "ko" else len(text.split())


def length_factor(size: int, language: str) -> float:
    start, full, long = _BOUNDS["ko" if language == "ko" else "en"]
    if size <= start:
        return 0.0
    if size < full:
        return ((size - start) / (full - start)) ** 0.75
    if size <= long:
        return 1.0
    return max(0.75, 1.0 - (size - long) / (long * 4))


def analyze_length(
    text: str, sentences: list[str], language: str, *, asked: frozenset[str] = frozenset()
) -> LengthSignals:
    """`asked`: the stems of the question's own words. An answer about the year end says "year"
    often; that is its subject, not a word leaned on."""
    size = _unit(text, language)
    _, full, long = _BOUNDS["ko" if language == "ko" else "en"]
    stems: list[str] = []
    # Counted by stem, named by the form the answer uses most: "release", not "releas". (A
    # Korean stem is the word without its particle, "배포" for 배포가 and 배포를: named as it is.)
    said: dict[str, Counter] = {}
    for token in tokens(text):
        stem = content_stem(token)
        if stem is not None:
            stems.append(stem)
            shown = stem if HANGUL_RE.search(token) else token.lower()
            said.setdefault(stem, Counter())[shown] += 1
    counts = Counter(stems)
    total = max(len(stems), 1)
    repeated = [
        (said[word].most_common(1)[0][0], n)
        for word, n in counts.most_common(5)
        if n >= 3
        and n / total >= (0.08 if total >= 25 else 0.12)
        and word not in _KO_AUXILIARIES
        and word not in _UNITS
        and word not in asked
    ]
    excess = sum(n - 2 for _, n in repeated)
    normalized = [re.sub(r"\W+", " ", s.lower()).strip() for s in sentences]
    duplicates = len(normalized) - len(set(normalized))
    return LengthSignals(
        words=len(text.split()),
        chars=len(re.sub(r"\s", "", text)),
        factor=length_factor(size, language),
        too_short=size < full * 0.45,
        too_long=size > long,
        repeated=repeated,
        repetition=min(1.0, excess / total + duplicates / max(len(sentences), 1)),
        duplicate_sentences=duplicates,
        prose=prose_ratio(text, language),
    )
