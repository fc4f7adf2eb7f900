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

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, verbose_name=_("ID")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="daily_analytics",
        verbose_name=_("user"),
    )
    date = models.DateField(verbose_name=_("date"))
    sessions_completed = models.PositiveIntegerField(
        default=0, verbose_name=_("sessions completed")
    )
    average_score = models.FloatField(null=True, blank=True, verbose_name=_("average score"))
    score_total = models.PositiveIntegerField(
        default=0, help_text=_("sum of the day's answer scores"), verbose_name=_("score total")
    )
    time_spent = models.PositiveIntegerField(
        default=0, help_text=_("seconds"), verbose_name=_("time spent")
    )
    questions_answered = models.PositiveIntegerField(
        default=0, verbose_name=_("questions answered")
    )
    improvement_rate = models.FloatField(null=True, blank=True, verbose_name=_("improvement rate"))
    # {skill: {score, trend, questions_count}}; skills are the rubric dimensions.
    skill_breakdown = models.JSONField(default=dict, blank=True, verbose_name=_("skill breakdown"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("user analytics")
        verbose_name_plural = _("user analytics")
        ordering = ["-date"]
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

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, verbose_name=_("ID")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="export_jobs",
        verbose_name=_("user"),
    )
    format = models.CharField(max_length=10, choices=ExportFormat.choices, verbose_name=_("format"))
    scope = models.CharField(
        max_length=20, choices=ExportScope.choices, default=ExportScope.ALL, verbose_name=_("scope")
    )
    status = models.CharField(
        max_length=20,
        choices=ExportStatus.choices,
        default=ExportStatus.PENDING,
        verbose_name=_("status"),
    )
    file = models.FileField(
        upload_to=export_upload_to,
        storage=private_storage,
        max_length=255,
        blank=True,
        verbose_name=_("file"),
    )
    size = models.PositiveBigIntegerField(
        null=True, blank=True, help_text=_("bytes"), verbose_name=_("size")
    )
    error = models.TextField(blank=True, verbose_name=_("error"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("started at"))
    completed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("completed at"))
    expires_at = models.DateTimeField(null=True, blank=True, verbose_name=_("expires at"))

    class Meta:
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="export_user_recent_idx"),
            models.Index(fields=["status", "expires_at"], name="export_expiry_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.format}/{self.scope} · {self.status}"
