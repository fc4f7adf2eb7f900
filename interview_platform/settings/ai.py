"""AI provider selection (DESIGN §6)."""

from __future__ import annotations

from .env import env_choice, env_float, env_int, env_str

AI_PROVIDER = env_choice("AI_PROVIDER", "auto", {"auto", "openai", "offline"})
OPENAI_API_KEY = env_str("OPENAI_API_KEY")
OPENAI_BASE_URL = env_str("OPENAI_BASE_URL") or None
OPENAI_MODEL = env_str("OPENAI_MODEL", "gpt-4o-2024-08-06")
OPENAI_TIMEOUT_SECONDS = env_float("OPENAI_TIMEOUT_SECONDS", 30.0)
OPENAI_MAX_RETRIES = env_int("OPENAI_MAX_RETRIES", 2, minimum=0)
# Inside a web request a provider call gets no SDK retries and only what is left of this budget,
# counted from the request's start; at most REQUEST_PROVIDER_CONCURRENCY such calls are in flight
# per process (the next answers 503 with Retry-After), so a hung provider holds at most that many
# request threads, each for at most the budget.
REQUEST_PROVIDER_BUDGET_SECONDS = env_float("REQUEST_PROVIDER_BUDGET_SECONDS", 8.0)
REQUEST_PROVIDER_CONCURRENCY = env_int("REQUEST_PROVIDER_CONCURRENCY", 2, minimum=1)

# One provider call may take the SDK's timeout on each of its own attempts; the analysis task's
# soft limit leaves room for all of them so a paid call is never cut off half way (a process
# pool enforces it; the worker's threads cannot, and rely on the SDK's timeout and retries). A
# row still `processing` after the hard limit (plus a margin) belongs to a dead worker and is
# claimed again.
ANALYSIS_TASK_SOFT_LIMIT = int(OPENAI_TIMEOUT_SECONDS * (OPENAI_MAX_RETRIES + 1)) + 30
ANALYSIS_TASK_HARD_LIMIT = ANALYSIS_TASK_SOFT_LIMIT + 30
ANALYSIS_STALE_AFTER_SECONDS = ANALYSIS_TASK_HARD_LIMIT + 60
# A provider analysis not back this long after the answer was queued gets the offline result
# (marked preliminary) meanwhile; the provider's replaces it when it comes. Keep it under the
# spec's 5 s analysis target minus the offline scorer's time.
ANALYSIS_PRELIMINARY_AFTER_SECONDS = env_float("ANALYSIS_PRELIMINARY_AFTER_SECONDS", 4.0)
