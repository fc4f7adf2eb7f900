"""Provider calls made while a web request waits: bounded in time and in number.

Inside a request (interview_platform.api.budget) a completion gets no SDK retries and a timeout of
what is left of the request's provider budget, and at most `REQUEST_PROVIDER_CONCURRENCY` of them
are in flight per process: a hung provider then holds at most that many request threads, each for
at most the budget, and the others keep serving (a retry belongs to the caller, who was told when
to come back). Outside a request (the workers) the configured timeout and retries apply unchanged.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.conf import settings

from interview_platform.api.budget import provider_seconds_left

from ..base import TransientAIError

if TYPE_CHECKING:
    import openai

# Less than this left of the budget is not worth a paid call that would be cut off anyway.
MIN_CALL_SECONDS = 0.5


class ProviderBusy(TransientAIError):
    """Every request slot for provider calls in this process is taken."""

    def __init__(self) -> None:
        super().__init__("busy", detail="too many provider calls in flight in this process")


def retry_after_seconds() -> int:
    """When to come back after `ProviderBusy`: by then every call in flight has ended."""
    return max(1, math.ceil(settings.REQUEST_PROVIDER_BUDGET_SECONDS))


class _Slots:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.in_flight = 0

    def take(self, limit: int) -> bool:
        with self._lock:
            if self.in_flight >= limit:
                return False
            self.in_flight += 1
            return True

    def give_back(self) -> None:
        with self._lock:
            self.in_flight -= 1


SLOTS = _Slots()


@contextmanager
def bounded_client(client: openai.OpenAI) -> Iterator[openai.OpenAI]:
    """`client` as it may be used now: as is outside a request; inside one, with no retries, a
    timeout of what is left of the budget, and a slot held for the call."""
    left = provider_seconds_left()
    if left is None:
        yield client
        return
    if left < MIN_CALL_SECONDS:
        raise TransientAIError("timeout", detail="the request's provider budget is spent")
    if not SLOTS.take(settings.REQUEST_PROVIDER_CONCURRENCY):
        raise ProviderBusy()
    try:
        configured = client.timeout if isinstance(client.timeout, int | float) else left
        yield client.with_options(timeout=min(left, configured), max_retries=0)
    finally:
        SLOTS.give_back()
