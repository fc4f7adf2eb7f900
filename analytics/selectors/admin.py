"""Staff: the user list of `GET /api/admin/users`, with each user's practice totals."""

from __future__ import annotations

from typing import Any

from django.db.models import Avg, Count, IntegerField, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from accounts.models import User
from analysis.models import AnalysisResult
from sessions_app.models import InterviewSession, SessionStatus

from .common import scored_answers

ORDERINGS = {
    "created_at": "created_at",
    "-created_at": "-created_at",
    "last_login_at": "last_login_at",
    "-last_login_at": "-last_login_at",
    "email": "email",
    "-email": "-email",
    "name": "name",
    "-name": "-name",
}


def _scalar(queryset: QuerySet, expression, output_field=None) -> Subquery:
    """A correlated subquery of one aggregate per user: evaluated only for the rows of the
    page being shown, so a page costs the same whatever the size of the tables."""
    return Subquery(
        queryset.filter(user=OuterRef("pk"))
        .order_by()
        .values("user")
        .annotate(value=expression)
        .values("value"),
        output_field=output_field,
    )


def admin_user_list(*, filters: dict[str, Any]) -> QuerySet[User]:
    users = User.objects.all()
    search = (filters.get("search") or "").strip()
    if search:
        users = users.filter(Q(email__icontains=search) | Q(name__icontains=search))
    if filters.get("role"):
        users = users.filter(role=filters["role"])
    if filters.get("subscription_type"):
        users = users.filter(subscription_type=filters["subscription_type"])
    if filters.get("is_active") is not None:
        users = users.filter(is_active=filters["is_active"])
    completed = InterviewSession.objects.filter(status=SessionStatus.COMPLETED)
    return users.annotate(
        sessions_completed=Coalesce(
            _scalar(completed, Count("id"), IntegerField()), 0, output_field=IntegerField()
        ),
        questions_answered=Coalesce(
            _scalar(scored_answers(), Count("id"), IntegerField()), 0, output_field=IntegerField()
        ),
        average_score=_scalar(scored_answers(), Avg("total_score")),
        last_answered_at=_scalar(AnalysisResult.objects.all(), Max("created_at")),
    ).order_by(ORDERINGS.get(filters.get("ordering") or "-created_at", "-created_at"), "id")
