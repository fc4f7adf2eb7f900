from __future__ import annotations

from rest_framework import serializers

from core.choices import Difficulty, JobCategory, Language
from sessions_app.models import FollowUpMode

from .models import JobProfile, RequirementKind
from .resume import MAX_RESUME_BYTES


class RequirementSerializer(serializers.Serializer):
    id = serializers.CharField(read_only=True)
    kind = serializers.ChoiceField(choices=RequirementKind.choices)
    text = serializers.CharField(max_length=300)
    keywords = serializers.ListField(child=serializers.CharField(), read_only=True)


class ProjectSerializer(serializers.Serializer):
    title = serializers.CharField()
    text = serializers.CharField()


class JobProfileSerializer(serializers.ModelSerializer):
    requirements = RequirementSerializer(many=True)
    projects = ProjectSerializer(many=True)
    has_resume = serializers.SerializerMethodField()

    class Meta:
        model = JobProfile
        fields = [
            "id",
            "title",
            "language",
            "url",
            "description",
            "category",
            "difficulty",
            "requirements",
            "projects",
            "has_resume",
            "resume_filename",
            "confirmed",
            "extracted_by",
            "created_at",
            "updated_at",
        ]

    def get_has_resume(self, obj) -> bool:
        return bool(obj.resume_text)


class JobProfileListItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = JobProfile
        fields = ["id", "title", "language", "category", "confirmed", "created_at"]


class JobProfileCreateSerializer(serializers.Serializer):
    """JSON, or multipart with a `resume` file (PDF, .docx or text, at most 2 MB)."""

    description = serializers.CharField(
        allow_blank=True, trim_whitespace=False, help_text="The pasted job description."
    )
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    url = serializers.URLField(
        max_length=2000,
        required=False,
        allow_blank=True,
        default="",
        help_text="Where the posting is; stored for reference, never fetched.",
    )
    language = serializers.ChoiceField(choices=Language.choices, required=False)
    resume = serializers.FileField(
        required=False,
        allow_empty_file=True,
        help_text="PDF, Word (.docx) or plain text, at most "
        f"{MAX_RESUME_BYTES // 1024 // 1024} MB.",
    )


class JobProfileConfirmSerializer(serializers.Serializer):
    requirements = RequirementSerializer(many=True)
    category = serializers.ChoiceField(
        choices=[c for c in JobCategory.choices if c[0] != JobCategory.CUSTOM], required=False
    )
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, required=False)


class JobSessionStartSerializer(serializers.Serializer):
    question_count = serializers.IntegerField(min_value=1, max_value=20, default=5)
    follow_ups = serializers.ChoiceField(choices=FollowUpMode.choices, default=FollowUpMode.ONE)


class EvidenceSerializer(serializers.Serializer):
    session_question_id = serializers.UUIDField()
    quote = serializers.CharField(help_text="The sentence of the answer that shows it.")
    matched = serializers.ListField(child=serializers.CharField())


class RequirementFitSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.ChoiceField(choices=RequirementKind.choices)
    text = serializers.CharField()
    covered = serializers.BooleanField()
    evidence = EvidenceSerializer(many=True)


class JobFitSerializer(serializers.Serializer):
    session_id = serializers.UUIDField()
    profile_id = serializers.UUIDField()
    fit_score = serializers.IntegerField(
        allow_null=True, help_text="Share of the requirements the answers covered, 0-100."
    )
    answered = serializers.IntegerField()
    requirements = RequirementFitSerializer(many=True)
    covered = serializers.ListField(child=serializers.CharField())
    missing = serializers.ListField(child=serializers.CharField())
