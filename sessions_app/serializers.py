from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from rest_framework import serializers

from analysis.serializers import AnalysisResultSerializer
from core.choices import Difficulty, JobCategory, Language
from interview_platform.api.serializers import BuiltFieldsCache
from questions.serializers import QuestionSerializer, withhold

from .models import (
    FollowUpMode,
    FollowUpTarget,
    InterviewSession,
    QuestionKind,
    SessionQuestion,
    SessionStatus,
)


class MetadataSerializer(serializers.Serializer):
    user_agent = serializers.CharField(allow_blank=True, required=False, max_length=500)
    platform = serializers.CharField(allow_blank=True, required=False, max_length=100)
    session_source = serializers.CharField(allow_blank=True, required=False, max_length=100)


class SessionQuestionSerializer(BuiltFieldsCache, serializers.ModelSerializer):
    """A question as served in a session; the bank question is embedded (its sample answer is
    revealed once this question has been answered)."""

    question_id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=QuestionKind.choices, read_only=True)
    parent_question_id = serializers.UUIDField(
        source="parent_id",
        allow_null=True,
        read_only=True,
        help_text="For a follow-up: the session question whose answer it probes.",
    )
    follow_up_target = serializers.ChoiceField(
        choices=[("", ""), *FollowUpTarget.choices],
        read_only=True,
        help_text="For a follow-up: what the answer lacked (empty for a main question).",
    )
    question = serializers.SerializerMethodField()
    analysis_id = serializers.SerializerMethodField()
    analysis_status = serializers.SerializerMethodField()

    class Meta:
        model = SessionQuestion
        fields = [
            "id",
            "question_id",
            "kind",
            "parent_question_id",
            "depth",
            "follow_up_target",
            "order",
            "started_at",
            "answered_at",
            "answer",
            "time_spent",
            "question",
            "analysis_id",
            "analysis_status",
        ]

    def get_question(self, obj) -> QuestionSerializer:
        staff = bool(self.context.get("staff"))
        # The parent serializes all of a session's questions in one pass (one serializer, not
        # one per question); a lone session question serializes its own.
        data = self.context.get("question_data", {}).get(obj.question_id)
        if data is None:
            data = QuestionSerializer(obj.question).data
        return withhold(data, answered=obj.answered_at is not None, staff=staff)

    def get_analysis_id(self, obj) -> str | None:
        analysis = getattr(obj, "analysis", None)
        return str(analysis.pk) if analysis else None

    def get_analysis_status(self, obj) -> str | None:
        analysis = getattr(obj, "analysis", None)
        return analysis.status if analysis else None


class _TimeoutFields(serializers.Serializer):
    expires_at = serializers.DateTimeField()
    timeout_warning_at = serializers.SerializerMethodField()

    def get_timeout_warning_at(self, obj) -> str:
        warning = obj.expires_at - timedelta(seconds=settings.SESSION_TIMEOUT_WARNING_SECONDS)
        return serializers.DateTimeField().to_representation(warning)


class SessionListItemSerializer(BuiltFieldsCache, _TimeoutFields, serializers.ModelSerializer):
    questions_asked = serializers.IntegerField(read_only=True)
    questions_answered = serializers.IntegerField(read_only=True)
    metadata = MetadataSerializer()

    class Meta:
        model = InterviewSession
        fields = [
            "id",
            "category",
            "custom_category",
            "difficulty",
            "language",
            "question_count",
            "questions_asked",
            "questions_answered",
            "status",
            "total_score",
            "duration",
            "metadata",
            "created_at",
            "completed_at",
            "expires_at",
            "timeout_warning_at",
        ]


class SessionFollowUpsSerializer(serializers.Serializer):
    asked = serializers.IntegerField()
    answered = serializers.IntegerField()
    average_score = serializers.FloatField(
        allow_null=True, help_text="Mean total score of the scored follow-up answers."
    )
    hold_up = serializers.FloatField(
        allow_null=True,
        help_text="Mean change in score from an answer to its follow-up's answer (depth).",
    )
    targets = serializers.DictField(
        child=serializers.IntegerField(), help_text="Follow-ups asked, by what they probed."
    )


class SessionReportSerializer(serializers.Serializer):
    total_score = serializers.IntegerField(allow_null=True)
    answered = serializers.IntegerField()
    asked = serializers.IntegerField()
    pending_analyses = serializers.IntegerField()
    questions = serializers.ListField(child=serializers.DictField())
    rubric_averages = serializers.DictField(child=serializers.FloatField(allow_null=True))
    top_strengths = serializers.ListField(child=serializers.CharField())
    top_improvements = serializers.ListField(child=serializers.CharField())
    follow_ups = SessionFollowUpsSerializer(required=False)
    comparison = serializers.DictField()


class SessionDetailSerializer(BuiltFieldsCache, _TimeoutFields, serializers.ModelSerializer):
    """The spec's InterviewSession: its questions, their analyses (`results`) and the report."""

    questions = serializers.SerializerMethodField()
    results = serializers.SerializerMethodField()
    current_question = serializers.SerializerMethodField()
    metadata = MetadataSerializer()
    report = SessionReportSerializer(allow_null=True)

    class Meta:
        model = InterviewSession
        fields = [
            "id",
            "user_id",
            "category",
            "custom_category",
            "difficulty",
            "language",
            "question_count",
            "follow_ups",
            "status",
            "total_score",
            "duration",
            "metadata",
            "created_at",
            "completed_at",
            "expires_at",
            "timeout_warning_at",
            "current_question",
            "questions",
            "results",
            "report",
        ]

    def _served(self, obj) -> list[SessionQuestion]:
        return list(obj.session_questions.all())

    def _with_question_data(self, obj) -> dict:
        # Once per session: `questions` and `currentQuestion` embed the same bank questions.
        cached = self.__dict__.setdefault("_question_data", {})
        if obj.pk not in cached:
            served = self._served(obj)
            questions = QuestionSerializer([sq.question for sq in served], many=True).data
            by_id = {sq.question_id: data for sq, data in zip(served, questions, strict=True)}
            cached[obj.pk] = {**self.context, "question_data": by_id}
        return cached[obj.pk]

    def get_questions(self, obj) -> SessionQuestionSerializer(many=True):
        return SessionQuestionSerializer(
            self._served(obj), many=True, context=self._with_question_data(obj)
        ).data

    def get_results(self, obj) -> AnalysisResultSerializer(many=True):
        analyses = [sq.analysis for sq in self._served(obj) if getattr(sq, "analysis", None)]
        return AnalysisResultSerializer(analyses, many=True).data

    def get_current_question(self, obj) -> SessionQuestionSerializer(allow_null=True):
        served = self._served(obj)
        if obj.status != SessionStatus.ACTIVE or not served or served[-1].answered_at:
            return None
        return SessionQuestionSerializer(served[-1], context=self._with_question_data(obj)).data


class SessionStartSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=JobCategory.choices, required=False)
    custom_category = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, required=False)
    language = serializers.ChoiceField(choices=Language.choices, required=False)
    question_count = serializers.IntegerField(min_value=1, max_value=20, default=5)
    follow_ups = serializers.ChoiceField(
        choices=FollowUpMode.choices,
        default=FollowUpMode.ONE,
        help_text="Follow-up questions on each answer: off, one, or up to two. They count "
        "against questionCount.",
    )
    platform = serializers.CharField(max_length=100, required=False, allow_blank=True)
    session_source = serializers.CharField(max_length=100, required=False, allow_blank=True)


class SessionUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=[SessionStatus.ABANDONED], required=False)
    metadata = MetadataSerializer(required=False)


class SessionFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=SessionStatus.choices, required=False)
    category = serializers.ChoiceField(choices=JobCategory.choices, required=False)
    from_date = serializers.DateField(required=False)
    to_date = serializers.DateField(required=False)


class AdminSessionFilterSerializer(SessionFilterSerializer):
    user = serializers.RegexField(
        r"\S", required=False, max_length=255, help_text="Email or id of the sessions' owner."
    )
