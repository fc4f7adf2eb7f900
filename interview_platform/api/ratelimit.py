"""Rate limits on the shared cache (django-ratelimit), answered with the 429 envelope."""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.conf import settings
from django_ratelimit import ALL
from django_ratelimit.core import get_usage

from .errors import RateLimitExceeded


def enforce_rate_limit(request, *, group: str, key: str | Callable, rate: str) -> None:
    """Counts this request against `rate` for `key`; raises RateLimitExceeded past it."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return
    usage = get_usage(request, group=group, key=key, rate=rate, method=ALL, increment=True)
    if usage and usage["should_limit"]:
        raise RateLimitExceeded(retry_after=max(int(usage["time_left"]), 1), scope=group)


def rate_limit(*, group: str, key: str | Callable, rate: str | Callable[[], str]):
    """Decorates a DRF view method. `rate` may be a callable so settings can change it."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(view, request, *args, **kwargs):
            enforce_rate_limit(
                request, group=group, key=key, rate=rate() if callable(rate) else rate
            )
            return method(view, request, *args, **kwargs)

        return wrapper

    return decorator
