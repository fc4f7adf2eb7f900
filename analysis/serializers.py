from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.choices import Difficulty, JobCategory, Language, QuestionType

from .ai.types import FLAG_CODES
from .flags import flags_for_display
from .models import AnalysisResult, AnalysisStatus


class ScoresSerializer(serializers.Serializer):
    understanding = serializers.IntegerField(min_value=0, max_value=25, allow_null=True)
    logic = serializers.IntegerField(min_value=0, max_value=25, allow_null=True)
    specificity = serializers.IntegerField(min_value=0, max_value=25, allow_null=True)
    job_fit = serializers.IntegerField(min_value=0, max_value=25, allow_null=True)


class DetailedFeedbackSerializer(serializers.Serializer):
    grammar = serializers.CharField()
    structure = serializers.CharField()
    content = serializers.CharField()
    suggestions = serializers.ListField(child=serializers.CharField())


class AIAnalysisSerializer(serializers.Serializer):
    model = serializers.CharField()
    confidence = serializers.FloatField()
    processing_time = serializers.IntegerField(help_text="milliseconds")
    prompt_version = serializers.CharField()
    token_usage = serializers.DictField(child=serializers.IntegerField(), required=False)
    fallback_reason = serializers.CharField(required=False)
    reused_from = serializers.UUIDField(required=False)


class FlagSerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        choices=[(code, code) for code in FLAG_CODES],
        help_text="language_mismatch: answered in the other language (scored on content); "
        "off_topic: answers a different question; copied_question: restates the question; "
        "repetition: a sentence repeated; padding: unrelated sentences left out of the score; "
        "evaluator_directed: text addressed to the evaluator, ignored; abusive_tone: insulting "
        "wording, lowers job fit.",
    )
    message = serializers.CharField(help_text="In the session's language.")


class AnalysisQuestionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    question = serializers.CharField()
    category = serializers.ChoiceField(choices=JobCategory.choices)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices)
    type = serializers.ChoiceField(choices=QuestionType.choices)
    language = serializers.ChoiceField(choices=Language.choices)


class AnalysisResultSerializer(serializers.ModelSerializer):
    """The spec's AnalysisResult plus `status`, `preliminary` and `failureReason`."""

    session_id = serializers.UUIDField(allow_null=True)
    question_id = serializers.UUIDField()
    session_question_id = serializers.UUIDField(allow_null=True)
    question = AnalysisQuestionSerializer()
    scores = ScoresSerializer()
    strengths = serializers.ListField(child=serializers.CharField())
    improvements = serializers.ListField(child=serializers.CharField())
    detailed_feedback = DetailedFeedbackSerializer(allow_null=True)
    ai_analysis = serializers.SerializerMethodField()
    flags = serializers.SerializerMethodField()

    class Meta:
        model = AnalysisResult
        fields = [
            "id",
            "status",
            "session_id",
            "session_question_id",
            "question_id",
            "question",
            "language",
            "user_answer",
            "scores",
            "total_score",
            "strengths",
            "improvements",
            "detailed_feedback",
            "ai_analysis",
            "ideal_answer",
            "preliminary",
            "flags",
            "failure_reason",
            "created_at",
            "completed_at",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["scores"] = {
            "understanding": instance.understanding,
            "logic": instance.logic,
            "specificity": instance.specificity,
            "job_fit": instance.job_fit,
        }
        return data

    @extend_schema_field(FlagSerializer(many=True))
    def get_flags(self, obj) -> list[dict]:
        """What the scorer noticed about the answer itself, in the session's language."""
        return flags_for_display(obj.flags, obj.language)

    @extend_schema_field(AIAnalysisSerializer(allow_null=True))
    def get_ai_analysis(self, obj) -> dict | None:
        return obj.ai_analysis or None


class AnalysisStatusSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=AnalysisStatus.choices)


class AnswerInputSerializer(serializers.Serializer):
    """Either a session answer (sessionId + sessionQuestionId) or free practice (questionId or
    the question text)."""

    answer = serializers.CharField(trim_whitespace=False, max_length=20000)
    session_id = serializers.UUIDField(required=False)
    session_question_id = serializers.UUIDField(required=False)
    time_spent = serializers.IntegerField(required=False, min_value=0, max_value=24 * 3600)
    question_id = serializers.UUIDField(required=False)
    question = serializers.CharField(required=False, min_length=5, max_length=1000)
    category = serializers.ChoiceField(choices=JobCategory.choices, required=False)
    language = serializers.ChoiceField(choices=Language.choices, required=False)

    def validate(self, attrs):
        in_session = "session_id" in attrs or "session_question_id" in attrs
        if in_session and not ("session_id" in attrs and "session_question_id" in attrs):
            raise serializers.ValidationError(
                {"session_question_id": [_("sessionId and sessionQuestionId go together.")]}
            )
        if not in_session and not (attrs.get("question_id") or attrs.get("question")):
            raise serializers.ValidationError(
                {"question_id": [_("Give sessionId + sessionQuestionId, questionId or question.")]}
            )
        return attrs


class BatchInputSerializer(serializers.Serializer):
    items = AnswerInputSerializer(many=True, allow_empty=False)

    def validate_items(self, items):
        if len(items) > settings.ANALYSIS_BATCH_MAX:
            raise serializers.ValidationError(
                _("At most %(n)s items.") % {"n": settings.ANALYSIS_BATCH_MAX}
            )
        return items


class BatchOutputSerializer(serializers.Serializer):
    results = AnalysisStatusSerializer(many=True)


class FeedbackSerializer(serializers.Serializer):
    detailed_feedback = DetailedFeedbackSerializer()
    strengths = serializers.ListField(child=serializers.CharField())
    improvements = serializers.ListField(child=serializers.CharField())
    ideal_answer = serializers.CharField()
