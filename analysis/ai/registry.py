"""Choosing the provider from settings (`AI_PROVIDER`: auto | openai | offline)."""

from __future__ import annotations

import functools

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from interview_platform.metrics import provider_call

from .base import AIService

PROVIDERS = ("auto", "openai", "offline")


def resolve_provider_name(name: str | None = None) -> str:
    """The concrete provider `name` (or settings.AI_PROVIDER) stands for: "openai" or "offline"."""
    chosen = (name or getattr(settings, "AI_PROVIDER", "auto") or "auto").lower()
    if chosen not in PROVIDERS:
        raise ImproperlyConfigured(f"AI provider must be one of {PROVIDERS}, not {chosen!r}")
    if chosen == "auto":
        return "openai" if getattr(settings, "OPENAI_API_KEY", "") else "offline"
    return chosen


def get_offline_service() -> AIService:
    return _timed_offline_class()()


# The protocol's calls (base.AIService); the OpenAI provider times each of its requests itself,
# whichever feature makes it (analysis, feedback, generation, follow-ups, job descriptions).
_OPERATIONS = ("analyze_answer", "generate_question", "generate_feedback", "generate_ideal_answer")


@functools.cache
def _timed_offline_class() -> type:
    """The offline provider with every call timed in interview_ai_provider_latency_seconds
    {provider="offline", operation=<method>}: a subclass, so it is still an OfflineAIService."""
    from .offline import OfflineAIService

    def timed(name: str):
        method = getattr(OfflineAIService, name)

        @functools.wraps(method)
        def call(self, *args, **kwargs):
            with provider_call("offline", name):
                return method(self, *args, **kwargs)

        return call

    return type(
        "TimedOfflineAIService", (OfflineAIService,), {name: timed(name) for name in _OPERATIONS}
    )


def get_ai_service(name: str | None = None) -> AIService:
    """The provider for `name`, else for settings.AI_PROVIDER.

    The OpenAI provider is imported only when chosen, so the offline path needs neither the SDK
    nor a key."""
    if resolve_provider_name(name) == "offline":
        return get_offline_service()
    return _openai_service(
        settings.OPENAI_API_KEY,
        settings.OPENAI_BASE_URL,
        settings.OPENAI_MODEL,
        settings.OPENAI_TIMEOUT_SECONDS,
        settings.OPENAI_MAX_RETRIES,
    )


@functools.lru_cache(maxsize=4)
def _openai_service(api_key, base_url, model, timeout, max_retries) -> AIService:
    """One client per process and configuration, so HTTP connections are reused across calls."""
    try:
        from .openai_provider import OpenAIService
    except ImportError as exc:
        raise ImproperlyConfigured(
            "AI_PROVIDER selects OpenAI but analysis.ai.openai_provider cannot be imported"
        ) from exc
    return OpenAIService(
        api_key=api_key, base_url=base_url, model=model, timeout=timeout, max_retries=max_retries
    )
