"""A stored answer's analysis: created pending and queued, or completed at once by reusing the
scores of an identical answer to the same question under the same rubric."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.db import transaction

from accounts.models import User
from interview_platform.encryption.keys import keyed_hash

from ..ai.registry import resolve_provider_name
from ..ai.types import JobRequirement
from ..models import AnalysisResult, AnalysisStatus
from ..requirements import session_requirements
from ..tasks import analysis_enqueue
from .outcome import analysis_complete, result_fields_of


def _rubric_signature(provider: str) -> str:
    """What must match for stored scores to be reused: the provider and its rubric or prompt."""
    # Imported here, inside this app, so that a deployment on one provider never loads the other.
    if provider == "offline":
        from ..ai.offline import RUBRIC_VERSION

        return f"offline:{RUBRIC_VERSION}"
    from ..ai.openai_provider import PROMPT_VERSION

    return f"openai:{settings.OPENAI_MODEL}:{PROMPT_VERSION}"


def _requirements_signature(requirements: Sequence[JobRequirement]) -> str:
    """Job fit in a session practised for a job is scored against its confirmed requirements, so
    the same answer under other requirements (or none) is another analysis."""
    return "\n".join(sorted(f"{r.text}\t{','.join(sorted(r.keywords))}" for r in requirements))


def answer_fingerprint(
    *,
    question_id,
    answer: str,
    provider: str,
    requirements: Sequence[JobRequirement] = (),
) -> str:
    """A keyed hash (HMAC, FIELD_HASH_KEY): answers are encrypted at rest, and a plain hash of
    a short answer could be reversed by guessing."""
    normalized = " ".join(answer.split())
    parts = [str(question_id), _rubric_signature(provider), normalized]
    if requirements:
        parts.append(_requirements_signature(requirements))
    return keyed_hash(*parts)


# No savepoint of its own inside its caller's transaction (the answer's): two round trips fewer.
@transaction.atomic(savepoint=False)
def analysis_submit(
    *,
    user: User,
    question_id,
    answer: str,
    language: str,
    session_id=None,
    session_question_id=None,
) -> AnalysisResult:
    """Creates the analysis of an answer already validated and stored by the caller (the
    practice flow, `sessions_app.flows`), and queues its run after commit."""
    provider = resolve_provider_name()
    fingerprint = answer_fingerprint(
        question_id=question_id,
        answer=answer,
        provider=provider,
        requirements=session_requirements(session_id),
    )
    # The same user's same answer to the same question under the same rubric reuses their own
    # stored scores; another user's analysis is never copied (nor its id shown in reusedFrom).
    previous = (
        AnalysisResult.objects.filter(
            fingerprint=fingerprint,
            user=user,
            status=AnalysisStatus.COMPLETED,
            preliminary=False,
        )
        .order_by("-completed_at")
        .first()
    )
    result = AnalysisResult.objects.create(
        user=user,
        session_id=session_id,
        session_question_id=session_question_id,
        question_id=question_id,
        user_answer=answer,
        language=language,
        fingerprint=fingerprint,
        # A reused result is completed right here, through the same path as a provider's.
        status=AnalysisStatus.PROCESSING if previous else AnalysisStatus.PENDING,
    )
    if previous is not None:
        fields = result_fields_of(previous)
        fields["ai_analysis"] = {**(previous.ai_analysis or {}), "reused_from": str(previous.pk)}
        analysis_complete(result, fields)
    else:
        analysis_enqueue(result.pk)
    return result
