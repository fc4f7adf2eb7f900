"""A Redis cache that keeps working from this process's memory while Redis is unreachable.

Used for rate-limit counters only (the `ratelimit` cache alias): during a Redis outage every
process counts on its own, so the limits still hold per process instead of being dropped.
Caches of shared data must not use it: a process-local copy would go stale across processes.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("interview_platform.cache")

_UNREACHABLE = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError)
_FAILOVER_METHODS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "set_many",
    "delete_many",
    "has_key",
    "incr",
    "decr",
    "clear",
)


class FailoverRedisCache(RedisCache):
    """django-redis's cache; on a connection error, this process's memory for a few seconds.

    OPTIONS["FAILOVER_RETRY_SECONDS"] (default 5) is how long Redis is left alone after a
    failure, so an outage costs one failed connection per process per interval, not one per call.
    """

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = float(options.pop("FAILOVER_RETRY_SECONDS", 5))
        # Errors must reach this class to trigger the fallback, not be swallowed below it.
        options["IGNORE_EXCEPTIONS"] = False
        super().__init__(server, {**params, "OPTIONS": options})
        self.fallback = LocMemCache(
            f"failover:{server}",
            {
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "OPTIONS": {"MAX_ENTRIES": int(options.get("FALLBACK_MAX_ENTRIES", 10_000))},
            },
        )
        self._redis_down_until = 0.0

    @property
    def redis_available(self) -> bool:
        return time.monotonic() >= self._redis_down_until

    def _failover(self, name: str, *args, **kwargs):
        if self.redis_available:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except _UNREACHABLE as exc:
                logger.warning(
                    "redis unreachable: counting in process memory for %ss (%s)",
                    self.retry_seconds,
                    exc.__class__.__name__,
                )
                self._redis_down_until = time.monotonic() + self.retry_seconds
        return getattr(self.fallback, name)(*args, **kwargs)


def _delegate(name: str):
    def method(self, *args, **kwargs):
        return self._failover(name, *args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"`{name}` on Redis, or on this process's memory while Redis is down."
    return method


for _name in _FAILOVER_METHODS:
    setattr(FailoverRedisCache, _name, _delegate(_name))


def shared_cache_reachable(alias: str = "default") -> bool:
    """Whether the shared cache answers now (always true for a cache inside this process).

    For state that only the shared cache can hold correctly, where a silent miss would give a
    wrong answer (used TOTP codes, spent MFA login tokens): callers refuse with a true message.
    """
    from django.core.cache import caches

    cache = caches[alias]
    if not isinstance(cache, RedisCache):
        return True
    try:
        return bool(cache.client.get_client(write=True).ping())
    except _UNREACHABLE:
        return False
