"""Practice for a specific job: a pasted job description, an optional résumé, the requirements
extracted from them (confirmed or edited by the user) and the sessions practised against them.

The description, the résumé text and the requirements are personal data: they belong to one user,
go with the account and are never read for anyone else."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.choices import Difficulty, JobCategory, Language
from interview_platform.encryption.fields import EncryptedJSONField, EncryptedTextField


class RequirementKind(models.TextChoices):
    SKILL = "skill", _("Skill")
    RESPONSIBILITY = "responsibility", _("Responsibility")
    SENIORITY = "seniority", _("Seniority")


class JobProfile(models.Model):
    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, verbose_name=_("ID")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="job_profiles",
        verbose_name=_("user"),
    )
    title = models.CharField(max_length=200, blank=True, verbose_name=_("title"))
    language = models.CharField(
        max_length=2, choices=Language.choices, default=Language.KO, verbose_name=_("language")
    )
    # Where the posting lives: stored for the user's reference, never fetched by the server.
    url = models.URLField(max_length=2000, blank=True, verbose_name=_("url"))
    description = EncryptedTextField(verbose_name=_("description"))
    resume_filename = models.CharField(
        max_length=255, blank=True, verbose_name=_("resume filename")
    )
    resume_text = EncryptedTextField(blank=True, verbose_name=_("resume text"))
    category = models.CharField(
        max_length=50,
        choices=JobCategory.choices,
        default=JobCategory.SOFTWARE_ENGINEERING,
        verbose_name=_("category"),
    )
    difficulty = models.CharField(
        max_length=20,
        choices=Difficulty.choices,
        default=Difficulty.MEDIUM,
        verbose_name=_("difficulty"),
    )
    # [{id, kind, text, keywords}]: extracted, then confirmed or edited by the user.
    requirements = EncryptedJSONField(default=list, blank=True, verbose_name=_("requirements"))
    # [{title, text}]: projects found in the résumé, asked about in sessions.
    projects = EncryptedJSONField(default=list, blank=True, verbose_name=_("projects"))
    confirmed = models.BooleanField(default=False, verbose_name=_("confirmed"))
    extracted_by = models.CharField(max_length=20, blank=True, verbose_name=_("extracted by"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("job profile")
        verbose_name_plural = _("job profiles")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"], name="jobprofile_user_recent_idx")]

    def __str__(self) -> str:
        return self.title or f"{self.get_category_display()} · {self.created_at:%Y-%m-%d}"


class JobSession(models.Model):
    """A practice session started for a job profile, with the requirements it was played
    against (a snapshot: editing the profile later does not rewrite a finished session)."""

    session = models.OneToOneField(
        "sessions_app.InterviewSession",
        on_delete=models.CASCADE,
        related_name="job_session",
        verbose_name=_("session"),
    )
    profile = models.ForeignKey(
        JobProfile, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("profile")
    )
    requirements = EncryptedJSONField(default=list, verbose_name=_("requirements"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("job session")
        verbose_name_plural = _("job sessions")

    def __str__(self) -> str:
        return f"{self.profile_id} → {self.session_id}"
