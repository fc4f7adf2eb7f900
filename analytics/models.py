from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Trend(models.TextChoices):
    IMPROVING = "improving", _("Improving")
    STABLE = "stable", _("Stable")
    DECLINING = "declining", _("Declining")


class UserAnalytics(models.Model):
    """One row per user per day: the spec's UserAnalytics, written by the daily rollup."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daily_analytics"
    )
    date = models.DateField()
    sessions_completed = models.PositiveIntegerField(default=0)
    average_score = models.FloatField(null=True, blank=True)
    time_spent = models.PositiveIntegerField(default=0, help_text="seconds")
    questions_answered = models.PositiveIntegerField(default=0)
    improvement_rate = models.FloatField(null=True, blank=True)
    # {skillName: {score, trend, questionsCount}}
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

    def __str__(self) -> str:
        return f"{self.user_id} · {self.date}"
