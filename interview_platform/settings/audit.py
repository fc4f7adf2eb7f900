"""Audit of staff writes (django-auditlog; README "Security"). Each model staff can change in
the admin or through /api/admin/* is tracked; counters the system moves and secrets are left out,
and fields encrypted at rest are recorded as changed without their values."""

_MASK = "interview_platform.audit.recording.conceal"

AUDITLOG_INCLUDE_TRACKING_MODELS = (
    {
        "model": "accounts.User",
        "exclude_fields": ["password", "last_login", "last_login_at", "updated_at"],
    },
    {
        # The text is encrypted at rest when a user typed it (or it quotes their answer or
        # résumé); the audit cannot tell per row which text that is at mask time, so no question
        # text is kept in it: that it changed, by whom and when is, and the admin shows the text.
        "model": "questions.Question",
        "mask_fields": ["question"],
        "mask_callable": _MASK,
        "exclude_fields": [
            "usage_count",
            "scored_count",
            "score_total",
            "average_score",
            "updated_at",
        ],
    },
    {"model": "sessions_app.InterviewSession", "mask_fields": ["report"], "mask_callable": _MASK},
    {"model": "sessions_app.SessionQuestion", "mask_fields": ["answer"], "mask_callable": _MASK},
    {
        "model": "analysis.AnalysisResult",
        "mask_fields": [
            "user_answer",
            "strengths",
            "improvements",
            "detailed_feedback",
            "ideal_answer",
        ],
        "mask_callable": _MASK,
        "exclude_fields": ["updated_at"],
    },
    "analytics.UserAnalytics",
    "analytics.ExportJob",
    "account.EmailAddress",
    {"model": "socialaccount.SocialAccount", "exclude_fields": ["extra_data"]},
    {"model": "socialaccount.SocialApp", "mask_fields": ["secret", "key"], "mask_callable": _MASK},
    {"model": "mfa.Authenticator", "exclude_fields": ["data"]},
    "auth.Group",
    "django_celery_beat.PeriodicTask",
    "django_celery_beat.CrontabSchedule",
    "django_celery_beat.IntervalSchedule",
)
# The actor's address comes from the audit middleware (the peer's, not X-Forwarded-For).
AUDITLOG_DISABLE_REMOTE_ADDR = False
