"""Whether a transaction was open when the OpenAI provider was called.

Every call the provider makes (generation, extraction, follow-ups, feedback) goes through
`OpenAIService._complete`: the spy records each one there with `connection.in_atomic_block` of
the calling thread at that moment, then makes it as usual, through the SDK to the local fake
server. Use with the `transactional_db` marker, so that no test-wide transaction is open."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from unittest import mock

from django.db import connection

from analysis.ai.openai_provider.service import OpenAIService


@dataclass(frozen=True)
class ProviderCall:
    operation: str
    in_transaction: bool


@contextlib.contextmanager
def provider_calls_recorded() -> Iterator[list[ProviderCall]]:
    calls: list[ProviderCall] = []
    real = OpenAIService._complete

    def record(self, messages, schema, *, max_tokens, operation):
        calls.append(ProviderCall(operation, connection.in_atomic_block))
        return real(self, messages, schema, max_tokens=max_tokens, operation=operation)

    with mock.patch.object(OpenAIService, "_complete", autospec=True, side_effect=record):
        yield calls
