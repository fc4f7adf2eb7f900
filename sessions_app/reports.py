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


def _score(sq) -> int | None:
    analysis = getattr(sq, "analysis", None)
    if analysis is None or analysis.status != "completed":
        return None
    return analysis.total_score


def _follow_ups(served: list) -> dict:
    """The session's depth: how its answers held up when probed by follow-ups."""
    by_id = {sq.pk: sq for sq in served}
    follow_ups = [sq for sq in served if sq.parent_id is not None]
    scored = [(sq, _score(sq)) for sq in follow_ups if _score(sq) is not None]
    changes = [
        score - _score(by_id[sq.parent_id])
        for sq, score in scored
        if sq.parent_id in by_id and _score(by_id[sq.parent_id]) is not None
    ]
    return {
        "asked": len(follow_ups),
        "answered": sum(1 for sq in follow_ups if sq.answered_at is not None),
        "average_score": _round(mean(score for _, score in scored)) if scored else None,
        "hold_up": _round(mean(changes)) if changes else None,
        "targets": dict(Counter(sq.follow_up_target for sq in follow_ups)),
    }


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
                "kind": sq.kind,
                "parent_session_question_id": str(sq.parent_id) if sq.parent_id else None,
                "depth": sq.depth,
                "follow_up_target": sq.follow_up_target,
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
        "follow_ups": _follow_ups(served),
        "comparison": {
            "previous_sessions": previous["sessions"],
            "previous_average": _round(previous["average"]),
            "difference": _round(total - previous["average"])
            if total is not None and previous["average"] is not None
            else None,
        },
    }
