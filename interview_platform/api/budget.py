"""The time a web request may spend waiting on outside providers.

Each request starts a deadline (`REQUEST_PROVIDER_BUDGET_SECONDS` from its start); a provider call
made while handling it is given only what is left (see analysis.ai.openai_provider.bounds). Outside
a request (a Celery worker, a management command) there is no deadline and the configured timeout
and retries apply.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

_deadline: ContextVar[float | None] = ContextVar("provider_deadline", default=None)


@contextmanager
def provider_budget(seconds: float):
    """Provider calls inside this block end `seconds` from now at the latest."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def provider_seconds_left() -> float | None:
    """Seconds left of this request's provider budget; None outside a request."""
    deadline = _deadline.get()
    return None if deadline is None else deadline - time.monotonic()


class RequestBudgetMiddleware:
    """Starts the provider budget when the request arrives, so time spent before the provider
    call (authentication, queries) counts against it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with provider_budget(settings.REQUEST_PROVIDER_BUDGET_SECONDS):
            return self.get_response(request)
