"""What an export contains: named tables of rows, the same for every format.

Column names are the API's camelCase names; values are JSON types (timestamps as ISO-8601 UTC
with `Z`, ids as strings, JSON documents as objects). Rows are read with `.values()` iterators
in chunks, so a heavy user's export streams instead of holding every record in memory.

Scopes:
- `all` (the GDPR export): every record of the user: profile, email addresses, social accounts
  (without tokens), MFA authenticators (without secrets), sessions, the questions served in
  them with the answers, analyses, daily analytics, questions the user typed in for free
  practice, and the statistics summary.
- `sessions`: sessions, session questions with answers, analyses.
- `analytics`: the statistics summary, skills, daily analytics.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from djangorestframework_camel_case.util import camelize

from accounts.models import User
from analysis.models import AnalysisResult
from jobprep.models import JobProfile
from questions.models import Question
from sessions_app.models import InterviewSession, SessionQuestion

from ..models import ExportScope, UserAnalytics
from ..selectors.user import skills as skills_of
from ..selectors.user import user_stats

CHUNK = 2000


def plain(value: Any) -> Any:
    """A value as JSON writes it."""
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in camelize(value).items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Table:
    name: str
    columns: list[str]  # camelCase names, in order
    rows: Callable[[], Iterator[dict[str, Any]]]
    single: bool = False  # one record (the profile, the summary): an object in JSON


def _table(name: str, queryset, mapping: dict[str, str]) -> Table:
    lookups = list(mapping.values())

    def rows() -> Iterator[dict[str, Any]]:
        for values in queryset.values_list(*lookups).iterator(chunk_size=CHUNK):
            yield {column: plain(v) for column, v in zip(mapping, values, strict=True)}

    return Table(name=name, columns=list(mapping), rows=rows)


PROFILE = {
    "id": "id",
    "email": "email",
    "name": "name",
    "role": "role",
    "preferences": "preferences",
    "subscriptionType": "subscription_type",
    "subscriptionExpiresAt": "subscription_expires_at",
    "avatar": "avatar",
    "isActive": "is_active",
    "createdAt": "created_at",
    "updatedAt": "updated_at",
    "lastLoginAt": "last_login_at",
}
SESSIONS = {
    "id": "id",
    "category": "category",
    "customCategory": "custom_category",
    "difficulty": "difficulty",
    "language": "language",
    "questionCount": "question_count",
    "followUps": "follow_ups",
    "status": "status",
    "totalScore": "total_score",
    "duration": "duration",
    "createdAt": "created_at",
    "expiresAt": "expires_at",
    "completedAt": "completed_at",
    "metadata": "metadata",
    "report": "report",
}
SESSION_QUESTIONS = {
    "id": "id",
    "sessionId": "session_id",
    "order": "order",
    "kind": "kind",
    "parentSessionQuestionId": "parent_id",
    "depth": "depth",
    "followUpTarget": "follow_up_target",
    "questionId": "question_id",
    "question": "question__question",
    "questionType": "question__type",
    "startedAt": "started_at",
    "answeredAt": "answered_at",
    "timeSpent": "time_spent",
    "answer": "answer",
}
ANALYSES = {
    "id": "id",
    "sessionId": "session_id",
    "sessionQuestionId": "session_question_id",
    "questionId": "question_id",
    "question": "question__question",
    "category": "question__category",
    "language": "language",
    "status": "status",
    "userAnswer": "user_answer",
    "understanding": "understanding",
    "logic": "logic",
    "specificity": "specificity",
    "jobFit": "job_fit",
    "totalScore": "total_score",
    "strengths": "strengths",
    "improvements": "improvements",
    "detailedFeedback": "detailed_feedback",
    "idealAnswer": "ideal_answer",
    "aiAnalysis": "ai_analysis",
    "preliminary": "preliminary",
    "failureReason": "failure_reason",
    "createdAt": "created_at",
    "completedAt": "completed_at",
}
DAILY = {
    "date": "date",
    "sessionsCompleted": "sessions_completed",
    "questionsAnswered": "questions_answered",
    "averageScore": "average_score",
    "timeSpent": "time_spent",
    "improvementRate": "improvement_rate",
    "skillBreakdown": "skill_breakdown",
}
JOB_PROFILES = {
    "id": "id",
    "title": "title",
    "language": "language",
    "url": "url",
    "description": "description",
    "category": "category",
    "difficulty": "difficulty",
    "requirements": "requirements",
    "confirmed": "confirmed",
    "resumeFilename": "resume_filename",
    "resumeText": "resume_text",
    "resumeProjects": "projects",
    "createdAt": "created_at",
    "updatedAt": "updated_at",
}
QUESTIONS_AUTHORED = {
    "id": "id",
    "question": "question",
    "category": "category",
    "difficulty": "difficulty",
    "type": "type",
    "language": "language",
    "source": "source",
    "createdAt": "created_at",
}


def _allauth_tables(user: User) -> list[Table]:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount

    return [
        _table(
            "emailAddresses",
            EmailAddress.objects.filter(user=user).order_by("email"),
            {"email": "email", "verified": "verified", "primary": "primary"},
        ),
        _table(
            "socialAccounts",
            SocialAccount.objects.filter(user=user).order_by("provider", "uid"),
            {
                "provider": "provider",
                "uid": "uid",
                "lastLogin": "last_login",
                "dateJoined": "date_joined",
                "extraData": "extra_data",
            },
        ),
        # The authenticator's `data` holds its secret; only the fact of it is exported.
        _table(
            "mfaAuthenticators",
            Authenticator.objects.filter(user=user).order_by("created_at"),
            {"type": "type", "createdAt": "created_at", "lastUsedAt": "last_used_at"},
        ),
    ]


def _summary_table(user: User) -> Table:
    def rows() -> Iterator[dict[str, Any]]:
        stats = user_stats(user=user)
        best, worst = stats["best_category"], stats["weakest_category"]
        yield {
            "sessionsCompleted": stats["sessions_completed"],
            "questionsAnswered": stats["questions_answered"],
            "averageScore": stats["average_score"],
            "timeSpent": stats["time_spent"],
            "improvementRate": stats["improvement_rate"],
            "currentStreak": stats["current_streak"],
            "bestCategory": best["category"] if best else None,
            "weakestCategory": worst["category"] if worst else None,
            "followUpsAnswered": stats["depth"]["follow_ups_answered"],
            "averageFollowUpScore": stats["depth"]["average_follow_up_score"],
            "followUpHoldUp": stats["depth"]["hold_up"],
        }

    columns = [
        "sessionsCompleted",
        "questionsAnswered",
        "averageScore",
        "timeSpent",
        "improvementRate",
        "currentStreak",
        "bestCategory",
        "weakestCategory",
        "followUpsAnswered",
        "averageFollowUpScore",
        "followUpHoldUp",
    ]
    return Table(name="summary", columns=columns, rows=rows, single=True)


def _skills_table(user: User) -> Table:
    def rows() -> Iterator[dict[str, Any]]:
        found = skills_of(user=user)
        for group, key in (
            ("dimension", "dimensions"),
            ("questionType", "question_types"),
            ("category", "categories"),
        ):
            for skill in found[key]:
                yield {
                    "group": group,
                    "skill": skill["skill"],
                    "score": skill["score"],
                    "trend": skill["trend"],
                    "trendSlope": skill["trend_slope"],
                    "questionsCount": skill["questions_count"],
                }

    columns = ["group", "skill", "score", "trend", "trendSlope", "questionsCount"]
    return Table(name="skills", columns=columns, rows=rows)


def tables_for(*, user: User, scope: str) -> list[Table]:
    profile = Table(
        name="profile",
        columns=list(PROFILE),
        rows=_table("profile", User.objects.filter(pk=user.pk), PROFILE).rows,
        single=True,
    )
    sessions = _table(
        "sessions", InterviewSession.objects.filter(user=user).order_by("created_at"), SESSIONS
    )
    session_questions = _table(
        "sessionQuestions",
        SessionQuestion.objects.filter(session__user=user).order_by(
            "session__created_at", "session_id", "order"
        ),
        SESSION_QUESTIONS,
    )
    analyses = _table(
        "analysisResults",
        AnalysisResult.objects.filter(user=user).order_by("created_at", "id"),
        ANALYSES,
    )
    daily = _table(
        "dailyAnalytics", UserAnalytics.objects.filter(user=user).order_by("date"), DAILY
    )
    if scope == ExportScope.SESSIONS:
        return [sessions, session_questions, analyses]
    if scope == ExportScope.ANALYTICS:
        return [_summary_table(user), _skills_table(user), daily]
    job_profiles = _table(
        "jobProfiles",
        JobProfile.objects.filter(user=user).order_by("created_at"),
        JOB_PROFILES,
    )
    authored = _table(
        "questionsAuthored",
        Question.objects.filter(created_by=user).order_by("created_at"),
        QUESTIONS_AUTHORED,
    )
    return [
        profile,
        *_allauth_tables(user),
        sessions,
        session_questions,
        analyses,
        daily,
        job_profiles,
        authored,
        _summary_table(user),
        _skills_table(user),
    ]
