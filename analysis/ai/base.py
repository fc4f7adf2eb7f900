"""The provider protocol (DESIGN §6) and the errors every provider raises.

The pipeline retries only `TransientAIError`; any other `AIServiceError` fails the analysis at once
with its `reason` (and the offline provider's result is stored as preliminary feedback)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from .types import (
    AnalysisContext,
    AnalysisOutput,
    DetailedFeedback,
    GeneratedQuestion,
    LanguageCode,
    QuestionContext,
)


class AIServiceError(Exception):
    """Base of every provider failure. `reason` is a short, stable, loggable explanation."""

    retryable = False

    def __init__(self, reason: str, *, detail: str = "") -> None:
        super().__init__(reason if not detail else f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class TransientAIError(AIServiceError):
    """Rate limit, timeout, connection failure: worth retrying with backoff."""

    retryable = True


class PermanentAIError(AIServiceError):
    """Authentication, bad request, refusal, truncated output: retrying cannot help."""


class InvalidAIOutput(PermanentAIError):
    """The provider answered but its output is unusable (bad JSON, scores out of range...)."""


@runtime_checkable
class AIService(Protocol):
    def analyze_answer(
        self, question: QuestionContext, answer: str, context: AnalysisContext
    ) -> AnalysisOutput: ...

    def generate_question(
        self,
        category: str,
        difficulty: str,
        previous_questions: Sequence[str],
        *,
        language: LanguageCode,
        question_type: str | None = None,
        custom_category: str = "",
        job_description: str = "",
    ) -> GeneratedQuestion: ...

    def generate_feedback(self, analysis: AnalysisOutput) -> DetailedFeedback: ...

    def generate_ideal_answer(
        self, question: QuestionContext, answer: str, context: AnalysisContext
    ) -> str: ...
