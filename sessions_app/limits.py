"""The limits on starting a session: one active session at a time, and the plan's daily
starts (counted from the start log, which outlives the sessions)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import SubscriptionType, User
from interview_platform.api.errors import ApplicationError, ErrorType

from .models import InterviewSession, SessionStart, SessionStatus


def _sessions_per_day(user: User) -> int:
    premium = user.subscription_type == SubscriptionType.PREMIUM and (
        user.subscription_expires_at is None or user.subscription_expires_at > timezone.now()
    )
    return settings.SESSIONS_PER_DAY_PREMIUM if premium else settings.SESSIONS_PER_DAY_FREE


def session_start_refusal(user: User, now, *, lock: bool = False) -> ApplicationError | None:
    """Why `user` may not start a session now (an active one, or the daily limit), if so.
    With `lock`, the user's row is locked by the same query (one round trip for all three)."""
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    active = InterviewSession.objects.filter(
        user=OuterRef("pk"), status=SessionStatus.ACTIVE
    ).order_by("-created_at")
    # Counted from the start log, which outlives the sessions: deleting one gives no start back.
    starts = (
        SessionStart.objects.filter(user=OuterRef("pk"), started_at__gte=day_start)
        .order_by()
        .values("user")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = User.objects.filter(pk=user.pk).annotate(
        active_id=Subquery(active.values("pk")[:1]),
        active_expires_at=Subquery(active.values("expires_at")[:1]),
        started_today=Coalesce(Subquery(starts), 0),
    )
    if lock:
        rows = rows.select_for_update(of=("self",))
    state = rows.values("active_id", "active_expires_at", "started_today").first()
    if state is None:
        raise ApplicationError(_("Account not found."), code="not_found", status=404)
    active_id = state["active_id"]
    if active_id is not None and state["active_expires_at"] <= now:
        InterviewSession.objects.filter(pk=active_id).update(status=SessionStatus.ABANDONED)
        active_id = None
    if active_id is not None:
        return ApplicationError(
            _("You already have an active session. Finish or abandon it first."),
            code="session_already_active",
            status=409,
            details={"activeSessionId": str(active_id)},
        )
    started_today = state["started_today"]
    limit = _sessions_per_day(user)
    if started_today >= limit:
        resets_at = day_start + timedelta(days=1)
        retry_after = int((resets_at - now).total_seconds())
        return ApplicationError(
            _(
                "You have started %(n)s sessions today, the daily limit of your plan. It resets "
                "at midnight UTC, in %(hours)s h %(minutes)s min."
            )
            % {"n": limit, "hours": retry_after // 3600, "minutes": retry_after % 3600 // 60},
            code="daily_session_limit",
            type=ErrorType.RATE_LIMIT,
            status=429,
            details={
                "limit": limit,
                "retryAfter": retry_after,
                "resetsAt": resets_at.isoformat().replace("+00:00", "Z"),
            },
            headers={"Retry-After": str(retry_after)},
        )
    return None
