"""The benchmark's own PostgreSQL database and Redis database, reset at the start of a run."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def database_name(url: str) -> str:
    name = urlsplit(url).path.lstrip("/")
    if not name:
        raise ValueError(f"no database name in {url!r}")
    return name


def reset_database(url: str, *, keep: bool) -> str:
    """Drop and create the database (or keep it when it exists and `keep`); says which."""
    import psycopg
    from psycopg import sql

    name = database_name(url)
    # A guard against pointing the runner at a database that holds anything else.
    if "bench" not in name:
        raise ValueError(f"refusing to reset database {name!r}: its name must contain 'bench'")
    parts = urlsplit(url)
    admin_url = urlunsplit(
        (
            "postgresql" if parts.scheme.startswith("postgres") else parts.scheme,
            parts.netloc,
            "/postgres",
            parts.query,
            "",
        )
    )
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and keep:
            return "kept"
        if exists:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return "recreated" if exists else "created"


def flush_redis(url: str) -> int:
    """FLUSHDB on the benchmark's Redis database (never database 0); returns its number."""
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=3)
    number = client.connection_pool.connection_kwargs.get("db", 0)
    if not number:
        raise ValueError(f"refusing to flush Redis database 0 ({url}); give the bench its own")
    client.flushdb()
    client.close()
    return int(number)
