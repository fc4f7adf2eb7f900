from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.choices import Difficulty, JobCategory, Language, QuestionSource, QuestionType
from interview_platform.encryption.fields import EncryptedTextField


def empty_criteria() -> dict:
    return {"understanding": "", "logic": "", "specificity": "", "job_fit": ""}


class Question(models.Model):
    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, verbose_name=_("ID")
    )
    # The bank's stable key (`ko-design-easy-03`): the seeder inserts or updates by it.
    key = models.CharField(
        max_length=120, unique=True, null=True, blank=True, verbose_name=_("key")
    )
    category = models.CharField(
        max_length=50, choices=JobCategory.choices, verbose_name=_("category")
    )
    custom_category = models.CharField(
        max_length=100, blank=True, verbose_name=_("custom category")
    )
    difficulty = models.CharField(
        max_length=20, choices=Difficulty.choices, verbose_name=_("difficulty")
    )
    type = models.CharField(max_length=30, choices=QuestionType.choices, verbose_name=_("type"))
    language = models.CharField(max_length=2, choices=Language.choices, verbose_name=_("language"))
    source = models.CharField(
        max_length=10,
        choices=QuestionSource.choices,
        default=QuestionSource.ADMIN,
        verbose_name=_("source"),
    )
    # A question a user typed in for free practice is theirs: encrypted at rest. The curated
    # bank (staff, seed, AI) stays clear so it can be searched.
    # Follow-ups quote the user's answer, résumé questions their projects: theirs too.
    question = EncryptedTextField(
        encrypt_when={
            "source": [
                QuestionSource.USER.value,
                QuestionSource.FOLLOW_UP.value,
                QuestionSource.JOB.value,
            ]
        },
        verbose_name=_("question"),
    )
    tags = models.JSONField(default=list, blank=True, verbose_name=_("tags"))
    expected_keywords = models.JSONField(
        default=list, blank=True, verbose_name=_("expected keywords")
    )
    sample_answer = models.TextField(blank=True, verbose_name=_("sample answer"))
    evaluation_criteria = models.JSONField(
        default=empty_criteria, blank=True, verbose_name=_("evaluation criteria")
    )
    is_active = models.BooleanField(default=True, verbose_name=_("is active"))
    # A bank question's fingerprint of what `seed_questions` last wrote (content and is_active):
    # when the row no longer matches it, staff changed it, and seeding leaves it alone.
    seed_fingerprint = models.CharField(
        max_length=64, blank=True, editable=False, verbose_name=_("seed fingerprint")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions_created",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    usage_count = models.PositiveIntegerField(default=0, verbose_name=_("usage count"))
    # average_score is score_total / scored_count, all three moved in one UPDATE.
    scored_count = models.PositiveIntegerField(default=0, verbose_name=_("scored count"))
    score_total = models.PositiveBigIntegerField(default=0, verbose_name=_("score total"))
    average_score = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True, verbose_name=_("average score")
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["category", "difficulty", "key", "created_at"]
        indexes = [
            models.Index(
                fields=["category", "difficulty", "language", "is_active"],
                name="question_bank_lookup_idx",
            ),
            models.Index(fields=["language", "is_active", "type"], name="question_lang_type_idx"),
            models.Index(fields=["source", "is_active"], name="question_source_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(average_score__isnull=True)
                | Q(average_score__gte=0, average_score__lte=100),
                name="question_average_score_range",
            ),
        ]

    def __str__(self) -> str:
        return self.question[:80]
