from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _


class Trend(models.TextChoices):
    IMPROVING = "improving", _("Improving")
    STABLE = "stable", _("Stable")
    DECLINING = "declining", _("Declining")


class UserAnalytics(models.Model):
    """One row per user per UTC day: the spec's UserAnalytics, written by the rollup upsert
    (`analytics.services.user_analytics_rollup`). A row exists only for a day with activity.

    The day's answers are the user's completed analyses created (answer submitted) that day; its
    sessions are the sessions completed that day. `score_total` is the sum of those answers'
    total scores, so weekly and monthly means built from rows are exact, not means of means.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daily_analytics"
    )
    date = models.DateField()
    sessions_completed = models.PositiveIntegerField(default=0)
    average_score = models.FloatField(null=True, blank=True)
    score_total = models.PositiveIntegerField(default=0, help_text="sum of the day's answer scores")
    time_spent = models.PositiveIntegerField(default=0, help_text="seconds")
    questions_answered = models.PositiveIntegerField(default=0)
    improvement_rate = models.FloatField(null=True, blank=True)
    # {skill: {score, trend, questions_count}}; skills are the rubric dimensions.
    skill_breakdown = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date"]
        verbose_name_plural = "user analytics"
        constraints = [
            models.UniqueConstraint(fields=["user", "date"], name="user_analytics_one_per_day"),
            models.CheckConstraint(
                condition=Q(average_score__isnull=True)
                | Q(average_score__gte=0, average_score__lte=100),
                name="user_analytics_average_range",
            ),
        ]
        indexes = [
            # Platform analytics read every user's rows of a date range.
            models.Index(fields=["date"], name="user_analytics_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.date}"


class PlatformAnalytics(UserAnalytics):
    """No table of its own: the admin's "Platform analytics" page hangs off this proxy, which is
    how the page gets a link on the admin index."""

    class Meta:
        proxy = True
        verbose_name = _("platform analytics")
        verbose_name_plural = _("platform analytics")


class ExportFormat(models.TextChoices):
    JSON = "json", "JSON"
    CSV = "csv", _("CSV (a zip of one file per table)")
    PDF = "pdf", _("PDF report")


class ExportScope(models.TextChoices):
    ALL = "all", _("All my data")
    SESSIONS = "sessions", _("Sessions, answers and analyses")
    ANALYTICS = "analytics", _("Statistics and progress")


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    PROCESSING = "processing", _("Processing")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Failed")


def export_folder(user_id) -> str:
    return f"exports/{user_id}"


def export_upload_to(job: ExportJob, filename: str) -> str:
    """An unguessable name (192 random bits), whatever the builder called the file."""
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"{export_folder(job.user_id)}/{secrets.token_urlsafe(24)}.{extension}"


class _PrivateStorage(LazyObject):
    """settings.STORAGES["private"], resolved on first use (like Django's default_storage)."""

    def _setup(self):
        self._wrapped = storages["private"]


PRIVATE_STORAGE = _PrivateStorage()


def private_storage():
    """Exports live in the private storage (settings STORAGES["private"]), never under
    MEDIA_URL."""
    return PRIVATE_STORAGE


class ExportJob(models.Model):
    """A data export: queued by `POST /api/analytics/export`, built on the `exports` queue,
    kept in the default storage until `expires_at` and then removed by a beat task."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_jobs"
    )
    format = models.CharField(max_length=10, choices=ExportFormat.choices)
    scope = models.CharField(max_length=20, choices=ExportScope.choices, default=ExportScope.ALL)
    status = models.CharField(
        max_length=20, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    file = models.FileField(
        upload_to=export_upload_to, storage=private_storage, max_length=255, blank=True
    )
    size = models.PositiveBigIntegerField(null=True, blank=True, help_text="bytes")
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="export_user_recent_idx"),
            models.Index(fields=["status", "expires_at"], name="export_expiry_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.format}/{self.scope} · {self.status}"
