from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import serializers

from core.choices import Difficulty, JobCategory, Language, QuestionSource, QuestionType
from interview_platform.api.serializers import BuiltFieldsCache

from .models import Question


class EvaluationCriteriaSerializer(serializers.Serializer):
    understanding = serializers.CharField(allow_blank=True, default="")
    logic = serializers.CharField(allow_blank=True, default="")
    specificity = serializers.CharField(allow_blank=True, default="")
    job_fit = serializers.CharField(allow_blank=True, default="")


class QuestionSerializer(BuiltFieldsCache, serializers.ModelSerializer):
    """A question as users see it. `sampleAnswer` and `expectedKeywords` are null until the user
    has answered the question (staff always see them); `createdBy` is null except for staff."""

    evaluation_criteria = EvaluationCriteriaSerializer()
    expected_keywords = serializers.ListField(child=serializers.CharField(), allow_null=True)
    sample_answer = serializers.CharField(allow_null=True)
    tags = serializers.ListField(child=serializers.CharField())
    average_score = serializers.FloatField(allow_null=True, read_only=True)
    created_by = serializers.UUIDField(source="created_by_id", allow_null=True, read_only=True)

    class Meta:
        model = Question
        fields = [
            "id",
            "category",
            "custom_category",
            "difficulty",
            "type",
            "language",
            "source",
            "question",
            "tags",
            "expected_keywords",
            "sample_answer",
            "evaluation_criteria",
            "is_active",
            "created_by",
            "created_at",
            "updated_at",
            "usage_count",
            "average_score",
        ]


WITHHELD_FIELDS = ("sample_answer", "expected_keywords")


def withhold(data: dict, *, answered: bool, staff: bool) -> dict:
    """The serialized question with the answer-revealing fields blanked for this user."""
    if staff:
        return data
    data = dict(data)
    data["created_by"] = None  # always present (the schema says so), staff-only in value
    if not answered:
        for name in WITHHELD_FIELDS:
            data[name] = None
    return data


class QuestionFilterSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=JobCategory.choices, required=False)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, required=False)
    type = serializers.ChoiceField(choices=QuestionType.choices, required=False)
    language = serializers.ChoiceField(choices=Language.choices, required=False)
    source = serializers.ChoiceField(choices=QuestionSource.choices, required=False)
    tag = serializers.SlugField(required=False, max_length=50)
    search = serializers.CharField(required=False, max_length=100)
    ordering = serializers.ChoiceField(
        choices=["created", "-created", "difficulty", "usage", "-usage", "score", "-score"],
        required=False,
    )
    is_active = serializers.BooleanField(required=False)


class CategoryQuerySerializer(serializers.Serializer):
    language = serializers.ChoiceField(
        choices=Language.choices,
        required=False,
        help_text="Names and descriptions in this language (default: the request's).",
    )


class QuestionWriteSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=JobCategory.choices)
    custom_category = serializers.CharField(max_length=100, required=False, allow_blank=True)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices)
    type = serializers.ChoiceField(choices=QuestionType.choices)
    language = serializers.ChoiceField(choices=Language.choices)
    question = serializers.CharField(min_length=10, max_length=1000)
    tags = serializers.ListField(
        child=serializers.SlugField(max_length=50), max_length=10, required=False, default=list
    )
    expected_keywords = serializers.ListField(
        child=serializers.CharField(max_length=60), max_length=20, required=False, default=list
    )
    sample_answer = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    evaluation_criteria = EvaluationCriteriaSerializer(required=False)
    is_active = serializers.BooleanField(required=False, default=True)

    def validate(self, attrs):
        if attrs.get("category") == JobCategory.CUSTOM and not attrs.get("custom_category"):
            raise serializers.ValidationError(
                {"custom_category": [_("Name the role for a custom category.")]}
            )
        if attrs.get("category") != JobCategory.CUSTOM:
            # Only a custom category has a name of its own, as at session start.
            attrs["custom_category"] = ""
        return attrs


class CategorySerializer(serializers.Serializer):
    id = serializers.ChoiceField(choices=JobCategory.choices)
    name = serializers.CharField()
    description = serializers.CharField()
    question_count = serializers.IntegerField()


class DifficultySerializer(serializers.Serializer):
    id = serializers.ChoiceField(choices=Difficulty.choices)
    name = serializers.CharField()


class GenerateInputSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=JobCategory.choices)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices)
    type = serializers.ChoiceField(choices=QuestionType.choices, required=False)
    language = serializers.ChoiceField(choices=Language.choices, required=False)
    count = serializers.IntegerField(min_value=1, max_value=5, default=1)
    custom_category = serializers.CharField(max_length=100, required=False, allow_blank=True)
    job_description = serializers.CharField(max_length=4000, required=False, allow_blank=True)

    def validate(self, attrs):
        if attrs["category"] == JobCategory.CUSTOM and not attrs.get("custom_category"):
            raise serializers.ValidationError(
                {"custom_category": [_("Name the role for a custom category.")]}
            )
        return attrs
