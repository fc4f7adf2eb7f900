"""What the provider is told about an analysis: the question and the answer's situation."""

from __future__ import annotations

from django.utils import timezone

from ..ai.types import AnalysisContext, QuestionContext
from ..models import AnalysisResult
from ..requirements import session_requirements

USER_LEVEL_BY_DIFFICULTY = {"easy": "entry", "medium": "mid", "hard": "senior"}


def analysis_contexts(result: AnalysisResult) -> tuple[QuestionContext, AnalysisContext]:
    question = result.question
    criteria = question.evaluation_criteria or {}
    question_context = QuestionContext(
        text=question.question,
        category=question.category,
        custom_category=question.custom_category,
        type=question.type,
        difficulty=question.difficulty,
        language=result.language,
        expected_keywords=tuple(question.expected_keywords or ()),
        sample_answer=question.sample_answer,
        evaluation_criteria={
            "understanding": criteria.get("understanding", ""),
            "logic": criteria.get("logic", ""),
            "specificity": criteria.get("specificity", ""),
            "jobFit": criteria.get("job_fit", ""),
        },
    )
    previous_answers: tuple[str, ...] = ()
    session_duration = 0
    if result.session_id:
        previous_answers = tuple(
            AnalysisResult.objects.filter(session_id=result.session_id)
            .exclude(pk=result.pk)
            .order_by("created_at")
            .values_list("user_answer", flat=True)[:19]
        )
        session_duration = int((timezone.now() - result.session.created_at).total_seconds())
    analysis_context = AnalysisContext(
        job_category=question.custom_category or question.category,
        user_level=USER_LEVEL_BY_DIFFICULTY.get(question.difficulty, "mid"),
        previous_answers=previous_answers,
        session_duration=session_duration,
        language=result.language,
        job_requirements=session_requirements(result.session_id),
    )
    return question_context, analysis_context
