"""Integrity flags as the user reads them: a stable code and a message in the session's
language. The scorer stores codes and parameters; the message is rendered when the result is
shown, so it follows the catalogue in force."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .ai.types import FLAG_CODES

LANGUAGE_NAMES = {"ko": gettext_lazy("Korean"), "en": gettext_lazy("English")}

MESSAGES = {
    "language_mismatch": gettext_lazy(
        "The answer is in %(answer_language)s but this session is in %(session_language)s. It "
        "was scored on its content; answer in %(session_language)s to practise for the interview."
    ),
    "off_topic": gettext_lazy(
        "The answer does not address the question that was asked: it reads as an answer to a "
        "different question, so understanding and job fit are capped."
    ),
    "copied_question": gettext_lazy(
        "Most of the answer repeats the question's own words instead of answering it."
    ),
    "repetition": gettext_lazy(
        "The same sentence is repeated (%(times)s times); it was counted once."
    ),
    "padding": gettext_lazy(
        "%(count)s sentences are unrelated to the question and were left out of the score."
    ),
    "evaluator_directed": gettext_lazy(
        "Text addressed to the evaluator was ignored: it is not part of an answer."
    ),
    "abusive_tone": gettext_lazy(
        "Insulting wording (%(words)s) lowers job fit: an interviewer would hear it."
    ),
}
assert set(MESSAGES) == set(FLAG_CODES)


def flag_message(flag: dict[str, Any], session_language: str) -> str:
    code = flag.get("code", "")
    if code not in MESSAGES:
        return ""
    with translation.override(session_language or "en"):
        params = {
            "answer_language": _(str(LANGUAGE_NAMES.get(flag.get("answer_language", ""), "?"))),
            "session_language": _(str(LANGUAGE_NAMES.get(session_language, "?"))),
            "times": flag.get("times", 0),
            "count": flag.get("count", 0),
            "words": ", ".join(f'"{w}"' for w in flag.get("words", ())),
        }
        return str(MESSAGES[code]) % params


def flags_for_display(flags: list[dict[str, Any]], session_language: str) -> list[dict[str, str]]:
    """[{code, message}] for the API and the pages, in the session's language."""
    return [
        {"code": f["code"], "message": flag_message(f, session_language)}
        for f in flags or ()
        if f.get("code") in MESSAGES
    ]
