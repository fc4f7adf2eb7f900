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
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="job_profiles"
    )
    title = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.KO)
    # Where the posting lives: stored for the user's reference, never fetched by the server.
    url = models.URLField(max_length=2000, blank=True)
    description = EncryptedTextField()
    resume_filename = models.CharField(max_length=255, blank=True)
    resume_text = EncryptedTextField(blank=True)
    category = models.CharField(
        max_length=50, choices=JobCategory.choices, default=JobCategory.SOFTWARE_ENGINEERING
    )
    difficulty = models.CharField(
        max_length=20, choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    # [{id, kind, text, keywords}]: extracted, then confirmed or edited by the user.
    requirements = EncryptedJSONField(default=list, blank=True)
    # [{title, text}]: projects found in the résumé, asked about in sessions.
    projects = EncryptedJSONField(default=list, blank=True)
    confirmed = models.BooleanField(default=False)
    extracted_by = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"], name="jobprofile_user_recent_idx")]

    def __str__(self) -> str:
        return self.title or f"{self.get_category_display()} · {self.created_at:%Y-%m-%d}"


class JobSession(models.Model):
    """A practice session started for a job profile, with the requirements it was played
    against (a snapshot: editing the profile later does not rewrite a finished session)."""

    session = models.OneToOneField(
        "sessions_app.InterviewSession", on_delete=models.CASCADE, related_name="job_session"
    )
    profile = models.ForeignKey(JobProfile, on_delete=models.CASCADE, related_name="sessions")
    requirements = EncryptedJSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.profile_id} → {self.session_id}"
