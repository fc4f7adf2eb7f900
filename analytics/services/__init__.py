"""Writes: daily rollups and data exports. `export_requests.export_create` (which queues a task)
is not re-exported here: the tasks import this package."""

from .exports import export_fail_unstarted, export_run, exports_purge_expired
from .rollup import user_analytics_refresh, user_analytics_rollup, user_analytics_rollup_range

__all__ = [
    "export_fail_unstarted",
    "export_run",
    "exports_purge_expired",
    "user_analytics_refresh",
    "user_analytics_rollup",
    "user_analytics_rollup_range",
]
