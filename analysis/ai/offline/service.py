"""The offline provider: deterministic, bilingual, no network."""

from __future__ import annotations

import time
from collections.abc import Sequence

from ..base import PermanentAIError
from ..types import (
    AnalysisContext,
    AnalysisOutput,
    DetailedFeedback,
    GeneratedQuestion,
    LanguageCode,
    QuestionContext,
)
from .analyzer import Signals, analyze
from .detailed import write_detailed
from .feedback import write
from .generator import generate_question as _generate_question
from .ideal import compose, has_placeholders
from .scoring import RUBRIC_VERSION, score

MODEL = "offline-rubric"


def confidence(s: Signals) -> float:
    """How far to trust these scores. A rubric over surface signals cannot read meaning the way a
    language model can, so it stays in 0.35-0.65, lower when there is little to go on."""
    value = 0.5
    if s.question.expected_keywords:
        value += 0.05  # coverage is measured against what the question actually looks for
    if s.question.sample_answer:
        value += 0.03
    if s.length.too_short:
        value -= 0.1
    elif s.length.factor >= 0.8:
        value += 0.04
    if s.question.language and s.language != s.question.language:
        value -= 0.05
    if s.length.repetition > 0.3 or s.length.prose < 0.7:
        value -= 0.1  # padded or list-like text: the surface signals say less than usual
    return round(min(0.65, max(0.35, value)), 2)


class OfflineAIService:
    """`AIService` without a model: a rubric over what the answer says and how."""

    name = "offline"
    model = MODEL
    rubric_version = RUBRIC_VERSION

    def analyze_answer(
        self, question: QuestionContext, answer: str, context: AnalysisContext
    ) -> AnalysisOutput:
        if not answer or not answer.strip():
            raise PermanentAIError("empty_answer")
        started = time.perf_counter()
        signals = analyze(question, answer, context)
        scores, _ = score(signals)
        strengths, improvements = write(signals, scores)
        ideal = compose(signals)
        detailed = write_detailed(signals, improvements, has_placeholders(ideal))
        elapsed_ms = round((time.perf_counter() - started) * 1000)
        return AnalysisOutput(
            scores=scores,
            strengths=[n.text for n in strengths],
            improvements=[n.text for n in improvements],
            detailed_feedback=detailed,
            ideal_answer=ideal,
            model=MODEL,
            confidence=confidence(signals),
            prompt_version=RUBRIC_VERSION,
            processing_time_ms=elapsed_ms,
            token_usage=None,
            preliminary=False,
            language=signals.feedback_language,  # type: ignore[arg-type]
            answer=answer,
            question=question,
            flags=[dict(f) for f in signals.flags],
        )

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
    ) -> GeneratedQuestion:
        return _generate_question(
            category,
            difficulty,
            previous_questions,
            language=language,
            question_type=question_type,
            custom_category=custom_category,
            job_description=job_description,
        )

    def generate_feedback(self, analysis: AnalysisOutput) -> DetailedFeedback:
        """Detailed feedback for an analysis; re-derived from its answer when it carries one."""
        if analysis.answer.strip() and analysis.question is not None:
            context = AnalysisContext(
                job_category=analysis.question.category, language=analysis.language
            )
            signals = analyze(analysis.question, analysis.answer, context)
            # The scores the user sees (a provider's, when it scored the answer).
            _, improvements = write(signals, analysis.scores)
            ideal = analysis.ideal_answer or compose(signals)
            return write_detailed(signals, improvements, has_placeholders(ideal))
        if analysis.detailed_feedback is not None:
            return analysis.detailed_feedback
        raise PermanentAIError("feedback_needs_answer", detail="the analysis carries no answer")

    def generate_ideal_answer(
        self, question: QuestionContext, answer: str, context: AnalysisContext
    ) -> str:
        return compose(analyze(question, answer, context))
