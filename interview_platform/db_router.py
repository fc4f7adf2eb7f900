"""Read replicas (DATABASE_REPLICA_URLS): only the reads of safe requests (GET, HEAD) use them.

Everything else reads the primary: a POST reads what it has just written, a Celery task reads
the row it was queued for, and replication lag must not turn either into "not found".
"""

from __future__ import annotations

import random
from contextvars import ContextVar

from django.conf import settings

replica_reads_allowed: ContextVar[bool] = ContextVar("replica_reads_allowed", default=False)


class PrimaryReplicaRouter:
    def _replicas(self) -> list[str]:
        return [alias for alias in settings.DATABASES if alias.startswith("replica_")]

    def db_for_read(self, model, **hints):
        replicas = self._replicas()
        if replicas and replica_reads_allowed.get():
            return random.choice(replicas)
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the same rows as the primary, so objects from any of them may relate.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaReadsMiddleware:
    """Lets the reads of GET and HEAD requests go to a replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = replica_reads_allowed.set(request.method in ("GET", "HEAD"))
        try:
            return self.get_response(request)
        finally:
            replica_reads_allowed.reset(token)
