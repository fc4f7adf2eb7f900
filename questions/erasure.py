"""Erasure of a user's questions (receivers of `core.hooks.user_erasing` / `user_erased`)."""

from __future__ import annotations

from auditlog.models import LogEntry as AuditEntry
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from accounts.services.erasure import audit_entries_anonymise
from core.choices import QuestionSource

from .models import Question

# What a user typed in, or what was generated for them (from their category, job description...),
# follow-ups quoting their answers and questions about their résumé.
PERSONAL_SOURCES = (
    QuestionSource.USER,
    QuestionSource.AI,
    QuestionSource.FOLLOW_UP,
    QuestionSource.JOB,
)


def user_questions_anonymise(*, user) -> None:
    """Before the user goes: the admin log stops naming their questions (it quotes the text)."""
    ids = [
        str(pk)
        for pk in Question.objects.filter(created_by=user, source__in=PERSONAL_SOURCES).values_list(
            "pk", flat=True
        )
    ]
    content_type = ContentType.objects.get_for_model(Question)
    LogEntry.objects.filter(content_type=content_type, object_id__in=ids).update(
        object_repr="(deleted question)"
    )
    audit_entries_anonymise(
        AuditEntry.objects.filter(content_type=content_type, object_pk__in=ids),
        label="(deleted question)",
    )


def user_questions_erase(*, user_id) -> None:
    """Once the user's sessions and analyses (which protect them) are gone: deletes the questions
    typed by or generated for a user who no longer exists. Staff-written questions only lost
    their author (SET NULL). A generated question still in use by someone else stays."""
    Question.objects.filter(
        created_by__isnull=True,
        source__in=PERSONAL_SOURCES,
        session_questions__isnull=True,
        analysis_results__isnull=True,
    ).delete()
