"""The end-of-session report: per-question scores, rubric averages, recurring strengths and
improvements, and a comparison with the user's earlier sessions in the category."""

from __future__ import annotations

from collections import Counter
from statistics import mean

from django.db.models import Avg, Count

from .models import InterviewSession, SessionStatus

DIMENSIONS = ("understanding", "logic", "specificity", "job_fit")
TOP = 3


def _round(value):
    return round(value, 1) if value is not None else None


def session_report_build(session: InterviewSession) -> dict:
    served = list(
        session.session_questions.select_related("question", "analysis").order_by("order")
    )
    questions, completed = [], []
    pending = 0
    for sq in served:
        analysis = getattr(sq, "analysis", None)
        status = (
            analysis.status if analysis else ("unanswered" if not sq.answered_at else "pending")
        )
        if analysis is not None and analysis.status in ("pending", "processing"):
            pending += 1
        if analysis is not None and analysis.status == "completed":
            completed.append(analysis)
        questions.append(
            {
                "order": sq.order,
                "session_question_id": str(sq.pk),
                "question_id": str(sq.question_id),
                "question": sq.question.question,
                "type": sq.question.type,
                "difficulty": sq.question.difficulty,
                "answered": sq.answered_at is not None,
                "time_spent": sq.time_spent,
                "analysis_id": str(analysis.pk) if analysis else None,
                "analysis_status": status,
                "total_score": analysis.total_score if analysis else None,
                "preliminary": bool(analysis and analysis.preliminary),
            }
        )
    total = round(mean(a.total_score for a in completed)) if completed else None
    rubric = {
        dimension: _round(mean(getattr(a, dimension) for a in completed)) if completed else None
        for dimension in DIMENSIONS
    }
    strengths = Counter(s for a in completed for s in a.strengths)
    improvements = Counter(s for a in completed for s in a.improvements)

    earlier = InterviewSession.objects.filter(
        user_id=session.user_id,
        category=session.category,
        status=SessionStatus.COMPLETED,
        total_score__isnull=False,
    ).exclude(pk=session.pk)
    if session.created_at:
        earlier = earlier.filter(created_at__lt=session.created_at)
    previous = earlier.aggregate(average=Avg("total_score"), sessions=Count("id"))
    return {
        "total_score": total,
        "answered": sum(1 for q in questions if q["answered"]),
        "asked": len(questions),
        "pending_analyses": pending,
        "questions": questions,
        "rubric_averages": rubric,
        "top_strengths": [text for text, _ in strengths.most_common(TOP)],
        "top_improvements": [text for text, _ in improvements.most_common(TOP)],
        "comparison": {
            "previous_sessions": previous["sessions"],
            "previous_average": _round(previous["average"]),
            "difference": _round(total - previous["average"])
            if total is not None and previous["average"] is not None
            else None,
        },
    }
