"""Small, explicit fixtures for hand-computed statistics: every answer is created with its own
scores and timestamp (auto_now_add is overwritten by an UPDATE afterwards)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from analysis.models import AnalysisResult, AnalysisStatus
from questions.models import Question
from questions.tests.factories import QuestionFactory
from sessions_app.models import InterviewSession, SessionStatus
from sessions_app.tests.factories import InterviewSessionFactory, SessionQuestionFactory

_questions: dict[tuple, Question] = {}


def question(category="software_engineering", type="behavioral", difficulty="medium") -> Question:
    """One question per (category, type, difficulty), reused across calls in a test."""
    key = (category, type, difficulty)
    found = Question.objects.filter(
        category=category, type=type, difficulty=difficulty, key__startswith="analytics-"
    ).first()
    if found is None:
        found = QuestionFactory(
            key=f"analytics-{category}-{type}-{difficulty}",
            category=category,
            type=type,
            difficulty=difficulty,
        )
    _questions[key] = found
    return found


def split(total: int) -> tuple[int, int, int, int]:
    """Four rubric scores (0-25) adding up to `total`."""
    base, extra = divmod(total, 4)
    parts = [base + (1 if i < extra else 0) for i in range(4)]
    return parts[0], parts[1], parts[2], parts[3]


def answer(
    user,
    *,
    at: datetime | None = None,
    total: int | None = 60,
    scores: tuple[int, int, int, int] | None = None,
    category: str = "software_engineering",
    type: str = "behavioral",
    difficulty: str = "medium",
    status: str = AnalysisStatus.COMPLETED,
    session: InterviewSession | None = None,
    improvements: list[str] | None = None,
    preliminary: bool = False,
    ai_analysis: dict | None = None,
) -> AnalysisResult:
    if status != AnalysisStatus.COMPLETED:
        scores, total = (None, None, None, None), None
    elif scores is None:
        scores = split(total)
    else:
        total = sum(scores)
    result = AnalysisResult.objects.create(
        user=user,
        session=session,
        question=question(category, type, difficulty),
        user_answer="I led the migration and cut the p95 latency by 40% in two weeks.",
        status=status,
        understanding=scores[0],
        logic=scores[1],
        specificity=scores[2],
        job_fit=scores[3],
        total_score=total,
        strengths=["Clear outcome."] if total is not None else [],
        improvements=improvements or [],
        ai_analysis=ai_analysis or {"model": "offline", "processingTime": 100},
        preliminary=preliminary,
    )
    when = at or timezone.now()
    AnalysisResult.objects.filter(pk=result.pk).update(created_at=when, completed_at=when)
    result.refresh_from_db()
    return result


def completed_session(
    user,
    *,
    completed_at: datetime,
    duration: int = 600,
    category: str = "software_engineering",
    total_score: int | None = 70,
    answers: list[int] | None = None,
) -> InterviewSession:
    """A completed session of `duration` seconds ending at `completed_at`; `answers` are total
    scores of answers given in it, spread over its duration."""
    created = completed_at - timedelta(seconds=duration)
    session = InterviewSessionFactory(
        user=user,
        category=category,
        status=SessionStatus.COMPLETED,
        duration=duration,
        total_score=total_score,
        expires_at=created + timedelta(hours=2),
    )
    InterviewSession.objects.filter(pk=session.pk).update(
        created_at=created, completed_at=completed_at
    )
    for index, score in enumerate(answers or []):
        at = created + timedelta(seconds=duration * (index + 1) / (len(answers) + 1))
        slot = SessionQuestionFactory(
            session=session,
            question=QuestionFactory(category=category),
            order=index + 1,
            started_at=at - timedelta(seconds=60),
            answered_at=at,
            answer="An answer long enough to count.",
            time_spent=60,
        )
        result = answer(user, at=at, total=score, category=category, session=session)
        AnalysisResult.objects.filter(pk=result.pk).update(session_question=slot)
    session.refresh_from_db()
    return session
