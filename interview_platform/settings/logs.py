"""Structured JSON logs (the spec's LogStructure) with the request id on every line.

Every process (gunicorn, Celery worker and beat, management commands) writes JSON lines to
stdout: containers collect stdout, and one stream keeps lines of one process in order. Celery
applies this same configuration (``interview_platform.celery``) instead of its own.
"""

from __future__ import annotations

from .env import env_choice, env_int, env_str

LOG_LEVEL = env_choice("LOG_LEVEL", "info", {"debug", "info", "warning", "error"}).upper()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "interview_platform.logging.RequestContextFilter"}},
    "formatters": {"json": {"()": "interview_platform.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["request_context"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Our access log replaces Django's own request warnings for 4xx, which would log twice.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "celery": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}

# /metrics (Prometheus) answers only to `Authorization: Bearer <METRICS_TOKEN>`; unset, it is off.
METRICS_TOKEN = env_str("METRICS_TOKEN")
# Collectors read from the database when /metrics is scraped: each at most once per
# METRICS_DATABASE_SECONDS across every process (the result is kept in the shared cache).
METRICS_COLLECTORS = ["analysis.metrics.AnalysesByStatus"]
METRICS_DATABASE_SECONDS = env_int("METRICS_DATABASE_SECONDS", 30, minimum=0)
