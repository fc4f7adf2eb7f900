"""Job practice (writes): a job profile from a pasted description and an optional résumé, the
user's confirmation or edit of its requirements, and a session started for it."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from core.choices import Difficulty, JobCategory, Language
from interview_platform.api.errors import ApplicationError
from sessions_app.models import InterviewSession
from sessions_app.services import session_start

from .extraction import extract, requirement
from .models import JobProfile, JobSession, RequirementKind
from .resume import resume_text_extract
from .selection import question_plan_build, resume_question_texts

MIN_DESCRIPTION_CHARS = 30
MAX_DESCRIPTION_CHARS = 20_000
MAX_REQUIREMENTS = 15


def _field_error(message: str, code: str, field: str, *, status: int = 400) -> ApplicationError:
    return ApplicationError(
        message, code=code, status=status, details={"fields": {field: [message]}}
    )


def _description_clean(description: str) -> str:
    text = (description or "").strip()
    if not text:
        raise _field_error(
            _("Paste the job description."), "job_description_required", "description"
        )
    if len(text) < MIN_DESCRIPTION_CHARS:
        raise _field_error(
            _("The job description is too short to practise for (at least %(n)s characters).")
            % {"n": MIN_DESCRIPTION_CHARS},
            "job_description_too_short",
            "description",
        )
    if len(text) > MAX_DESCRIPTION_CHARS:
        raise _field_error(
            _("The job description may be at most %(n)s characters.")
            % {"n": MAX_DESCRIPTION_CHARS},
            "job_description_too_long",
            "description",
        )
    return text


def job_profile_create(
    *,
    user: User,
    description: str,
    language: str | None = None,
    title: str = "",
    url: str = "",
    resume_name: str = "",
    resume_data: bytes | None = None,
) -> JobProfile:
    """Stores the description (and the résumé's text) and the requirements extracted from them,
    unconfirmed until the user confirms or edits them.

    No transaction: extraction may be a paid provider call of seconds, and the one row written
    after it needs none."""
    text = _description_clean(description)
    language = language or (user.preferences or {}).get("language") or Language.KO
    resume_text = ""
    if resume_data is not None:
        resume_text = resume_text_extract(name=resume_name, data=resume_data)
    found = extract(description=text, resume_text=resume_text, language=language)
    return JobProfile.objects.create(
        user=user,
        title=(title or found.title)[:200],
        language=language,
        url=url,
        description=text,
        resume_filename=resume_name[:255] if resume_data is not None else "",
        resume_text=resume_text,
        category=found.category,
        difficulty=found.difficulty,
        requirements=found.requirements,
        projects=found.projects,
        extracted_by=found.provider,
    )


def _owned(*, user: User, profile_id, lock: bool = False) -> JobProfile:
    queryset = JobProfile.objects.filter(user=user)
    if lock:
        queryset = queryset.select_for_update()
    profile = queryset.filter(pk=profile_id).first()
    if profile is None:
        raise ApplicationError(_("Job profile not found."), code="not_found", status=404)
    return profile


@transaction.atomic
def job_profile_confirm(
    *,
    user: User,
    profile_id,
    requirements: list[dict],
    category: str | None = None,
    difficulty: str | None = None,
) -> JobProfile:
    """The user's confirmed (possibly edited) requirements replace the extracted ones."""
    profile = _owned(user=user, profile_id=profile_id, lock=True)
    items = [r for r in requirements if (r.get("text") or "").strip()]
    if not items:
        raise _field_error(
            _("Keep at least one requirement to practise for."),
            "requirements_required",
            "requirements",
        )
    if len(items) > MAX_REQUIREMENTS:
        raise _field_error(
            _("At most %(n)s requirements.") % {"n": MAX_REQUIREMENTS},
            "too_many_requirements",
            "requirements",
        )
    profile.requirements = [
        requirement(
            r.get("kind") if r.get("kind") in RequirementKind.values else RequirementKind.SKILL,
            r["text"],
            index,
        )
        for index, r in enumerate(items, start=1)
    ]
    if category and category in JobCategory.values and category != JobCategory.CUSTOM:
        profile.category = category
    if difficulty and difficulty in Difficulty.values:
        profile.difficulty = difficulty
    profile.confirmed = True
    profile.save()
    return profile


def job_session_start(
    *,
    user: User,
    profile_id,
    question_count: int = 5,
    follow_ups: str = "one",
    metadata: dict | None = None,
) -> InterviewSession:
    """A session whose questions are chosen for the profile's confirmed requirements.

    The résumé questions are written first, with no transaction open (each may be a paid
    provider call of seconds); they are stored with the session in one short transaction, so a
    refused start leaves none behind."""
    profile = _owned(user=user, profile_id=profile_id)
    if not profile.confirmed:
        raise ApplicationError(
            _("Confirm or edit the requirements before starting a session."),
            code="requirements_not_confirmed",
            status=409,
        )
    requirements = list(profile.requirements)
    resume_texts = resume_question_texts(profile=profile)
    with transaction.atomic():
        plan = question_plan_build(
            user=user,
            profile=profile,
            requirements=requirements,
            count=question_count,
            resume_texts=resume_texts,
        )
        session = session_start(
            user=user,
            category=profile.category,
            difficulty=profile.difficulty,
            language=profile.language,
            question_count=question_count,
            follow_ups=follow_ups,
            metadata={**(metadata or {}), "session_source": "job"},
            question_plan=[str(q.pk) for q in plan],
        )
        JobSession.objects.create(session=session, profile=profile, requirements=requirements)
    return session


@transaction.atomic
def job_profile_delete(*, user: User, profile_id) -> None:
    _owned(user=user, profile_id=profile_id).delete()
