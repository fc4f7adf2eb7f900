from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.choices import Language
from interview_platform.encryption.fields import EncryptedJSONField, EncryptedTextField

SCORE_FIELDS = ("understanding", "logic", "specificity", "job_fit")


class AnalysisStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    PROCESSING = "processing", _("Processing")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Failed")


def _score_range(field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0, f"{field}__lte": 25}),
        name=f"analysis_{field}_range",
    )


class AnalysisResult(models.Model):
    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, verbose_name=_("ID")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="analysis_results",
        verbose_name=_("user"),
    )
    # Free practice has no session; a session answer links both the session and its slot.
    session = models.ForeignKey(
        "sessions_app.InterviewSession",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="results",
        verbose_name=_("session"),
    )
    session_question = models.OneToOneField(
        "sessions_app.SessionQuestion",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="analysis",
        verbose_name=_("session question"),
    )
    question = models.ForeignKey(
        "questions.Question",
        on_delete=models.PROTECT,
        related_name="analysis_results",
        verbose_name=_("question"),
    )
    # Encrypted at rest: the answer and every piece of feedback that can quote it.
    user_answer = EncryptedTextField(verbose_name=_("user answer"))
    language = models.CharField(
        max_length=2, choices=Language.choices, default=Language.KO, verbose_name=_("language")
    )
    status = models.CharField(
        max_length=20,
        choices=AnalysisStatus.choices,
        default=AnalysisStatus.PENDING,
        verbose_name=_("status"),
    )
    understanding = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("understanding")
    )
    logic = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("logic"))
    specificity = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("specificity")
    )
    job_fit = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("job fit"))
    total_score = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("total score")
    )
    strengths = EncryptedJSONField(default=list, blank=True, verbose_name=_("strengths"))
    improvements = EncryptedJSONField(default=list, blank=True, verbose_name=_("improvements"))
    detailed_feedback = EncryptedJSONField(
        null=True, blank=True, verbose_name=_("detailed feedback")
    )
    # Set while one request generates detailed feedback on demand (a paid call), so that a
    # concurrent request waits for it instead of paying again.
    feedback_claimed_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("feedback claimed at")
    )
    ai_analysis = models.JSONField(default=dict, blank=True, verbose_name=_("ai analysis"))
    ideal_answer = EncryptedTextField(blank=True, verbose_name=_("ideal answer"))
    preliminary = models.BooleanField(default=False, verbose_name=_("preliminary"))
    # Integrity flags ({"code", ...params}; codes in analysis.ai.types.FLAG_CODES): what the
    # scorer saw in the answer itself (another language, off topic, padding...). Encrypted like
    # the feedback: abusive_tone names the words the answer used.
    flags = EncryptedJSONField(default=list, blank=True, verbose_name=_("flags"))
    failure_reason = models.TextField(blank=True, verbose_name=_("failure reason"))
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    # Keyed HMAC (FIELD_HASH_KEY) of (question, rubric version, answer): the same user's identical
    # answer reuses stored scores; the hash reveals nothing of the answer without the key.
    fingerprint = models.CharField(max_length=64, blank=True, verbose_name=_("fingerprint"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    completed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("completed at"))

    class Meta:
        verbose_name = _("analysis result")
        verbose_name_plural = _("analysis results")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["session", "created_at"], name="analysis_session_idx"),
            models.Index(fields=["user", "-created_at"], name="analysis_user_recent_idx"),
            models.Index(fields=["status", "updated_at"], name="analysis_status_idx"),
            # The reuse look-up (same answer, same rubric, completed): one index, whatever the
            # planner's statistics say.
            models.Index(fields=["fingerprint", "status"], name="analysis_fingerprint_idx"),
            # Benchmarks rank every user of a category: per question, an index-only scan
            # (PostgreSQL covering index; other databases skip it).
            models.Index(
                fields=["question", "status"],
                include=["user", "total_score"],
                name="analysis_question_scores_idx",
            ),
        ]
        constraints = [
            *(_score_range(field) for field in SCORE_FIELDS),
            models.CheckConstraint(
                condition=Q(total_score__isnull=True)
                | Q(
                    total_score=F("understanding") + F("logic") + F("specificity") + F("job_fit"),
                    total_score__lte=100,
                ),
                name="analysis_total_is_sum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.status} · {self.total_score if self.total_score is not None else '-'}"

    @property
    def scores(self) -> dict[str, int | None]:
        return {
            "understanding": self.understanding,
            "logic": self.logic,
            "specificity": self.specificity,
            "jobFit": self.job_fit,
        }
