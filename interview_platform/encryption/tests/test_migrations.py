"""The data migrations encrypt rows written before encryption (and the reverse decrypts them)."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor
from django.db.models.functions import Cast
from django.utils import timezone

from interview_platform.encryption import keys

BEFORE = [
    ("analysis", "0003_fingerprint_status_index"),
    ("questions", "0003_question_score_total"),
    ("sessions_app", "0002_session_start_log"),
]
AFTER = [
    ("analysis", "0004_encrypt_answers_and_feedback"),
    ("questions", "0004_encrypt_typed_questions"),
    ("sessions_app", "0003_encrypt_answers_and_reports"),
]
ANSWER = "I migrated 40 cron jobs to Celery beat and cut failed runs from 12 a week to none."


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def stored(model, pk, name: str):
    return (
        model._base_manager.filter(pk=pk)
        .values_list(Cast(name, models.TextField()), flat=True)
        .get()
    )


@pytest.mark.django_db(transaction=True)
def test_existing_rows_are_encrypted_by_the_migration_and_decrypted_by_its_reverse():
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(
        id=uuid.uuid4(), email="old@example.com", name="Old", password="!"
    )
    Question = old.get_model("questions", "Question")
    common = {"category": "custom", "difficulty": "medium", "type": "behavioral", "language": "en"}
    typed = Question.objects.create(
        id=uuid.uuid4(), source="user", question="my private question", created_by=user, **common
    )
    bank = Question.objects.create(id=uuid.uuid4(), source="bank", question="bank one", **common)
    session = old.get_model("sessions_app", "InterviewSession").objects.create(
        id=uuid.uuid4(),
        user=user,
        category="custom",
        difficulty="medium",
        language="en",
        question_count=1,
        expires_at=timezone.now(),
        report={"top_strengths": ["quoted: 40 cron jobs"]},
    )
    slot = old.get_model("sessions_app", "SessionQuestion").objects.create(
        id=uuid.uuid4(),
        session=session,
        question=typed,
        order=1,
        started_at=timezone.now(),
        answer=ANSWER,
    )
    result = old.get_model("analysis", "AnalysisResult").objects.create(
        id=uuid.uuid4(),
        user=user,
        session=session,
        session_question=slot,
        question=typed,
        user_answer=ANSWER,
        strengths=["you said 40 cron jobs"],
        improvements=[],
        detailed_feedback={"content": "40 cron jobs"},
        ideal_answer="I migrated 40 cron jobs...",
        fingerprint="0" * 64,
    )

    new = migrate(AFTER)
    Result = new.get_model("analysis", "AnalysisResult")
    for name in ("user_answer", "strengths", "detailed_feedback", "ideal_answer"):
        assert keys.is_encrypted(stored(Result, result.pk, name)), name
    assert stored(Result, result.pk, "improvements") and keys.is_encrypted(
        stored(Result, result.pk, "improvements")
    )
    migrated = Result.objects.get(pk=result.pk)
    assert migrated.user_answer == ANSWER
    assert migrated.strengths == ["you said 40 cron jobs"]
    assert migrated.detailed_feedback == {"content": "40 cron jobs"}
    assert migrated.fingerprint == ""  # the unkeyed hash is gone
    NewQuestion = new.get_model("questions", "Question")
    assert keys.is_encrypted(stored(NewQuestion, typed.pk, "question"))
    assert stored(NewQuestion, bank.pk, "question") == "bank one"
    Slot = new.get_model("sessions_app", "SessionQuestion")
    Session = new.get_model("sessions_app", "InterviewSession")
    assert keys.is_encrypted(stored(Slot, slot.pk, "answer"))
    assert keys.is_encrypted(stored(Session, session.pk, "report"))

    back = migrate(BEFORE)
    OldResult = back.get_model("analysis", "AnalysisResult")
    assert OldResult.objects.get(pk=result.pk).strengths == ["you said 40 cron jobs"]
    assert stored(OldResult, result.pk, "user_answer") == ANSWER
    assert stored(back.get_model("questions", "Question"), typed.pk, "question") == (
        "my private question"
    )
    migrate(_leaves())  # back to the latest state for the tests that follow


def _leaves():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
