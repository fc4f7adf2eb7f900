"""Writes to the question bank. Every change invalidates the cached lists."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import DecimalField, F, FloatField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from accounts.models import User
from analysis.models import AnalysisResult, AnalysisStatus
from core.choices import JobCategory, QuestionSource
from interview_platform.api.errors import ApplicationError
from interview_platform.audit.recording import audited_update

from . import cache as question_cache
from .bank import BankQuestion, load_bank
from .models import Question
from .question_types import infer_question_type
from .selectors import question_queryset


@dataclass
class SeedSummary:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    # Keys of the bank questions staff changed since seeding last wrote them: left as they are.
    skipped_edited: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"inserted {self.inserted}, updated {self.updated}, "
            f"unchanged {self.unchanged}, deactivated {self.deactivated}, "
            f"skipped {len(self.skipped_edited)} edited by staff"
        )


# The fields seeding owns on a bank row; their fingerprint tells a staff edit from seeding's own.
_SEEDED_FIELDS = (*BankQuestion.FIELD_NAMES, "is_active")


def _fingerprint(values: dict) -> str:
    data = json.dumps({name: values[name] for name in _SEEDED_FIELDS}, sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def _row_fingerprint(question: Question) -> str:
    return _fingerprint({name: getattr(question, name) for name in _SEEDED_FIELDS})


def _edited_by_staff(question: Question, wanted: dict) -> bool:
    """The row differs from what seeding last wrote (or, for a row seeded before fingerprints,
    from the files): someone changed it, and the files must not undo that."""
    if question.seed_fingerprint:
        return _row_fingerprint(question) != question.seed_fingerprint
    return _row_fingerprint(question) != _fingerprint(wanted)


@transaction.atomic
def questions_seed(
    *,
    languages: list[str] | None = None,
    categories: list[str] | None = None,
    prune: bool = False,
    bank: list[BankQuestion] | None = None,
    overwrite_edits: bool = False,
) -> SeedSummary:
    """Inserts or updates bank questions by their stable key; running it twice changes nothing.

    A bank question staff edited (text, keywords, deactivated...) since seeding last wrote it
    is left as staff left it and reported in `skipped_edited`, unless `overwrite_edits`.
    """
    bank = load_bank(languages=languages, categories=categories) if bank is None else bank
    summary = SeedSummary()
    existing = {q.key: q for q in Question.objects.filter(key__in=[b.key for b in bank])}
    to_create = []
    for item in bank:
        wanted = {**item.model_fields(), "is_active": True}  # back in the files: in the bank
        current = existing.get(item.key)
        if current is None:
            to_create.append(
                Question(
                    key=item.key,
                    source=QuestionSource.BANK,
                    seed_fingerprint=_fingerprint(wanted),
                    **wanted,
                )
            )
            continue
        if current.source != QuestionSource.BANK:
            wanted.pop("is_active")
        elif not overwrite_edits and _edited_by_staff(current, wanted):
            summary.skipped_edited.append(item.key)
            continue
        changed = {name: value for name, value in wanted.items() if getattr(current, name) != value}
        for name, value in changed.items():
            setattr(current, name, value)
        fingerprint = _row_fingerprint(current)
        if fingerprint != current.seed_fingerprint:
            current.seed_fingerprint = fingerprint
            changed["seed_fingerprint"] = fingerprint
        if changed:
            current.save(update_fields=[*changed, "updated_at"])
        if set(changed) - {"seed_fingerprint"}:
            summary.updated += 1
        else:
            summary.unchanged += 1
    Question.objects.bulk_create(to_create, batch_size=200)
    summary.inserted = len(to_create)

    if prune:
        stale = Question.objects.filter(source=QuestionSource.BANK, is_active=True).exclude(
            key__in=[b.key for b in bank]
        )
        if languages:
            stale = stale.filter(language__in=languages)
        if categories:
            stale = stale.filter(category__in=categories)
        for question in stale:
            # Seeding's own change: the fingerprint follows, so the question comes back when
            # it returns to the files (a question staff deactivated does not).
            question.is_active = False
            question.seed_fingerprint = _row_fingerprint(question)
            question.save(update_fields=["is_active", "seed_fingerprint", "updated_at"])
            summary.deactivated += 1

    if summary.inserted or summary.updated or summary.deactivated:
        transaction.on_commit(question_cache.invalidate)
    return summary


@transaction.atomic
def question_create(
    *, data: dict, created_by: User | None, source: str = QuestionSource.ADMIN
) -> Question:
    question = Question.objects.create(created_by=created_by, source=source, **data)
    if source != QuestionSource.AI:  # a generated question is private: shared lists don't change
        transaction.on_commit(question_cache.invalidate)
    return question


@transaction.atomic
def question_update(*, question: Question, data: dict) -> Question:
    for name, value in data.items():
        setattr(question, name, value)
    question.save()
    transaction.on_commit(question_cache.invalidate)
    return question


@transaction.atomic
def question_delete(*, question: Question) -> str:
    """Deletes an unused question; one with answers is deactivated so no analysis loses it."""
    in_use = question.analysis_results.exists() or question.session_questions.exists()
    if in_use:
        audited_update(Question.objects.filter(pk=question.pk), is_active=False)
        outcome = "deactivated"
    else:
        question.delete()
        outcome = "deleted"
    transaction.on_commit(question_cache.invalidate)
    return outcome


def questions_set_active(*, question_ids: list, active: bool) -> int:
    count = audited_update(Question.objects.filter(pk__in=question_ids), is_active=active)
    transaction.on_commit(question_cache.invalidate)
    return count


def question_record_usage(*, question_id) -> None:
    """Counts one more time the question was served (one UPDATE: no lost increments)."""
    Question.objects.filter(pk=question_id).update(usage_count=F("usage_count") + 1)


def question_record_score(*, question_id, score: int) -> None:
    """Folds one analysis score into the running average in a single UPDATE.

    The new average is computed from the row's own current values inside the statement, so two
    concurrent updates serialize on the row lock and neither is lost.
    """
    # The exact running sum is kept, so the average never drifts by repeated rounding; float
    # division because SQLite would otherwise divide integers.
    Question.objects.filter(pk=question_id).update(
        average_score=Cast(
            Cast(F("score_total") + score, FloatField()) / (F("scored_count") + 1),
            DecimalField(max_digits=5, decimal_places=2),
        ),
        score_total=F("score_total") + score,
        scored_count=F("scored_count") + 1,
    )


def question_for_practice(
    *, user: User, question_id=None, question_text: str = "", category: str = "", language: str
) -> Question:
    """The question a free-practice answer answers: one of the bank (or the user's generated
    ones), or the text the user typed in, kept inactive and outside the bank so the analysis
    has a subject."""
    if question_id:
        try:
            return question_queryset(user=user).get(pk=question_id)
        except Question.DoesNotExist:
            raise ApplicationError(
                _("That question does not exist."), code="not_found", status=404
            ) from None
    if not question_text:
        raise ApplicationError(
            _("Give a questionId or the question text."),
            code="question_required",
            details={"fields": {"questionId": [_("Required without a question.")]}},
        )
    typed = " ".join(question_text.split())
    if category and category != JobCategory.CUSTOM:
        # A question of the bank typed in again is that question, with its rubric (keywords,
        # sample answer, type): the answer then scores as it would in a session. The text is
        # compared in Python because the question column refuses SQL lookups (encryption).
        for candidate in question_queryset(user=user).filter(
            is_active=True, category=category, language=language
        ):
            if " ".join(candidate.question.split()) == typed:
                return candidate
    return Question.objects.create(
        category=category or JobCategory.CUSTOM,
        custom_category="" if category and category != JobCategory.CUSTOM else "general",
        difficulty="medium",
        type=infer_question_type(typed, language),
        language=language,
        source=QuestionSource.USER,
        question=question_text.strip(),
        is_active=False,
        created_by=user,
    )


def question_score_on_landing(*, analysis: AnalysisResult) -> None:
    """Receiver of `core.hooks.analysis_landed`: a final, non-preliminary score counts in the
    question's running average."""
    final = analysis.status == AnalysisStatus.COMPLETED and not analysis.preliminary
    if final and analysis.total_score is not None:
        question_record_score(question_id=analysis.question_id, score=analysis.total_score)
