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
    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, verbose_name=_("ID")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="interview_sessions",
        verbose_name=_("user"),
    )
    category = models.CharField(
        max_length=50, choices=JobCategory.choices, verbose_name=_("category")
    )
    custom_category = models.CharField(
        max_length=100, blank=True, verbose_name=_("custom category")
    )
    difficulty = models.CharField(
        max_length=20,
        choices=Difficulty.choices,
        default=Difficulty.MEDIUM,
        verbose_name=_("difficulty"),
    )
    language = models.CharField(
        max_length=2, choices=Language.choices, default=Language.KO, verbose_name=_("language")
    )
    question_count = models.PositiveSmallIntegerField(default=5, verbose_name=_("question count"))
    # Questions chosen for the session up front (a job practice session: by relevance to the
    # job's requirements, plus questions about the résumé), served in order before the selector.
    question_plan = models.JSONField(default=list, blank=True, verbose_name=_("question plan"))
    follow_ups = models.CharField(
        max_length=3,
        choices=FollowUpMode.choices,
        default=FollowUpMode.ONE,
        verbose_name=_("follow ups"),
    )
    status = models.CharField(
        max_length=20,
        choices=SessionStatus.choices,
        default=SessionStatus.ACTIVE,
        verbose_name=_("status"),
    )
    total_score = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("total score")
    )
    duration = models.PositiveIntegerField(
        default=0, help_text=_("seconds"), verbose_name=_("duration")
    )
    metadata = models.JSONField(default=empty_metadata, blank=True, verbose_name=_("metadata"))
    # Quotes the strengths and improvements of the answers: encrypted at rest like them.
    report = EncryptedJSONField(null=True, blank=True, verbose_name=_("report"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    expires_at = models.DateTimeField(verbose_name=_("expires at"))
    completed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("completed at"))

    class Meta:
        verbose_name = _("interview session")
        verbose_name_plural = _("interview sessions")
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
    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, verbose_name=_("ID")
    )
    session = models.ForeignKey(
        InterviewSession,
        on_delete=models.CASCADE,
        related_name="session_questions",
        verbose_name=_("session"),
    )
    question = models.ForeignKey(
        "questions.Question",
        on_delete=models.PROTECT,
        related_name="session_questions",
        verbose_name=_("question"),
    )
    order = models.PositiveSmallIntegerField(verbose_name=_("order"))
    kind = models.CharField(
        max_length=10,
        choices=QuestionKind.choices,
        default=QuestionKind.MAIN,
        verbose_name=_("kind"),
    )
    # A follow-up probes the answer of its parent (a main question or an earlier follow-up).
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("parent"),
    )
    depth = models.PositiveSmallIntegerField(
        default=0, help_text=_("0: main question, 1-2: follow-up"), verbose_name=_("depth")
    )
    follow_up_target = models.CharField(
        max_length=20,
        choices=FollowUpTarget.choices,
        blank=True,
        verbose_name=_("follow up target"),
    )
    # offline, openai, or offline_fallback (the provider failed and the rules stood in).
    follow_up_provider = models.CharField(
        max_length=20, blank=True, verbose_name=_("follow up provider")
    )
    started_at = models.DateTimeField(verbose_name=_("started at"))
    answered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("answered at"))
    answer = EncryptedTextField(blank=True, verbose_name=_("answer"))
    time_spent = models.PositiveIntegerField(
        default=0, help_text=_("seconds"), verbose_name=_("time spent")
    )

    class Meta:
        verbose_name = _("session question")
        verbose_name_plural = _("session questions")
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
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_starts",
        verbose_name=_("user"),
    )
    started_at = models.DateTimeField(verbose_name=_("started at"))

    class Meta:
        verbose_name = _("session start")
        verbose_name_plural = _("session starts")
        indexes = [models.Index(fields=["user", "started_at"], name="session_start_user_day_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.started_at:%Y-%m-%d %H:%M}"
