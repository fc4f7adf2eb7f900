"""Where Redis is: one server (`REDIS_URL=redis://...`) or a primary found through Sentinel.

Sentinel is given either as

    REDIS_SENTINELS=10.0.0.1:26379,10.0.0.2:26379,10.0.0.3:26379
    REDIS_SENTINEL_MASTER=mymaster
    (REDIS_SENTINEL_DB=0, REDIS_PASSWORD=..., REDIS_SENTINEL_PASSWORD=...)

or as one URL in `REDIS_URL`:

    sentinel://[:password@]10.0.0.1:26379,10.0.0.2:26379/0?master=mymaster[&sentinel_password=...]

Both give a `RedisTarget`, from which the cache, the rate-limit cache (and so the live session
state, which lives in the cache) and the Celery broker get their configuration. Every client
asks the sentinels for the current primary when it (re)connects, so a failover moves them all.
Reads go to the primary too: a replica may lag, and the rate-limit counters and live session
state must read what was just written.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_list, env_str


@dataclass(frozen=True)
class RedisTarget:
    url: str = ""  # redis:// or rediss:// of one server; empty with sentinels
    sentinels: tuple[tuple[str, int], ...] = ()
    master: str = ""
    db: int = 0
    password: str = ""
    sentinel_password: str = ""

    @property
    def uses_sentinel(self) -> bool:
        return bool(self.sentinels)


def _host_port(name: str, item: str) -> tuple[str, int]:
    host, _, port = item.strip().rpartition(":")
    if not host or not port.isdigit():
        raise ImproperlyConfigured(f"{name}: {item!r} is not host:port.")
    return host.strip("[]"), int(port)


def _sentinel_url(raw: str) -> RedisTarget:
    """sentinel://[:password@]host:port[,host:port...][/db]?master=NAME[&sentinel_password=]"""
    parts = urlsplit(raw)
    credentials, _, hosts = parts.netloc.rpartition("@")
    password = unquote(credentials.partition(":")[2]) if credentials else ""
    query = parse_qs(parts.query)
    master = (query.get("master") or query.get("master_name") or [""])[0]
    if not master:
        raise ImproperlyConfigured("REDIS_URL: a sentinel:// URL needs ?master=<service name>.")
    db = parts.path.strip("/") or "0"
    if not db.isdigit():
        raise ImproperlyConfigured(f"REDIS_URL: database {db!r} is not a number.")
    sentinels = tuple(_host_port("REDIS_URL", item) for item in hosts.split(",") if item)
    if not sentinels:
        raise ImproperlyConfigured("REDIS_URL: a sentinel:// URL names no sentinel.")
    return RedisTarget(
        sentinels=sentinels,
        master=master,
        db=int(db),
        password=password,
        sentinel_password=(query.get("sentinel_password") or [""])[0],
    )


def redis_target_from_env() -> RedisTarget | None:
    url = env_str("REDIS_URL")
    sentinels = env_list("REDIS_SENTINELS")
    if sentinels:
        if url:
            raise ImproperlyConfigured(
                "Set REDIS_SENTINELS (with REDIS_SENTINEL_MASTER) or REDIS_URL, not both."
            )
        master = env_str("REDIS_SENTINEL_MASTER")
        if not master:
            raise ImproperlyConfigured("REDIS_SENTINELS needs REDIS_SENTINEL_MASTER.")
        return RedisTarget(
            sentinels=tuple(_host_port("REDIS_SENTINELS", item) for item in sentinels),
            master=master,
            db=env_int("REDIS_SENTINEL_DB", 0, minimum=0),
            password=env_str("REDIS_PASSWORD"),
            sentinel_password=env_str("REDIS_SENTINEL_PASSWORD"),
        )
    if not url:
        return None
    if url.startswith("sentinel://"):
        return _sentinel_url(url)
    return RedisTarget(url=url)


def caches_config(target: RedisTarget, *, key_prefix: str) -> dict:
    """CACHES for Redis: `default` (cache, live session state) and `ratelimit` (counters)."""
    return {
        # Redis holds only derived or short-lived state (caches, live session state,
        # rate-limit counters): losing it must degrade the product, not break it.
        "default": cache_config(
            target,
            backend="django_redis.cache.RedisCache",
            key_prefix=key_prefix,
            options={"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2, "IGNORE_EXCEPTIONS": True},
            timeout=2,
        ),
        # Rate-limit counters: on Redis, or in each process's memory while Redis is down, so
        # the auth limits keep holding (per process) through an outage.
        "ratelimit": cache_config(
            target,
            backend="interview_platform.cache.FailoverRedisCache",
            key_prefix=key_prefix + ":rl",
            options={
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "FAILOVER_RETRY_SECONDS": 5,
            },
            timeout=1,
        ),
    }


def cache_config(
    target: RedisTarget, *, backend: str, key_prefix: str, options: dict, timeout: float
) -> dict:
    """A django-redis CACHES entry: a plain server, or the primary through the sentinels."""
    if not target.uses_sentinel:
        return {
            "BACKEND": backend,
            "LOCATION": target.url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient", **options},
        }
    sentinel_kwargs = {"socket_timeout": timeout, "socket_connect_timeout": timeout}
    if target.sentinel_password:
        sentinel_kwargs["password"] = target.sentinel_password
    password = f":{quote(target.password, safe='')}@" if target.password else ""
    return {
        "BACKEND": backend,
        # A list of one: django-redis's SentinelClient would otherwise send reads to replicas.
        "LOCATION": [f"redis://{password}{target.master}/{target.db}"],
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.SentinelClient",
            "CONNECTION_FACTORY": "django_redis.pool.SentinelConnectionFactory",
            "SENTINELS": list(target.sentinels),
            "SENTINEL_KWARGS": sentinel_kwargs,
            **options,
        },
    }


def broker_config(target: RedisTarget) -> tuple[str, dict]:
    """Celery's broker URL and the transport options it needs (kombu's `sentinel://` form)."""
    if not target.uses_sentinel:
        return target.url, {}
    password = f":{quote(target.password, safe='')}@" if target.password else ""
    url = ";".join(
        f"sentinel://{password}{host}:{port}/{target.db}" for host, port in target.sentinels
    )
    sentinel_kwargs: dict = {"socket_timeout": 2, "socket_connect_timeout": 2}
    if target.sentinel_password:
        sentinel_kwargs["password"] = target.sentinel_password
    return url, {"master_name": target.master, "sentinel_kwargs": sentinel_kwargs}
