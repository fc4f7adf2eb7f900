"""Text normalization, sentence splitting and a light morphology for Korean and English.

Korean is agglutinative: "협업을", "협업했고", "협업하면서" all carry the noun "협업". Rather than a
dictionary-backed analyser (none is available offline), a token's *forms* are every prefix whose
remainder is a chain of known particles and verb endings; a keyword matches a token when it is one
of its forms. English gets a small suffix-stripping stemmer ("analyzed", "analyzing" -> "analyz").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .word_lists import EN_STOPWORDS, KO_PARTICLES, KO_PIECES, KO_STOPWORDS, KO_VERBAL

HANGUL_RE = re.compile(r"[가-힣]")
LATIN_RE = re.compile(r"[A-Za-z]")
# An apostrophe belongs to a word only inside it ("don't", "O'Brien"): a closing quote ("'hold
# short'") or a plural possessive ("the controllers'") is not part of the word.
TOKEN_RE = re.compile(r"[A-Za-z](?:[A-Za-z0-9+#]|'(?=[A-Za-z]))*|\d+(?:[.,]\d+)*|[가-힣]+")
# Sentence ends: . ! ? and their full-width forms, then closing quotes or brackets.
SENTENCE_END_RE = re.compile("(?<=[.!?\u3002\uff1f\uff01\u2026])[\"'\u201d\u2019)\\]]*\\s+|\n+")
PARAGRAPH_RE = re.compile(r"\n\s*\n")


_MAX_PIECE = max(len(p) for p in KO_PIECES)


def detect_language(text: str, default: str = "en") -> str:
    """'ko' when Hangul makes up a real share of the letters, else 'en'."""
    hangul = len(HANGUL_RE.findall(text))
    latin = len(LATIN_RE.findall(text))
    if hangul == 0 and latin == 0:
        return default
    # A Hangul syllable carries about three Latin letters' worth of text.
    return "ko" if hangul * 3 >= latin else "en"


# Control and invisible format characters (C0/C1 controls except tab and newline, zero-width
# spaces and joiners, bidi marks, BOM).
_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)


def normalize(text: str) -> str:
    """NFC, straight quotes, no control characters, single spaces; paragraph breaks kept."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.translate(
        {0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0x00A0: " ", 0x2013: "-", 0x2014: "-"}
    )
    text = _CONTROL_RE.sub("", re.sub(r"\r\n?", "\n", text))
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return text.strip()


def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in PARAGRAPH_RE.split(text) if p.strip()]


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for piece in SENTENCE_END_RE.split(text):
        piece = piece.strip()
        if not piece:
            continue
        # "9 p.m. and ...", "e.g. the ...": a lowercase start continues the sentence before it.
        if sentences and piece[0].islower() and piece[0].isascii() and sentences[-1][-1] == ".":
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return [s for s in sentences if re.search(r"\w", s)]


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


# Single letters joined by a slash name one thing ("A/B test", "I/O"): as two letters they were
# dropped, and "an A/B test" shared only "test" with the bank's A/B questions.
_SLASHED = re.compile(r"(?<![A-Za-z/])([A-Za-z])/([A-Za-z])(?![A-Za-z/])")


def join_slashed(text: str) -> str:
    """ "A/B" as the acronym "AB" it stands for, so that it is kept as a term."""
    return _SLASHED.sub(lambda m: (m.group(1) + m.group(2)).upper(), text)


@lru_cache(maxsize=4096)
def _is_ko_chain(rest: str, depth: int = 0) -> bool:
    if not rest:
        return True
    if depth >= 5:
        return False
    for size in range(min(_MAX_PIECE, len(rest)), 0, -1):
        if rest[:size] in KO_PIECES and _is_ko_chain(rest[size:], depth + 1):
            return True
    return False


@lru_cache(maxsize=65536)
def ko_forms(token: str) -> tuple[str, ...]:
    """The token and each of its prefixes that leaves only particles/endings behind."""
    forms = [token]
    for cut in range(len(token) - 1, 0, -1):
        if _is_ko_chain(token[cut:]):
            forms.append(token[:cut])
    return tuple(forms)


@lru_cache(maxsize=65536)
def ko_stem(token: str) -> str:
    """The shortest form of two or more syllables ("협업했고" -> "협업"); one-syllable nouns keep
    their particle ("팀을" stays whole) because single syllables are too ambiguous to strip to."""
    candidates = [f for f in ko_forms(token) if len(f) >= 2]
    return min(candidates, key=len) if candidates else token


_NOUN_HEADS = KO_PARTICLES | KO_VERBAL
_NOT_NOUN_FINALS = frozenset("게며면히다요죠고")
# Syllables that end a verb stem, never a noun ("해결하셨" is not a noun; "권한" is).
_VERB_FINALS = frozenset("하했해합되됐돼됩셨었았였겠습니켰")


def _starts_with_noun_suffix(rest: str) -> bool:
    return any(
        rest.startswith(piece) and _is_ko_chain(rest[len(piece) :], 1) for piece in _NOUN_HEADS
    )


def _past_tense_final(syllable: str) -> bool:
    """A syllable closed by ㅆ ("렸", "졌", "웠"): the past tense of a verb; no noun ends so."""
    return "가" <= syllable <= "힣" and (ord(syllable) - 0xAC00) % 28 == 20


# The honorific 시 of a verb addressed to the listener ("있으신가요", "관리하시는지", "해보신",
# "이끄신"): after 하/되/이 it follows a noun ("관리", "팀장"), after the others a verb stem.
_KO_HONORIFIC = re.compile("(하|되|이|으|계|보|주|드|끄)(?:시|신|실|셨|셔|십)")
# Bound nouns, counters and the stems of 있다/없다/같다: with a particle ("중인", "적이", "것을",
# "수억 건이", "없이") they frame the topic, they name none.
_KO_BOUND_HEADS = frozenset("것중적점수줄데뿐듯때건번곳있없같않못")


def _honorific(token: str) -> re.Match[str] | None:
    """The honorific 시 a verb ends with, followed by nothing but endings."""
    for m in _KO_HONORIFIC.finditer(token):
        if _is_ko_chain(token[m.end() :]):
            return m
    return None


def _one_syllable_noun(head: str, rest: str) -> bool:
    """Whether a one-syllable `head` + `rest` may be a noun and its particle ("팀을", "앱이") or
    a noun of its own ("회의", "권한"), not a verb stem and its ending ("같은", "않는",
    "원하는", "정해야") nor a bound noun ("것을", "중에서")."""
    if head in _KO_BOUND_HEADS or rest[0] in "은는":
        return False
    # One syllable of 하다 may end a noun ("권한", "포함", "피해"); two are an ending.
    return len(rest) < 2 or not rest.startswith(tuple(KO_VERBAL))


@lru_cache(maxsize=65536)
def ko_noun(token: str) -> str | None:
    """The noun a Korean word is built on ("원인을" -> "원인", "개선하시겠습니까" -> "개선"), or
    None for predicates and adverbs ("느려졌습니다", "크게", "있으신가요", "원하는")."""
    if _is_ko_chain(token):
        return None
    honorific = _honorific(token)
    if honorific is not None:
        head = token[: honorific.start()]
        return head if honorific.group(1) in "하되이" and len(head) >= 2 else None
    forms = ko_forms(token)
    for form in forms[1:]:
        if form[-1] in _VERB_FINALS and len(form) > 1:
            continue
        if _past_tense_final(form[-1]):  # "갈렸" + "을": a verb in the past tense, no noun
            continue
        if form[-1] == "으":  # "통계적으" + "로": the particle is "으로"
            continue
        rest = token[len(form) :]
        # "도입하거" + "나", "개선하지" + "만", "진행하면서" + "도": a verb and its endings, a
        # particle among them.
        cut = len(form)
        if any(
            form[cut - k - 1] in _VERB_FINALS and _is_ko_chain(token[cut - k :])
            for k in (1, 2)
            if cut > k + 1
        ):
            continue
        # "같다는", "멈춘다고", "검토하다가": a verb quoted or cut short, not a noun ending in 다.
        if form[-1] == "다" and (rest[0] in "는고" or form[-2:-1] in _VERB_FINALS):
            continue
        # "평가받는": after a final consonant the topic particle is "은", so "는" ends a verb.
        if rest[0] == "는" and has_batchim(form):
            continue
        if _starts_with_noun_suffix(rest):
            if len(form) >= 2:
                return form
            # A one-syllable noun cannot be told from a word ending in a particle-like syllable
            # ("회의" is not "회" + "의"), so the whole word stands.
            return token if _one_syllable_noun(form, rest) else None
    if len(forms) > 1 or len(token) < 2 or token[-1] in _NOT_NOUN_FINALS:
        return None
    if token[0] in _KO_BOUND_HEADS and token[1] == "인":  # "중인", "적인": 이다 after a bound noun
        return None
    return token


_EN_SUFFIXES = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("isation", "ize"),
    ("fulness", "ful"),
    ("iveness", "ive"),
    ("ations", ""),
    ("ation", ""),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ities", ""),
    ("ity", ""),
    ("ingly", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ed", ""),
    ("ly", ""),
    ("s", ""),
)


@lru_cache(maxsize=65536)
def en_stem(word: str) -> str:
    """A small, predictable stemmer: enough for "prioritize"/"prioritization", "test"/"testing"."""
    w = word.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3 or not w.isalpha():
        return w
    for suffix, replacement in _EN_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                continue
            w = w[: -len(suffix)] + replacement
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 4 and w.endswith(("ize", "ise")):
        w = w[:-3]
    if len(w) > 6 and w.endswith("at"):
        w = w[:-2]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return w


def stem(token: str) -> str:
    if HANGUL_RE.match(token):
        return ko_stem(token)
    if token[:1].isdigit():
        return token
    return en_stem(token)


_EN_CLITIC = re.compile(r"'(?:s|re|ve|ll|d|m|t)$")


def is_clitic_stopword(token: str) -> bool:
    """ "what's", "they're", "isn't": a stopword with a clitic ("what", "they", "isn")."""
    return "'" in token and _EN_CLITIC.sub("", token.lower()) in EN_STOPWORDS


# Bound nouns and existence verbs that carry no meaning with any ending ("것은", "있고", "때는").
_KO_EMPTY_HEADS = frozenset("것있없같때")
_KO_DO_HEADS = frozenset("하했해되됐돼")


def _ko_empty(token: str) -> bool:
    """A Korean word that is only a bound noun or 하다/되다 with endings ("것이", "있으면", "하면",
    "했고"): it says nothing about the subject."""
    if not HANGUL_RE.match(token):
        return False
    if token[0] in _KO_EMPTY_HEADS and _is_ko_chain(token[1:]):
        return True
    return token[0] in _KO_DO_HEADS and _is_ko_chain(token)


def is_stopword(token: str, stemmed: str) -> bool:
    low = token.lower()
    return (
        low in EN_STOPWORDS
        or token in KO_STOPWORDS
        or stemmed in KO_STOPWORDS
        or len(stemmed) < 2
        or _ko_empty(token)
    )


@lru_cache(maxsize=65536)
def content_stem(token: str) -> str | None:
    """The token's stem when it carries meaning, None for stopwords and bare numbers."""
    if token[:1].isdigit():
        return None
    s = stem(token)
    return None if is_stopword(token, s) else s


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stopwords, no bare numbers)."""
    return [s for s in map(content_stem, tokens(text)) if s is not None]


def has_batchim(word: str) -> bool:
    """Whether the last Hangul syllable ends in a consonant (picks 을/를, 이/가, 과/와...)."""
    for ch in reversed(word):
        if "가" <= ch <= "힣":
            return (ord(ch) - 0xAC00) % 28 != 0
        if ch.isdigit():
            return ch in "0136789"
        if ch.isalpha():
            return ch.lower() in "blmnr"
    return False


def josa(word: str, with_final: str, without_final: str) -> str:
    """`word` + the particle form its last syllable needs: josa("협업", "을", "를") -> "협업을"."""
    return word + (with_final if has_batchim(word) else without_final)


def clip(text: str, limit: int = 80) -> str:
    """A quotable excerpt: whole words, an ellipsis when cut."""
    text = text.strip().rstrip(".")
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(",;: ") + "…"


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    lower: str
    paragraph: int
