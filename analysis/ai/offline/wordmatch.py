"""Whether two stems are one word: English stems that share all but a letter ("decid",
"decision"), Korean stems one inside the other or sharing two syllables ("순위", "우선순위"),
one verb's conjugations ("정하", "정할", "정했") and one noun's particles ("건이", "건의"); and the
stems of a sentence as topicality.py compares them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .text import content_stem, is_clitic_stopword, join_slashed, tokens


def stem_set(words: str) -> set[str]:
    out = set()
    for tok in tokens(words):
        s = content_stem(tok)
        out.add((s or tok).lower())
    return out


_COMPOUND = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")


def sentence_stems(sentence: str) -> set[str]:
    # A hyphenated compound is one word ("end-to-end" is not "end"; "rate-limited" one verb).
    sentence = join_slashed(_COMPOUND.sub(lambda m: m.group(0).replace("-", ""), sentence))
    out = set()
    for tok in tokens(sentence):
        s = content_stem(tok)
        if s and not is_clitic_stopword(tok):
            out.add(s.lower())
        elif tok[:1].isascii() and tok[:1].isalpha() and len(tok) >= 2 and tok.isupper():
            out.add(tok.lower())  # acronyms: "DNS", "CAC"
    return out


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


# English words that share their first letters but not their meaning: a question about a
# product is not answered by a story of production (an outage, a rollback), nor one about access
# by accessibility. Each stem belongs to the longest of these it starts with; two stems of
# different ones are two words ("produced" belongs to none and is still "production").
_FALSE_FRIENDS = (
    "product",
    "production",
    "productiv",
    "custom",
    "customer",
    "access",
    "accessib",
)


def _friend(stem: str) -> str:
    return max((f for f in _FALSE_FRIENDS if stem.startswith(f)), key=len, default="")


def _hangul(stem: str) -> bool:
    return "가" <= stem[:1] <= "힣"


@lru_cache(maxsize=131072)
def same_word(a: str, b: str) -> bool:
    """Stems of one word: "decid" ~ "decision", "느려" ~ "느려졌", "순위" ~ "우선순위"."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if _hangul(a) and _hangul(b):
        if len(short) < 2:
            return False
        return (
            short in long
            or (len(short) >= 3 and _common_prefix(a, b) >= 2)
            or (len(a) == len(b) and a[:-1] == b[:-1] and _one_ending(a[-1], b[-1]))
        )
    return (
        len(short) >= 4
        and _common_prefix(a, b) >= max(4, len(short) - 1)
        and _friends(_friend(a), _friend(b))
    )


def _friends(x: str, y: str) -> bool:
    return not x or not y or x == y


# Vowels a verb's last syllable changes between when it is conjugated: 하/해, 꾸/꿔, 보/봐,
# 기/겨, 쓰/써 (정하/정할/정해, 바꾸/바꿔/바꿨). 하/화 (정하, 정화) are two words.
_VOWEL_PAIRS = {(0, 1), (13, 14), (8, 9), (6, 20), (4, 18)}  # ㅏㅐ ㅜㅝ ㅗㅘ ㅕㅣ ㅓㅡ
# The final consonants a conjugated syllable takes: none, ㄴ (한), ㄹ (할), ㅁ (함), ㅂ (합),
# ㅆ (했).
_VERB_FINALS = {0, 4, 8, 16, 17, 20}
_IEUNG = 11  # ㅇ as the first consonant of a syllable
# A one-syllable noun and its particle ("건이", "건의"): the same noun.
_PARTICLES = set("이가은는을를의에도와과로")


def _one_ending(x: str, y: str) -> bool:
    """Whether two last syllables are one verb's conjugations (same initial consonant, the
    same or paired vowel, any final consonant) or one noun's particles."""
    if x in _PARTICLES and y in _PARTICLES:
        return True
    if not ("가" <= x <= "힣" and "가" <= y <= "힣"):
        return False
    cx, cy = ord(x) - 0xAC00, ord(y) - 0xAC00
    if cx // 588 != cy // 588:
        return False
    vx, vy = cx % 588 // 28, cy % 588 // 28
    if not (cx % 28 in _VERB_FINALS and cy % 28 in _VERB_FINALS):
        return False  # 사람/사랑: two nouns
    if cx // 588 == _IEUNG and {vx, vy} == {0, 18}:
        return True  # the 으 that drops before 아: 모으/모아/모았
    return vx == vy or (min(vx, vy), max(vx, vy)) in _VOWEL_PAIRS


def prefix_hit(stem: str, terms: set[str]) -> bool:
    return stem in terms or any(same_word(stem, t) for t in terms)


class StemIndex:
    """`prefix_hit(term, stems)` for many terms against one answer's stems: an English stem is
    one word with another only when they share their first four letters, so it is compared with
    those alone (a long answer against every term of the bank had cost a second)."""

    def __init__(self, stems: set[str]):
        self.stems = stems
        self.by_prefix: dict[str, list[str]] = {}
        # Korean stems by each pair of syllables they hold, and two-syllable ones by their first:
        # two Korean stems are one word only when one holds the other (so holds its first pair),
        # they share their first two syllables, or they differ in the last syllable alone.
        self.by_pair: dict[str, list[str]] = {}
        self.two_syllables: dict[str, list[str]] = {}
        for s in stems:
            if _hangul(s):
                for pair in {s[i : i + 2] for i in range(len(s) - 1)}:
                    self.by_pair.setdefault(pair, []).append(s)
                if len(s) == 2:
                    self.two_syllables.setdefault(s[0], []).append(s)
            elif len(s) >= 4:
                self.by_prefix.setdefault(s[:4], []).append(s)

    def hit(self, term: str) -> bool:
        if term in self.stems:
            return True
        if _hangul(term):
            return any(same_word(term, s) for s in self._korean_candidates(term))
        return len(term) >= 4 and any(same_word(term, s) for s in self.by_prefix.get(term[:4], ()))

    def _korean_candidates(self, term: str) -> Iterator[str]:
        for i in range(len(term) - 1):
            yield from self.by_pair.get(term[i : i + 2], ())
        if len(term) == 2:
            yield from self.two_syllables.get(term[0], ())

    def fit(self, terms: set[str]) -> int:
        return sum(1 for t in terms if self.hit(t))
