"""A follow-up question through OpenAI: one structured completion, the answer passed as fenced
data, and the output checked (a target not yet asked, a quote the candidate really wrote, quoted
in the question) before anyone sees it."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from ..base import InvalidAIOutput
from . import prompts
from .schemas import Wire
from .service import OpenAIService

FOLLOW_UP_PROMPT_VERSION = "follow-up-v1"
MAX_TOKENS = 600
MAX_ANSWER_CHARS = 5000

Target = Literal[
    "evidence",
    "method",
    "result",
    "tradeoff",
    "lesson",
    "understanding",
    "logic",
    "specificity",
    "job_fit",
    "none",
]


class FollowUpPayload(Wire):
    target: Target
    quote: str
    question: str


@dataclass(frozen=True)
class GeneratedFollowUp:
    target: str  # "none": the model found nothing worth probing
    quote: str
    question: str
    model: str


def _squashed(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def follow_up_generate(
    service: OpenAIService,
    *,
    question: str,
    answer: str,
    language: str,
    scores: dict[str, int | None],
    improvements: Sequence[str],
    asked_targets: Collection[str],
) -> GeneratedFollowUp:
    messages = prompts.render(
        "follow_up_v1",
        question=question,
        understanding=str(scores.get("understanding")),
        logic=str(scores.get("logic")),
        specificity=str(scores.get("specificity")),
        job_fit=str(scores.get("job_fit")),
        improvements=prompts.bullets(list(improvements)[:5], limit=300),
        asked_targets=", ".join(sorted(asked_targets)) or "(none)",
        answer=prompts.fenced(answer[:MAX_ANSWER_CHARS]),
        language_instruction=prompts.language_instruction(language),
    )
    payload, call = service._complete(
        messages, FollowUpPayload, max_tokens=MAX_TOKENS, operation="follow_up"
    )
    if payload.target == "none":
        return GeneratedFollowUp(target="none", quote="", question="", model=call.model)
    quote, text = payload.quote.strip().strip('"“”'), payload.question.strip()
    if payload.target in asked_targets:
        raise InvalidAIOutput("invalid_output", detail=f"target {payload.target} already asked")
    pieces = [p for p in re.split(r"…|\.\.\.", quote) if _squashed(p)]
    if not pieces or not all(_squashed(p) in _squashed(answer) for p in pieces):
        raise InvalidAIOutput("invalid_output", detail="the quote is not from the answer")
    if not text or _squashed(pieces[0]) not in _squashed(text):
        raise InvalidAIOutput("invalid_output", detail="the question does not quote the answer")
    return GeneratedFollowUp(
        target=payload.target, quote=quote, question=text[:1000], model=call.model
    )
