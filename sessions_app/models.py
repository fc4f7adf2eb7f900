from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.choices import Difficulty, JobCategory, Language
from interview_platform.encryption.fields import EncryptedJSONField, EncryptedTextField


class SessionStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    ABANDONED = "abandoned", _("Abandoned")


class FollowUpMode(models.TextChoices):
    """How deep the interviewer digs into each answer: no follow-ups, one, or up to two."""

    OFF = "off", _("No follow-up questions")
    ONE = "one", _("One follow-up per question")
    TWO = "two", _("Up to two follow-ups per question")


FOLLOW_UP_DEPTH = {FollowUpMode.OFF: 0, FollowUpMode.ONE: 1, FollowUpMode.TWO: 2}


class QuestionKind(models.TextChoices):
    MAIN = "main", _("Main question")
    FOLLOW_UP = "followUp", _("Follow-up question")


class FollowUpTarget(models.TextChoices):
    """What a follow-up probes: something the answer lacked."""

    EVIDENCE = "evidence", _("A claim without evidence")
    METHOD = "method", _("A figure without its method")
    RESULT = "result", _("A missing result")
    LESSON = "lesson", _("A missing lesson")
    TRADEOFF = "tradeoff", _("A trade-off not discussed")
    UNDERSTANDING = "understanding", _("The weakest dimension: understanding")
    LOGIC = "logic", _("The weakest dimension: logic")
    SPECIFICITY = "specificity", _("The weakest dimension: specificity")
    JOB_FIT = "job_fit", _("The weakest dimension: job fit")


def empty_metadata() -> dict:
    return {"user_agent": "", "platform": "", "session_source": ""}


class InterviewSession(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interview_sessions"
    )
    category = models.CharField(max_length=50, choices=JobCategory.choices)
    custom_category = models.CharField(max_length=100, blank=True)
    difficulty = models.CharField(
        max_length=20, choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.KO)
    question_count = models.PositiveSmallIntegerField(default=5)
    # Questions chosen for the session up front (a job practice session: by relevance to the
    # job's requirements, plus questions about the résumé), served in order before the selector.
    question_plan = models.JSONField(default=list, blank=True)
    follow_ups = models.CharField(
        max_length=3, choices=FollowUpMode.choices, default=FollowUpMode.ONE
    )
    status = models.CharField(
        max_length=20, choices=SessionStatus.choices, default=SessionStatus.ACTIVE
    )
    total_score = models.PositiveSmallIntegerField(null=True, blank=True)
    duration = models.PositiveIntegerField(default=0, help_text="seconds")
    metadata = models.JSONField(default=empty_metadata, blank=True)
    # Quotes the strengths and improvements of the answers: encrypted at rest like them.
    report = EncryptedJSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="session_user_recent_idx"),
            models.Index(fields=["status", "expires_at"], name="session_status_expiry_idx"),
            models.Index(fields=["user", "category", "status"], name="session_user_category_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(total_score__isnull=True) | Q(total_score__lte=100),
                name="session_total_score_range",
            ),
            models.CheckConstraint(
                condition=Q(question_count__gte=1) & Q(question_count__lte=20),
                name="session_question_count_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} · {self.created_at:%Y-%m-%d %H:%M}"


class SessionQuestion(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(
        InterviewSession, on_delete=models.CASCADE, related_name="session_questions"
    )
    question = models.ForeignKey(
        "questions.Question", on_delete=models.PROTECT, related_name="session_questions"
    )
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=QuestionKind.choices, default=QuestionKind.MAIN)
    # A follow-up probes the answer of its parent (a main question or an earlier follow-up).
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    depth = models.PositiveSmallIntegerField(default=0, help_text="0: main, 1-2: follow-up")
    follow_up_target = models.CharField(max_length=20, choices=FollowUpTarget.choices, blank=True)
    # offline, openai, or offline_fallback (the provider failed and the rules stood in).
    follow_up_provider = models.CharField(max_length=20, blank=True)
    started_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = EncryptedTextField(blank=True)
    time_spent = models.PositiveIntegerField(default=0, help_text="seconds")

    class Meta:
        ordering = ["session", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "order"], name="session_question_order_unique"
            ),
            models.UniqueConstraint(
                fields=["session", "question"], name="session_question_no_repeat"
            ),
            models.CheckConstraint(
                condition=(Q(kind="main", parent__isnull=True, depth=0))
                | Q(kind="followUp", parent__isnull=False, depth__gte=1, depth__lte=2),
                name="session_question_follow_up_shape",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.order} of {self.session_id}"


class SessionStart(models.Model):
    """One row per session started: the daily limit counts these, so deleting a session does
    not hand a start back. Kept as long as the user."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_starts"
    )
    started_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["user", "started_at"], name="session_start_user_day_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.started_at:%Y-%m-%d %H:%M}"
