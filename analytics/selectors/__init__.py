"""Reads: one user's statistics, benchmarks, platform analytics and the staff user list."""

from .admin import admin_user_list
from .benchmarks import benchmarks
from .platform import platform_analytics
from .user import progress, skills, user_stats, weak_areas

__all__ = [
    "admin_user_list",
    "benchmarks",
    "platform_analytics",
    "progress",
    "skills",
    "user_stats",
    "weak_areas",
]
