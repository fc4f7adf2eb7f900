"""Analytics at volume: the heavy user's statistics endpoints (p95 < 1 s) and an export of all
their data in each format, timed from the POST to the `completed` status (< 30 s).

Data: `manage.py generate_analytics_data` (10,000 users, 200,000 sessions, 1,000,000 analysis
results, and a heavy user with 500 sessions) scaled by `BENCH_ANALYTICS_SCALE` (default 1;
`--quick` uses 0.01, which still gives the heavy user all 500 sessions). The generator does
nothing when the heavy user already has its sessions, so `--keep-db` reuses the data set.
"""

from __future__ import annotations

import os
import time
from typing import Any

from bench.context import Context
from bench.driver import HttpClient, snippet
from bench.registry import FlowResult, Request, scenario, seeder
from bench.scenarios._helpers import (
    ANALYTICS_TARGET_MS,
    EXPORT_TARGET_MS,
    has_keys,
    needs_fixture,
)

HEAVY_EMAIL = "analytics.heavy@example.com"
PASSWORD = "Bench-Practice-Interview-2024!"  # noqa: S105 (the seeded users' throwaway password)


@seeder("analytics-volume", order=50)
def seed_analytics_volume(fixtures: dict[str, Any], *, quick: bool) -> dict[str, Any]:
    from django.core.management import call_command

    from accounts.models import User
    from accounts.tokens import token_pair_for
    from sessions_app.models import InterviewSession

    scale = "0.01" if quick else os.environ.get("BENCH_ANALYTICS_SCALE", "1")
    call_command(
        "generate_analytics_data",
        "--scale",
        scale,
        "--heavy-email",
        HEAVY_EMAIL,
        "--password",
        PASSWORD,
    )
    heavy = User.objects.get(email=HEAVY_EMAIL)
    sessions = InterviewSession.objects.filter(user=heavy).count()
    print(f"analytics: scale {scale}; heavy user {HEAVY_EMAIL} with {sessions} sessions")
    return {
        "analyticsScale": float(scale),
        "heavyUser": {
            "id": str(heavy.pk),
            "email": HEAVY_EMAIL,
            "password": PASSWORD,
            "accessToken": token_pair_for(heavy).access,
        },
    }


def _as_heavy(path: str):
    def build(ctx: Context, index: int) -> Request:
        token = ctx.token_for(ctx.fixtures["heavyUser"])
        return Request("GET", ctx.api_path(path), headers={"Authorization": f"Bearer {token}"})

    return build


_HEAVY = needs_fixture("heavyUser", "heavy analytics user")

for name, path, check, description in [
    (
        "analytics.user-stats",
        "/api/analytics/user-stats",
        has_keys("sessionsCompleted", "averageScore", "improvementRate", "currentStreak"),
        "heavy user: totals, improvement rate, streak",
    ),
    (
        "analytics.progress-days",
        "/api/analytics/progress?period=day",
        has_keys("buckets"),
        "heavy user: last 30 days by day (rollups + today live)",
    ),
    (
        "analytics.progress-year",
        "/api/analytics/progress?period=week&from={year_ago}",
        has_keys("buckets"),
        "heavy user: a year by ISO week",
    ),
    (
        "analytics.progress-seoul",
        "/api/analytics/progress?period=day&timezone=Asia/Seoul&from={quarter_ago}",
        has_keys("buckets"),
        "heavy user: 90 days by day in Asia/Seoul (live tables, no rollups)",
    ),
    (
        "analytics.skills",
        "/api/analytics/skills",
        has_keys("dimensions", "questionTypes", "categories", "weakAreas"),
        "heavy user: dimensions, types, categories with trends; weak areas",
    ),
    (
        "analytics.benchmarks",
        "/api/analytics/benchmarks?category=software_engineering",
        has_keys("percentile", "distribution"),
        "heavy user: percentile in the largest category (cohort summary cached 5 min)",
    ),
]:

    def _path(template: str):
        def build(ctx: Context, index: int) -> Request:
            from datetime import date, timedelta

            today = date.today()
            path = template.format(
                year_ago=(today - timedelta(days=364)).isoformat(),
                quarter_ago=(today - timedelta(days=89)).isoformat(),
            )
            return _as_heavy(path)(ctx, index)

        return build

    scenario(
        name=name,
        group="analytics",
        endpoint=path.split("?", 1)[0],
        build=_path(path),
        check=check,
        requires=_HEAVY,
        concurrency=(8,),
        target_ms=ANALYTICS_TARGET_MS,
        description=description,
    )


def _as_admin(path: str):
    def build(ctx: Context, index: int) -> Request:
        token = ctx.token_for(ctx.fixtures["admin"])
        return Request("GET", ctx.api_path(path), headers={"Authorization": f"Bearer {token}"})

    return build


scenario(
    name="analytics.admin-platform",
    group="analytics",
    endpoint="/api/admin/analytics",
    build=_as_admin("/api/admin/analytics"),
    check=has_keys("days", "ai", "completionRate"),
    requires=needs_fixture("admin", "staff user"),
    target_ms=ANALYTICS_TARGET_MS,
    description="staff: last 30 days of platform analytics (cached 60 s)",
)
scenario(
    name="analytics.admin-users",
    group="analytics",
    endpoint="/api/admin/users",
    build=_as_admin("/api/admin/users?ordering=-created_at"),
    check=has_keys("count", "results"),
    requires=needs_fixture("admin", "staff user"),
    target_ms=ANALYTICS_TARGET_MS,
    description="staff: a page of users with their totals",
)


def _export(fmt: str):
    def flow(ctx: Context, client: HttpClient, index: int) -> FlowResult:
        auth = {"Authorization": f"Bearer {ctx.token_for(ctx.fixtures['heavyUser'])}"}
        started = client.request(
            "POST", ctx.api_path("/api/analytics/export"), {"format": fmt, "scope": "all"}, auth
        )
        if started.status != 202:
            return FlowResult(started.status, snippet(started.status, started.body))
        job = started.json()["id"]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            polled = client.request(
                "GET", ctx.api_path(f"/api/analytics/export/{job}"), headers=auth
            )
            body = polled.json() or {}
            state = body.get("status")
            if state == "completed" and body.get("downloadUrl"):
                return FlowResult(200)
            if state == "failed" or polled.status != 200:
                return FlowResult(polled.status, snippet(polled.status, polled.body))
            time.sleep(0.2)
        return FlowResult(None, "export not completed within 120 s")

    return flow


for fmt in ("json", "csv", "pdf"):
    scenario(
        name=f"analytics.export-{fmt}",
        group="analytics",
        method="POST",
        endpoint="/api/analytics/export",
        flow=_export(fmt),
        needs_worker=True,
        requests=5,
        warmup=1,
        max_seconds=300,
        target_ms=EXPORT_TARGET_MS,
        requires=_HEAVY,
        description=f"heavy user: all data as {fmt}, POST to completed (worker, exports queue)",
    )
