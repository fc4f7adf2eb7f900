"""Is this answer closer to a different question than to the one asked?

Every question of the bank (`questions/bank/<language>/<category>.json`, read as data) is a
document: its text and expected keywords (twice) and its sample answer, in content stems, with
the thesaurus of topicality.py. An answer is compared by TF-IDF cosine (IDF over the bank of its
language) with the question asked and with every bank question. The asked question's own
*family* counts as the question asked: its nearest bank questions by the same measure (weight 1
from 15% above the fifth nearest's similarity or at cosine >= 0.3, falling to 0 at 15% below
it), so an answer that fits a neighbouring question ("a slow API" for "a performance problem")
is not off topic. `ratio` is the answer's similarity to the asked question (or its family) over
its similarity to the best question outside it: well under 1, the answer reads as an answer to
that other question.

Deterministic (sorted files, no randomness), no model: the index is built once per process
(about a second) and a 5,000-character answer is compared in a few milliseconds."""

from __future__ import annotations

import json
import math
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..types import QuestionContext
from .standins import stood_for
from .text import content_stem, is_clitic_stopword, join_slashed, normalize, tokens
from .topicality import expand

BANK_DIR = Path(__file__).resolve().parents[3] / "questions" / "bank"
FAMILY_FLOOR = 0.12
FAMILY_SIMILARITY = 0.2
ANSWER_FLOOR = 0.1


def terms(text: str) -> list[str]:
    out = []
    for tok in tokens(join_slashed(text)):
        s = None if is_clitic_stopword(tok) else content_stem(tok)
        if s:
            out.append(s.lower())
        elif tok[:1].isascii() and tok[:1].isalpha() and len(tok) >= 2 and tok.isupper():
            out.append(tok.lower())
    return out


def document(
    question: str, keywords: tuple[str, ...] | list[str], sample: str, *, asked: bool = False
) -> Counter[str]:
    """`asked`: the question an answer is given to, whose events are expanded to the words a
    story of them is told by; a bank document is compared by the words it has."""
    counts = Counter(terms(question) * 2)
    for keyword in keywords:
        counts.update(terms(keyword) * 2)
    counts.update(terms(sample))
    for stem in sorted(expand(set(counts), question=asked)):
        counts[stem] += 1
    return counts


Vector = dict[str, float]


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


@dataclass(frozen=True)
class BankEntry:
    key: str
    question: str
    vector: Vector


class BankIndex:
    def __init__(self, entries: list[tuple[str, str, Counter[str]]]):
        df: Counter[str] = Counter()
        for _key, _question, counts in entries:
            df.update(set(counts))
        n = len(entries)
        self._idf = {t: math.log((n + 1) / (k + 0.5)) for t, k in df.items()}
        self._unseen = math.log(n + 1)
        self.entries = [BankEntry(k, q, self.vector(c)) for k, q, c in entries]
        # Term -> (entry, weight): an answer is compared with every entry through the terms it
        # has, not entry by entry (a long answer has hundreds of terms, the bank hundreds of
        # entries).
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for i, entry in enumerate(self.entries):
            for t, x in entry.vector.items():
                self._postings.setdefault(t, []).append((i, x))

    def similarities(self, v: Vector) -> list[float]:
        """The cosine of `v` with every entry, in entry order."""
        out = [0.0] * len(self.entries)
        for t, x in v.items():
            for i, w in self._postings.get(t, ()):
                out[i] += x * w
        return out

    def vector(self, counts: Counter[str]) -> Vector:
        v = {t: (1 + math.log(k)) * self._idf.get(t, self._unseen) for t, k in counts.items() if k}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}


_index_lock = threading.Lock()


def bank_index(language: str, directory: str = str(BANK_DIR)) -> BankIndex | None:
    """The bank's index for `language`, built once per process: the worker's threads share one
    (lru_cache alone lets each thread that finds it missing build its own, ~0.7 s of CPU and
    ~8 MB each, kept alive by `_asked`'s cache)."""
    with _index_lock:
        return _bank_index(language, directory)


@lru_cache(maxsize=4)
def _bank_index(language: str, directory: str) -> BankIndex | None:
    entries = []
    for path in sorted(Path(directory, language).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for q in data.get("questions", []):
            text = q.get("question", "")
            entries.append(
                (
                    q.get("key", text),
                    normalize(text),
                    document(text, q.get("expectedKeywords", []), q.get("sampleAnswer", "")),
                )
            )
    return BankIndex(entries) if len(entries) >= 2 else None


@dataclass(frozen=True)
class BankMatch:
    own: float  # similarity to the question asked (or the nearest of its family)
    elsewhere: float  # similarity to the best bank question outside the family
    closest: str  # that question's text

    @property
    def ratio(self) -> float:
        # An answer that fits no bank question (the nearest under ANSWER_FLOOR shares only
        # what any two texts of a field share) reads as an answer to none of them.
        if self.elsewhere < ANSWER_FLOOR:
            return math.inf
        return self.own / self.elsewhere

    @property
    def places_here(self) -> bool:
        """Nearer the question asked (or its family) than any other, and near enough to mean it."""
        return self.own >= ANSWER_FLOOR and self.own > self.elsewhere


def family_of(similarities: list[float]) -> list[float]:
    """How far each bank question (by position) counts as the question asked, 0-1, from its
    similarity to it: none under FAMILY_FLOOR (what any two questions of the bank share), fully
    from FAMILY_SIMILARITY, in proportion between. A family of the five nearest put one of two
    near ties (0.108, 0.107) in it and counted the other, wholly, as "another question", and
    took in questions no nearer than the rest of the bank; with a weight, a small change of
    similarity is a small change of ratio."""
    span = FAMILY_SIMILARITY - FAMILY_FLOOR
    return [min(1.0, max(0.0, (s - FAMILY_FLOOR) / span)) for s in similarities]


@lru_cache(maxsize=256)
def _asked(
    index: BankIndex, text: str, keywords: tuple[str, ...], sample: str
) -> tuple[Vector, tuple[int, ...], tuple[float, ...]]:
    """The asked question's vector, the bank entries other than it and their family weights:
    the same for every answer to that question, so worked out once per process."""
    asked = index.vector(document(text, keywords, sample, asked=True))
    asked_text = normalize(text)
    others = tuple(i for i, e in enumerate(index.entries) if e.question != asked_text)
    near = index.similarities(asked)
    return asked, others, tuple(family_of([near[i] for i in others]))


def match(question: QuestionContext, answer: str, language: str) -> BankMatch | None:
    """How the answer compares with the question asked and with the rest of the bank."""
    index = bank_index(language)
    if index is None:
        return None
    asked, positions, family = _asked(
        index, question.text, tuple(question.expected_keywords), question.sample_answer
    )
    said = Counter(terms(answer))
    # The question's own words said in other words ("quota" for "target") count as its words.
    for stem in stood_for(terms(question.text), said):
        said[stem] += 1
    reply = index.vector(said)
    others = [index.entries[i] for i in positions]
    every = index.similarities(reply)
    fit = [every[i] for i in positions]
    own = max([_cosine(reply, asked), *(w * f for w, f in zip(family, fit, strict=True))])
    outside = [((1 - w) * f, i) for i, (w, f) in enumerate(zip(family, fit, strict=True)) if w < 1]
    if not outside:
        return BankMatch(own, 0.0, "")
    best, at = max(outside, key=lambda x: (x[0], -x[1]))
    return BankMatch(own, best, others[at].question)
