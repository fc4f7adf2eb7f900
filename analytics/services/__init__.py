"""Writes: daily rollups and data exports."""

from .exports import export_create, export_run, exports_purge_expired
from .rollup import user_analytics_refresh, user_analytics_rollup, user_analytics_rollup_range

__all__ = [
    "export_create",
    "export_run",
    "exports_purge_expired",
    "user_analytics_refresh",
    "user_analytics_rollup",
    "user_analytics_rollup_range",
]
