"""Redis cache of question lists and categories, under `questions:{category}:{difficulty}`.

Every key carries a generation number; a change to any question bumps the generation, so the
next request misses and reads the database. Bumping is one atomic increment, and old entries
simply expire (TTL one hour), which avoids scanning Redis for keys to delete.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.core.cache import cache

TTL_SECONDS = 60 * 60
_GENERATION_KEY = "questions:generation"


def _generation() -> int:
    generation = cache.get(_GENERATION_KEY)
    if generation is None:
        cache.add(_GENERATION_KEY, 1, timeout=None)
        generation = cache.get(_GENERATION_KEY) or 1
    return int(generation)


def invalidate() -> None:
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        cache.set(_GENERATION_KEY, 2, timeout=None)


def list_key(*, category: str | None, difficulty: str | None, params: dict[str, Any]) -> str:
    digest = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:16]
    return f"questions:{category or 'all'}:{difficulty or 'all'}:g{_generation()}:{digest}"


def categories_key(language: str) -> str:
    return f"questions:categories:{language}:g{_generation()}"


def get_or_set(key: str, compute: Callable[[], Any]) -> Any:
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=TTL_SECONDS)
    return value
