"""Small building blocks the scenario modules share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bench.context import Context

# Targets from the requirements (p95, milliseconds).
AUTH_TARGET_MS = 200
QUESTIONS_TARGET_MS = 300
ANALYTICS_TARGET_MS = 1_000
ANALYSIS_TARGET_MS = 5_000
EXPORT_TARGET_MS = 30_000
# Issue 16: starting a session and serving the next question, at concurrency 8.
SESSION_TARGET_MS = 150


def needs_fixture(key: str, what: str) -> Callable[[Context], str | None]:
    """A requirement: skip, saying `what` is missing, unless the seeders provided `key`."""

    def check(ctx: Context) -> str | None:
        return None if ctx.fixtures.get(key) else f"no {what} seeded"

    return check


def has_keys(*keys: str) -> Callable[[int, Any], str | None]:
    """A response check: the JSON object carries every key."""

    def check(status: int, body: Any) -> str | None:
        if not isinstance(body, dict):
            return f"expected a JSON object, got {type(body).__name__}"
        missing = [k for k in keys if k not in body]
        return f"missing {', '.join(missing)} in the response" if missing else None

    return check


def is_list(status: int, body: Any) -> str | None:
    """A response check: a JSON list (or a paginated page of one)."""
    if isinstance(body, list) or (isinstance(body, dict) and isinstance(body.get("results"), list)):
        return None
    return f"expected a JSON list, got {type(body).__name__}"
