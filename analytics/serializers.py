"""Query parameters and response bodies of the analytics API (snake_case here, camelCase on the
wire). The help texts are the statistics' definitions as the OpenAPI schema shows them."""

from __future__ import annotations

import functools
from datetime import timedelta
from zoneinfo import ZoneInfo, available_timezones

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.models import Role, SubscriptionType
from accounts.serializers import UserSerializer
from core.choices import Difficulty, JobCategory

from . import stats
from .models import ExportFormat, ExportJob, ExportScope, ExportStatus, Trend
from .selectors.admin import ORDERINGS
from .selectors.benchmarks import BENCHMARK_MIN_ANSWERS, BENCHMARK_MIN_COHORT

MAX_PROGRESS_DAYS = 731
MAX_PLATFORM_DAYS = 366

TREND_TEXT = (
    "`improving`/`declining` when the least-squares slope of this skill's scores over its last "
    f"{stats.TREND_WINDOW} scored answers (oldest first, x = 0..n-1, scores on a 0-100 scale: a "
    f"0-25 rubric score times 4) is >= +{float(stats.TREND_THRESHOLD)} / <= "
    f"-{float(stats.TREND_THRESHOLD)} points per answer; otherwise `stable`, and always "
    f"`stable` below {stats.TREND_MIN_ANSWERS} answers."
)
IMPROVEMENT_TEXT = (
    "Least-squares slope of the total score (0-100) over the user's last "
    f"{stats.TREND_WINDOW} scored answers, oldest first, in points per answer (positive: "
    f"improving). Null below {stats.TREND_MIN_ANSWERS} scored answers."
)


class TimeZoneField(serializers.ChoiceField):
    """An IANA time zone name (`Asia/Seoul`); days and streaks are counted in it. The schema
    lists every name this server knows, so a client can tell a valid one from a typo."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("default", "UTC")
        kwargs.setdefault(
            "help_text", "IANA time zone in which days are counted (default UTC), e.g. Asia/Seoul."
        )
        kwargs.setdefault("error_messages", {"invalid_choice": _("Unknown time zone.")})
        super().__init__(choices=_time_zone_names(), **kwargs)

    def get_default(self):
        # The default ("UTC", as the schema shows it) is not validated by DRF: convert it here.
        return ZoneInfo(super().get_default())

    def to_internal_value(self, data):
        return ZoneInfo(super().to_internal_value(data))


@functools.cache
def _time_zone_names() -> list[str]:
    return sorted(available_timezones() | {"UTC"})


def _today():
    return timezone.now().date()


# --- query parameters ---------------------------------------------------------------------


class UserStatsQuerySerializer(serializers.Serializer):
    timezone = TimeZoneField()


class DateRangeQuerySerializer(serializers.Serializer):
    """`from` and `to` (inclusive dates); defaults: the last 30 days ending today."""

    max_days = MAX_PROGRESS_DAYS

    # `from` is a Python keyword, so the field is declared by name.
    locals()["from"] = serializers.DateField(required=False, help_text="First day (inclusive).")
    to = serializers.DateField(required=False, help_text="Last day (inclusive); default today.")

    def validate(self, attrs):
        end = attrs.get("to") or _today()
        start = attrs.get("from") or end - timedelta(days=29)
        if start > end:
            raise serializers.ValidationError({"from": [_("`from` must not be after `to`.")]})
        if (end - start).days + 1 > self.max_days:
            raise serializers.ValidationError(
                {"from": [_("At most %(days)s days at a time.") % {"days": self.max_days}]}
            )
        return {**attrs, "start": start, "end": end}


class ProgressQuerySerializer(DateRangeQuerySerializer):
    period = serializers.ChoiceField(
        choices=[("day", "day"), ("week", "week")],
        default="day",
        help_text="Bucket size; week buckets are ISO weeks (Monday-Sunday) and widen the range.",
    )
    timezone = TimeZoneField()


class PlatformQuerySerializer(DateRangeQuerySerializer):
    max_days = MAX_PLATFORM_DAYS


class BenchmarksQuerySerializer(serializers.Serializer):
    category = serializers.ChoiceField(
        choices=JobCategory.choices,
        required=False,
        help_text="Default: the user's preferred job category.",
    )
    difficulty = serializers.ChoiceField(
        choices=Difficulty.choices, required=False, help_text="Narrow the cohort to a difficulty."
    )


class AdminUsersQuerySerializer(serializers.Serializer):
    search = serializers.CharField(required=False, max_length=100, help_text="Email or name.")
    role = serializers.ChoiceField(choices=Role.choices, required=False)
    subscription_type = serializers.ChoiceField(choices=SubscriptionType.choices, required=False)
    is_active = serializers.BooleanField(required=False)
    ordering = serializers.ChoiceField(
        choices=[(key, key) for key in ORDERINGS], required=False, default="-created_at"
    )


# --- responses ----------------------------------------------------------------------------


class CategoryScoreSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=JobCategory.choices)
    average_score = serializers.FloatField()
    questions_count = serializers.IntegerField()


class DepthSerializer(serializers.Serializer):
    follow_ups_answered = serializers.IntegerField(help_text="Scored answers to follow-ups.")
    average_follow_up_score = serializers.FloatField(
        allow_null=True, help_text="Mean total score (0-100) of those answers."
    )
    hold_up = serializers.FloatField(
        allow_null=True,
        help_text="Mean change in total score from an answer to its follow-up's answer: 0 or "
        "more means answers hold up when probed, below 0 that they weaken.",
    )


class UserStatsSerializer(serializers.Serializer):
    sessions_completed = serializers.IntegerField(help_text="Sessions with status completed.")
    average_score = serializers.FloatField(
        allow_null=True,
        help_text="Mean total score (0-100) of the user's scored answers (completed analyses, "
        "preliminary ones included).",
    )
    time_spent = serializers.IntegerField(help_text="Seconds: sum of completed sessions' duration.")
    questions_answered = serializers.IntegerField(help_text="Number of scored answers.")
    improvement_rate = serializers.FloatField(allow_null=True, help_text=IMPROVEMENT_TEXT)
    best_category = CategoryScoreSerializer(
        allow_null=True,
        help_text="Highest mean score among categories with at least 3 scored answers.",
    )
    weakest_category = CategoryScoreSerializer(
        allow_null=True,
        help_text="Lowest mean score among those categories (null with fewer than two).",
    )
    current_streak = serializers.IntegerField(
        help_text="Consecutive days (in `timezone`) with at least one answer submitted, ending "
        "today, or yesterday when nothing was submitted yet today."
    )
    last_answered_at = serializers.DateTimeField(allow_null=True)
    timezone = serializers.CharField()
    depth = DepthSerializer(
        help_text="How answers hold up under follow-up questions (follow-ups that were scored)."
    )


class ProgressBucketSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    average_score = serializers.FloatField(
        allow_null=True, help_text="Mean total score of the answers submitted in the bucket."
    )
    sessions_completed = serializers.IntegerField()
    questions_answered = serializers.IntegerField()
    time_spent = serializers.IntegerField(help_text="Seconds of the sessions completed in it.")


class ProgressSerializer(serializers.Serializer):
    period = serializers.CharField()
    locals()["from"] = serializers.DateField()
    to = serializers.DateField()
    timezone = serializers.CharField()
    buckets = ProgressBucketSerializer(many=True, help_text="Every bucket, empty ones included.")


class SkillSerializer(serializers.Serializer):
    skill = serializers.CharField(
        help_text="A rubric dimension (understanding, logic, specificity, jobFit), a question "
        "type or a job category."
    )
    score = serializers.FloatField(
        allow_null=True, help_text="Mean score: 0-25 for a dimension, 0-100 otherwise."
    )
    trend = serializers.ChoiceField(choices=Trend.choices, help_text=TREND_TEXT)
    trend_slope = serializers.FloatField(
        allow_null=True, help_text="The slope behind `trend`, points (of 100) per answer."
    )
    questions_count = serializers.IntegerField()


class WeakAreaSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="The improvement note, quotes of one answer as “…”.")
    count = serializers.IntegerField(help_text="Answers (of the last 100) that received it.")
    last_seen_at = serializers.DateTimeField()


class SkillsSerializer(serializers.Serializer):
    questions_count = serializers.IntegerField()
    dimensions = SkillSerializer(many=True)
    question_types = SkillSerializer(many=True)
    categories = SkillSerializer(many=True)
    weak_areas = WeakAreaSerializer(
        many=True,
        help_text="Improvement notes given on at least two of the last 100 scored answers, "
        "most frequent first (at most 5).",
    )
    trend_window = serializers.IntegerField()
    trend_min_answers = serializers.IntegerField()
    trend_threshold = serializers.FloatField()


class HistogramBucketSerializer(serializers.Serializer):
    locals()["from"] = serializers.IntegerField()
    to = serializers.IntegerField(help_text="Exclusive, except 100 in the last bucket.")
    users = serializers.IntegerField()


class BenchmarksSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=JobCategory.choices)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, allow_null=True)
    user_score = serializers.FloatField(
        allow_null=True, help_text="The user's mean total score in this category (0-100)."
    )
    user_answers = serializers.IntegerField()
    percentile = serializers.FloatField(
        allow_null=True,
        help_text="100 x PERCENT_RANK of the user's score among the cohort: the share of the "
        "other members scoring strictly lower (ties share a percentile). Null when not "
        "meaningful (see percentileUnavailableReason).",
    )
    percentile_available = serializers.BooleanField()
    percentile_unavailable_reason = serializers.ChoiceField(
        choices=[
            ("not_enough_answers", "not_enough_answers"),
            ("not_enough_users", "not_enough_users"),
        ],
        allow_null=True,
        help_text=f"not_enough_answers: the user has fewer than {BENCHMARK_MIN_ANSWERS} scored "
        f"answers here; not_enough_users: fewer than {BENCHMARK_MIN_COHORT} users are in the "
        "cohort.",
    )
    cohort_size = serializers.IntegerField(
        help_text=f"Users with at least {BENCHMARK_MIN_ANSWERS} scored answers in the category."
    )
    min_answers = serializers.IntegerField()
    min_cohort = serializers.IntegerField()
    platform_average = serializers.FloatField(allow_null=True)
    category_average = serializers.FloatField(allow_null=True)
    cohort_average = serializers.FloatField(allow_null=True)
    distribution = HistogramBucketSerializer(
        many=True, help_text="Cohort members per 10-point score bucket; empty for a small cohort."
    )


EXPORT_FORMAT_TEXT = (
    "`json`: one JSON file (application/json); `csv`: a zip archive (application/zip, "
    "`.zip`) of one CSV file per table; `pdf`: a report (application/pdf)."
)


class ExportCreateSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=ExportFormat.choices, help_text=EXPORT_FORMAT_TEXT)
    scope = serializers.ChoiceField(choices=ExportScope.choices, default=ExportScope.ALL)


class ExportJobSerializer(serializers.ModelSerializer):
    format = serializers.ChoiceField(
        choices=ExportFormat.choices, read_only=True, help_text=EXPORT_FORMAT_TEXT
    )
    status = serializers.ChoiceField(choices=ExportStatus.choices, read_only=True)
    download_url = serializers.SerializerMethodField(
        help_text="Signed, short-lived link (EXPORT_LINK_MAX_AGE_SECONDS, 15 minutes by "
        "default) that works without a bearer token, a plain link; null until completed and "
        "after the file expired."
    )

    class Meta:
        model = ExportJob
        fields = [
            "id",
            "format",
            "scope",
            "status",
            "size",
            "error",
            "created_at",
            "completed_at",
            "expires_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, job: ExportJob) -> str | None:
        return self.context.get("download_urls", {}).get(job.pk)


class DayActivitySerializer(serializers.Serializer):
    date = serializers.DateField()
    active_users = serializers.IntegerField()
    sessions_started = serializers.IntegerField()
    sessions_completed = serializers.IntegerField()


class CategoryAverageSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=JobCategory.choices)
    average_score = serializers.FloatField()
    answers = serializers.IntegerField()


class AIStatsSerializer(serializers.Serializer):
    analyses = serializers.IntegerField(help_text="Finished analyses (completed + failed).")
    completed = serializers.IntegerField()
    failed = serializers.IntegerField()
    preliminary = serializers.IntegerField()
    latency_p50_ms = serializers.FloatField(allow_null=True)
    latency_p95_ms = serializers.FloatField(allow_null=True)
    fallback_rate = serializers.FloatField(
        allow_null=True, help_text="Preliminary (offline fallback) / completed."
    )
    failure_rate = serializers.FloatField(allow_null=True, help_text="Failed / finished.")


class PlatformAnalyticsSerializer(serializers.Serializer):
    locals()["from"] = serializers.DateField()
    to = serializers.DateField()
    days = DayActivitySerializer(many=True)
    sessions_started = serializers.IntegerField()
    sessions_completed = serializers.IntegerField()
    sessions_abandoned = serializers.IntegerField()
    completion_rate = serializers.FloatField(
        allow_null=True, help_text="Completed / (completed + abandoned) of sessions started."
    )
    average_score_by_category = CategoryAverageSerializer(many=True)
    ai = AIStatsSerializer()
    users_total = serializers.IntegerField()
    users_new = serializers.IntegerField()
    generated_at = serializers.DateTimeField()


class AdminUserSerializer(UserSerializer):
    sessions_completed = serializers.IntegerField(read_only=True)
    questions_answered = serializers.IntegerField(read_only=True)
    average_score = serializers.FloatField(read_only=True, allow_null=True)
    last_answered_at = serializers.DateTimeField(read_only=True, allow_null=True)
    is_active = serializers.BooleanField(read_only=True)

    class Meta(UserSerializer.Meta):
        fields = [
            *UserSerializer.Meta.fields,
            "is_active",
            "sessions_completed",
            "questions_answered",
            "average_score",
            "last_answered_at",
        ]
        read_only_fields = fields
