"""Answer input rules (DESIGN §7): 10-5000 characters, letters of any language, no control
characters, no profanity in Korean or English."""

from __future__ import annotations

import itertools
import re
import unicodedata

from django.conf import settings
from django.utils.translation import gettext as _

from interview_platform.api.errors import ApplicationError, ErrorType

# Whole English words only, so "Scunthorpe", "assessment", "cocktail" or "class" never trip it.
_EN_PROFANITY = re.compile(
    r"\b(?:fuck\w*|f\*+ck\w*|shit(?:s|ty|head\w*)?|bullshit\w*|bitch\w*|cunts?|asshole\w*|"
    r"motherfuck\w*|dickheads?|bastards?|wankers?|twats?|arseholes?|asshats?|dipshits?|"
    r"shitholes?|jackass(?:es)?)\b",
    re.IGNORECASE,
)
# Korean swear words, matched word by word (a word is a run of Hangul): at the start of a word
# they carry a particle or a suffix ("씨발", "병신같은"), and a word that merely contains the
# syllables ("시발점", "새끼손가락", "수박씨") is not one.
_KO_WORD_START = (
    "씨발",
    "씨바",
    "씨팔",
    "시팔",
    "씹새",
    "씹할",
    "병신",
    "개새끼",
    "개새기",
    "개색기",
    "개같은",
    "지랄",
    "염병",
    "니미럴",
    "존나",
    "존니",
    "좆",
    "썅",
    "미친놈",
    "미친년",
    "또라이새끼",
)
_KO_ANYWHERE = ("좆", "씨발", "개새끼")
# "시발" is also a noun's head ("시발점", "시발역"): a swear word only when what follows is not.
_KO_SIBAL = re.compile(r"^시발(?!점|역|택시|착)")
# "병신" is also 丙申, a year of the sexagenary cycle: 병신년 (the year), 병신생 (born in it),
# 병신일/병신월. The same word called out to someone ("병신년아") stays an insult.
_KO_BYEONGSIN_YEAR = re.compile(r"^병신(?:년|생|일|월)(?!아|놈|들)")
_KO_STRETCHED = re.compile(r"^(씨|시)이+(발|팔)")
_KO_JAMO = re.compile(r"(?<![ㄱ-ㅎ])(ㅅㅂ|ㅆㅂ|ㅂㅅ|ㅈㄴ|ㅄ|ㅗ)(?![ㄱ-ㅎ])")
# Imperatives that are also ordinary verbs ("전원이 꺼져 결제가 안 됐다", "위기가 닥쳐"): rude only
# when they end the sentence and follow no subject.
_KO_IMPERATIVE = re.compile(
    r"(?:^|[^가-힣])([가-힣]*?)\s*(꺼져|닥쳐)(?:라|요)?\s*(?=[.!?~…]|$)", re.M
)
# "이 새끼", "그 새끼야": 새끼 alone is a baby animal or a little finger ("새끼손가락").
_KO_SAEKKI = re.compile(
    r"(?:^|[^가-힣])(?:이|그|저|개|미친|이런|저런) ?(새끼|새기)(?:야|들|가|는|를|들아)?(?![가-힣])"
)
_HANGUL_RUN = re.compile(r"[가-힣]+")


def _korean_profanity(text: str) -> str | None:
    """The swear word as the user wrote it ("좆같은", not "좆"), so they see what to change."""
    words = _HANGUL_RUN.findall(text)
    for word in words:
        for root in _KO_WORD_START:
            if word.startswith(root) and not _KO_BYEONGSIN_YEAR.match(word):
                return word
        if _KO_SIBAL.match(word) or _KO_STRETCHED.match(word):
            return word
        for root in _KO_ANYWHERE:
            if root in word and not word.startswith(root):
                return word
    # Syllables split by spaces or symbols to dodge a filter: "씨 발", "시.발", "병 신".
    for first, second in itertools.pairwise(words):
        if len(first) == 1 and len(second) == 1:
            joined = first + second
            if joined in ("씨발", "시발", "씨팔", "시팔", "병신", "지랄", "존나"):
                return joined
    jamo = _KO_JAMO.search(text)
    if jamo:
        return jamo.group(1)
    for m in _KO_IMPERATIVE.finditer(text):
        before = m.group(1)
        if not (before and before[-1] in "이가은는"):
            return m.group(2)
    saekki = _KO_SAEKKI.search(text)
    if saekki:
        return saekki.group(1)
    return None


def find_profanity(text: str) -> str | None:
    """The first swear word in `text` as written (a Korean one with what is attached to it), or
    None."""
    english = _EN_PROFANITY.search(text)
    if english:
        return english.group(0)
    return _korean_profanity(text)


def contains_profanity(text: str) -> bool:
    return find_profanity(text) is not None


def _has_control_characters(text: str) -> bool:
    return any(
        unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co"} and ch not in "\n\r\t" for ch in text
    )


def normalize_answer(text: str) -> str:
    """NFC (Korean typed on macOS arrives decomposed), Windows newlines folded, edges trimmed."""
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").strip()


def validate_answer(text: str) -> str:
    """The cleaned answer, or an ApplicationError with a stable code."""
    text = normalize_answer(text)
    minimum, maximum = settings.ANSWER_MIN_LENGTH, settings.ANSWER_MAX_LENGTH
    if len(text) < minimum:
        raise ApplicationError(
            _("The answer is too short: write at least %(n)s characters.") % {"n": minimum},
            code="answer_too_short",
            type=ErrorType.VALIDATION,
            details={"fields": {"answer": [f"min {minimum}"]}, "length": len(text)},
        )
    if len(text) > maximum:
        raise ApplicationError(
            _("The answer is too long: keep it under %(n)s characters.") % {"n": maximum},
            code="answer_too_long",
            type=ErrorType.VALIDATION,
            details={"fields": {"answer": [f"max {maximum}"]}, "length": len(text)},
        )
    if _has_control_characters(text):
        raise ApplicationError(
            _("The answer contains control characters."),
            code="answer_invalid_characters",
            type=ErrorType.VALIDATION,
            details={"fields": {"answer": ["control characters"]}},
        )
    if not any(ch.isalpha() for ch in text):
        raise ApplicationError(
            _("The answer has no words in it."),
            code="answer_invalid_characters",
            type=ErrorType.VALIDATION,
            details={"fields": {"answer": ["no letters"]}},
        )
    word = find_profanity(text)
    if word:
        message = _('Please rephrase the answer without "%(word)s".') % {"word": word}
        raise ApplicationError(
            message,
            code="answer_profanity",
            type=ErrorType.VALIDATION,
            details={"fields": {"answer": [message]}, "word": word},
        )
    return text


def validate_answers(texts: list[str]) -> list[str]:
    """Validates every answer of a batch; one error names each failing item by its index."""
    cleaned, failures = [], {}
    for index, text in enumerate(texts):
        try:
            cleaned.append(validate_answer(text))
        except ApplicationError as exc:
            failures[index] = exc
    if failures:
        first = failures[min(failures)]
        raise ApplicationError(
            first.message,
            code=first.code,
            type=ErrorType.VALIDATION,
            details={"fields": {"items": {i: [exc.code] for i, exc in failures.items()}}},
        )
    return cleaned
