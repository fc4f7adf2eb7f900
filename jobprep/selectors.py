"""Job practice (reads): a user's profiles, and how a job session's answers covered the
requirements it was played against."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import User
from analysis.ai.types import JobRequirement
from interview_platform.api.errors import ApplicationError

from .models import JobProfile, JobSession

QUOTE_LIMIT = 160
EVIDENCE_PER_REQUIREMENT = 2
_SENTENCES = re.compile(r"(?<=[.!?。])\s+|\n+")


def job_profile_list(*, user: User) -> QuerySet[JobProfile]:
    return JobProfile.objects.filter(user=user).order_by("-created_at")


def job_profile_get(*, user: User, profile_id) -> JobProfile:
    profile = JobProfile.objects.filter(user=user, pk=profile_id).first()
    if profile is None:
        raise ApplicationError(_("Job profile not found."), code="not_found", status=404)
    return profile


def job_session_requirements(session_id) -> list[JobRequirement]:
    """The requirements a job session was played against (its snapshot), for job-fit scoring."""
    job = JobSession.objects.filter(session_id=session_id).only("requirements").first()
    if job is None:
        return []
    return [
        JobRequirement(text=r["text"], keywords=tuple(r.get("keywords") or ()))
        for r in job.requirements
    ]


def _quote(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1].rstrip() + "…"


def job_fit_get(*, user: User, session_id) -> dict[str, Any]:
    """Per confirmed requirement: covered by the answers (with the sentences that show it) or
    missing; fit is the covered share, 0-100."""
    job = (
        JobSession.objects.select_related("session", "profile")
        .filter(session_id=session_id, session__user=user)
        .first()
    )
    if job is None:
        raise ApplicationError(
            _("This session was not started for a job."), code="not_found", status=404
        )
    answered = [
        sq
        for sq in job.session.session_questions.order_by("order")
        if sq.answered_at is not None and sq.answer
    ]
    rows = []
    for item in job.requirements:
        evidence = []
        keywords = [k.lower() for k in item.get("keywords", []) if k]
        for sq in answered:
            for sentence in _SENTENCES.split(sq.answer):
                lowered = sentence.lower()
                matched = [k for k in keywords if k in lowered]
                if matched and len(evidence) < EVIDENCE_PER_REQUIREMENT:
                    evidence.append(
                        {
                            "session_question_id": str(sq.pk),
                            "quote": _quote(sentence),
                            "matched": matched[:5],
                        }
                    )
        rows.append(
            {
                "id": item["id"],
                "kind": item["kind"],
                "text": item["text"],
                "covered": bool(evidence),
                "evidence": evidence,
            }
        )
    covered = [r for r in rows if r["covered"]]
    return {
        "session_id": str(job.session_id),
        "profile_id": str(job.profile_id),
        "fit_score": round(100 * len(covered) / len(rows)) if rows else None,
        "answered": len(answered),
        "requirements": rows,
        "covered": [r["id"] for r in covered],
        "missing": [r["id"] for r in rows if not r["covered"]],
    }
