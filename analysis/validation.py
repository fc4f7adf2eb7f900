"""Answer input rules (DESIGN §7): 10-5000 characters, letters of any language, no control
characters, no profanity in Korean or English."""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.utils.translation import gettext as _

from interview_platform.api.errors import ApplicationError, ErrorType

# Whole English words only, so "Scunthorpe", "assessment" or "class" never trip the filter.
_EN_PROFANITY = re.compile(
    r"\b(fuck\w*|shit\w*|bitch\w*|cunt\w*|asshole\w*|motherfuck\w*|dickhead\w*|bastard\w*|"
    r"wanker\w*|bullshit)\b",
    re.IGNORECASE,
)
# Korean profanity is matched after removing spaces and symbols people insert to dodge filters
# ("씨 발", "시.발").
_KO_PROFANITY = (
    "씨발",
    "시발",
    "씨팔",
    "ㅅㅂ",
    "ㅆㅂ",
    "병신",
    "ㅂㅅ",
    "개새끼",
    "개새기",
    "좆",
    "지랄",
    "염병",
    "썅",
    "닥쳐",
    "꺼져",
    "미친놈",
    "미친년",
)
_KO_SQUASH = re.compile(r"[\s\W_\d]+", re.UNICODE)


def _has_control_characters(text: str) -> bool:
    return any(
        unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co"} and ch not in "\n\r\t" for ch in text
    )


def contains_profanity(text: str) -> bool:
    if _EN_PROFANITY.search(text):
        return True
    squashed = _KO_SQUASH.sub("", text)
    return any(word in squashed for word in _KO_PROFANITY)


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
    if contains_profanity(text):
        raise ApplicationError(
            _("Please rephrase the answer without profanity."),
            code="answer_profanity",
            type=ErrorType.VALIDATION,
            details={"fields": {"answer": ["profanity"]}},
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
