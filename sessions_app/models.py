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
