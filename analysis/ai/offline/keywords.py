"""Finding terms in an answer: expected keywords, the question's own key terms, category vocabulary.

`TermIndex` is built once per answer; every lookup is a dictionary hit, so matching a few hundred
vocabulary terms against a 5,000-character answer stays well under a millisecond or two."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .standins import stand_in_words
from .text import HANGUL_RE, TOKEN_RE, en_stem, is_clitic_stopword, ko_forms, ko_noun, tokens
from .thesaurus import COMPOUND_PARTICLES, KEYWORD_EQUIVALENTS
from .vocab import CATEGORY_TERMS, GENERAL
from .word_lists import (
    EN_QUESTION_WORDS,
    EN_STOPWORDS,
    KO_QUESTION_WORDS,
    KO_STOPWORDS,
    QUESTION_FRAMING,
)


def _is_hangul(text: str) -> bool:
    return "가" <= text[:1] <= "힣"


# Loanwords that start with another word of the field and are not a compound of it: a login is
# no log ("로그인 기능"), a database no data, a cashback no cache, serverless no server.
_OTHER_WORD = {
    "로그": ("로그인", "로그아웃"),
    "데이터": ("데이터베이스",),
    "캐시": ("캐시백",),
    "서버": ("서버리스",),
}


def _hangul_key_of(token: str, key: str) -> bool:
    """Whether `key` names `token`: a particle-free form of it ("협업" in "협업했고"), or any
    prefix of two or more syllables, so a compound ("코드리뷰를", "고객사") is found by its head."""
    if any(token.startswith(word) for word in _OTHER_WORD.get(key, ())):
        return False
    return token.startswith(key) and (len(key) >= 2 or key in ko_forms(token))


def _latin_key_of(token: str, key: str) -> bool:
    low = token.lower()
    return key in (low, en_stem(low))


@lru_cache(maxsize=8192)
def term_parts(term: str) -> tuple[str, ...]:
    """A term as the keys it must match, word by word: "A/B test" -> ("a", "b", "test")."""
    parts = []
    for tok in tokens(term):
        if _is_hangul(tok):
            parts.append(ko_noun(tok) or tok)
        else:
            parts.append(en_stem(tok.lower()))
    return tuple(parts)


_PLAIN_JOIN = re.compile(r" ?[-/&+] ?| {1,2}")


def stand_ins(term: str) -> tuple[str, ...]:
    """The words that name what a one-word `term` of a typed question names
    (thesaurus.STAND_INS): "boss" for "manager", "선배" for "동료"."""
    parts = term_parts(term)
    return stand_in_words(parts[0]) if len(parts) == 1 else ()


@dataclass(frozen=True)
class Match:
    term: str
    surface: str  # the words as the answer wrote them, for quoting
    position: int  # token index of the first word

    @property
    def shown(self) -> str:
        """How feedback names the match: the answer's own spelling for Latin script
        ("Postgres"), the bare stem for Korean ("배포", not "배포했고")."""
        return self.term if HANGUL_RE.search(self.term) else self.surface


class TermIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        found = list(TOKEN_RE.finditer(text))
        self.tokens = [m.group(0) for m in found]
        self._spans = [m.span() for m in found]
        self._latin: dict[str, list[int]] = {}
        self._hangul: dict[str, list[int]] = {}
        for i, tok in enumerate(self.tokens):
            if _is_hangul(tok):
                self._hangul.setdefault(tok, []).append(i)
            else:
                low = tok.lower()
                self._latin.setdefault(low, []).append(i)
                stemmed = en_stem(low)
                if stemmed != low:
                    self._latin.setdefault(stemmed, []).append(i)
        # Korean keys are prefixes of the words they name: a sorted list finds them by bisection.
        self._hangul_sorted = sorted(self._hangul)

    def __len__(self) -> int:
        return len(self.tokens)

    def _key_positions(self, key: str) -> list[int]:
        if not _is_hangul(key):
            return self._latin.get(key, [])
        out: list[int] = []
        for tok in self._hangul_sorted[bisect_left(self._hangul_sorted, key) :]:
            if not tok.startswith(key):
                break
            if _hangul_key_of(tok, key):
                out.extend(self._hangul[tok])
        return out

    def _positions_of(self, parts: tuple[str, ...]) -> list[int]:
        if not parts:
            return []
        found: list[int] = []
        for start in self._key_positions(parts[0]):
            end = start + len(parts)
            if end > len(self.tokens):
                continue
            if all(
                (_hangul_key_of if _is_hangul(parts[k]) else _latin_key_of)(
                    self.tokens[start + k], parts[k]
                )
                for k in range(1, len(parts))
            ):
                found.append(start)
        if len(parts) > 1 and all(_is_hangul(p) for p in parts):
            # Korean compounds are often written without the space: "코드리뷰".
            found.extend(-1 - i for i in self._key_positions("".join(parts)))
        return found

    @staticmethod
    def _start(position: int) -> tuple[int, bool]:
        """Decode a position: negative ones mark a compound found inside a single word."""
        return (-1 - position, True) if position < 0 else (position, False)

    def find(self, term: str) -> Match | None:
        parts = term_parts(term)
        positions = self._positions_of(parts)
        if not positions:
            return None
        start, joined = min((self._start(p) for p in positions), key=lambda sp: sp[0])
        width = 1 if joined else len(parts)
        # Quoted as written when only a hyphen, a slash or spaces join its words ("A/B test",
        # "p-value"); words across a full stop, a bracket or a line break are joined by a space.
        first, last = self._spans[start][0], self._spans[start + width - 1][1]
        written = self.text[first:last]
        joins = [
            self.text[self._spans[k][1] : self._spans[k + 1][0]]
            for k in range(start, start + width - 1)
        ]
        plain = all(_PLAIN_JOIN.fullmatch(j) for j in joins)
        surface = written if plain else " ".join(self.tokens[start : start + width])
        return Match(term=term, surface=surface, position=start)

    def find_loose(self, term: str, owner: list[int]) -> Match | None:
        """`term` said in other words within one sentence (`owner`: each token's sentence): its
        parts in any order, each as itself or an everyday equivalent ("재발 방지" in "재발을
        막았습니다", "원인 분석" in "분석해 … 원인임을"), and a verb-particle compound as a verb
        and its particle ("rollback" in "rolled the deploy back")."""
        parts = term_parts(term)
        ordered = False
        if len(parts) == 1 and not _is_hangul(parts[0]):
            # A compound's own equivalents first: "rollback" is said "reverted" as well as
            # "rolled … back".
            whole = [
                p
                for key in KEYWORD_EQUIVALENTS.get(parts[0], ())
                for p in self._key_positions(key)
                if p < len(owner)
            ]
            if whole:
                return Match(term=term, surface=term, position=min(whole))
            head = next(
                (parts[0][: -len(p)] for p in COMPOUND_PARTICLES if parts[0].endswith(p)), ""
            )
            if len(head) >= 3:
                parts, ordered = (head, parts[0][len(head) :]), True
        if not parts:
            return None
        where: list[dict[int, list[int]]] = []
        for part in parts:
            by_sentence: dict[int, list[int]] = {}
            for key in (part, *KEYWORD_EQUIVALENTS.get(part, ())):
                for p in self._key_positions(key):
                    if p < len(owner):
                        by_sentence.setdefault(owner[p], []).append(p)
            where.append(by_sentence)
        for sentence in sorted(set.intersection(*(set(w) for w in where))):
            first = min(where[0][sentence])
            if ordered and not any(0 < p - first <= 4 for p in where[1][sentence]):
                continue
            return Match(term=term, surface=term, position=first)
        return None

    def find_part(self, term: str) -> Match | None:
        """Any part of `term` (or its everyday equivalent) on its own: "incident" for
        "incident response"."""
        positions = [
            p
            for part in term_parts(term)
            for key in (part, *KEYWORD_EQUIVALENTS.get(part, ()))
            for p in self._key_positions(key)
        ]
        if not positions:
            return None
        return Match(term=term, surface=term, position=min(positions))

    def count(self, term: str) -> int:
        return len(self._positions_of(term_parts(term)))

    def positions(self, term: str) -> list[int]:
        """Token index of every occurrence of `term`."""
        return sorted(self._start(p)[0] for p in self._positions_of(term_parts(term)))

    def match_all(self, terms: tuple[str, ...] | list[str]) -> list[Match]:
        """The distinct terms found, each once, in the order given."""
        seen: set[tuple[str, ...]] = set()
        out = []
        for term in terms:
            parts = term_parts(term)
            if not parts or parts in seen:
                continue
            seen.add(parts)
            match = self.find(term)
            if match:
                out.append(match)
        return out


_NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"}
    | {"twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand"}
    | {"half", "double", "twice", "several", "dozen"}
)


def question_terms(question: str, limit: int = 8) -> list[str]:
    """The words of a question that name its topic ("debug", "production", "incident"), used when
    the question comes without expected keywords."""
    out: list[str] = []
    seen: set[str] = set()
    previous = ""
    for tok in tokens(question):
        number = tok[:1].isdigit() or tok.lower() in _NUMBER_WORDS
        after_number, previous = previous in _NUMBER_WORDS or previous[:1].isdigit(), tok.lower()
        if number or after_number:  # "3개월째", "2 weeks", "two days": units, not topics
            continue
        if HANGUL_RE.match(tok):
            noun = ko_noun(tok)
            if not noun or noun in KO_STOPWORDS or noun in KO_QUESTION_WORDS:
                continue
            if noun in QUESTION_FRAMING:
                continue
            term, key = noun, noun
        else:
            low = tok.lower()
            key = en_stem(low)
            if (
                len(low) < 3
                or low in EN_STOPWORDS
                or is_clitic_stopword(low)  # "you've", "what's", "can't"
                or low in EN_QUESTION_WORDS
                or key in EN_QUESTION_WORDS
                or low in QUESTION_FRAMING
            ):
                continue
            term = low.removesuffix("'s")  # "stakeholder's": the term is the stakeholder
        if key not in seen:
            seen.add(key)
            out.append(term)
    return out[:limit]


def category_specific_terms(category: str, language: str) -> tuple[str, ...]:
    lang = "ko" if language == "ko" else "en"
    return CATEGORY_TERMS.get(category, {}).get(lang, ())


def general_terms(language: str) -> tuple[str, ...]:
    return GENERAL["ko" if language == "ko" else "en"]


def reference_terms(sample_answer: str, category: str, language: str, limit: int = 8) -> list[str]:
    """Domain terms the sample answer uses: what a strong answer to this question talks about."""
    if not sample_answer:
        return []
    index = TermIndex(sample_answer)
    found = index.match_all(category_specific_terms(category, language))
    found.sort(key=lambda m: m.position)
    return [m.term for m in found[:limit]]
