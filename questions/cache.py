"""Redis cache of question lists and categories, under `questions:{category}:{difficulty}`.

A change to any question bumps one generation number (an atomic increment, on commit). Every
entry is stored with the generation it was computed under, and a read fetches the entry and the
current generation together, in one round trip (MGET): an entry of an older generation is
stale, so the next request reads the database. Old entries simply expire (TTL one hour), which
avoids scanning Redis for keys to delete.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.core.cache import cache

TTL_SECONDS = 60 * 60
_GENERATION_KEY = "questions:generation"


def invalidate() -> None:
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        cache.set(_GENERATION_KEY, 2, timeout=None)


def list_key(*, category: str | None, difficulty: str | None, params: dict[str, Any]) -> str:
    digest = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:16]
    return f"questions:{category or 'all'}:{difficulty or 'all'}:{digest}"


def categories_key(language: str) -> str:
    return f"questions:categories:{language}"


def get_or_set(key: str, compute: Callable[[], Any]) -> Any:
    """The cached value of `key`, computed and stored when missing or of an older generation.

    A hit costs one Redis round trip. The generation is read before computing, so a change that
    lands while computing leaves the new entry already stale, never a stale entry current."""
    found = cache.get_many([_GENERATION_KEY, key])
    generation = found.get(_GENERATION_KEY)
    if generation is None:
        cache.add(_GENERATION_KEY, 1, timeout=None)
        generation = cache.get(_GENERATION_KEY) or 1
    entry = found.get(key)
    if isinstance(entry, dict) and entry.get("generation") == generation:
        return entry["value"]
    value = compute()
    cache.set(key, {"generation": generation, "value": value}, timeout=TTL_SECONDS)
    return value
