"""The analysis pipeline's database-backed Prometheus metric (see interview_platform.metrics)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from prometheus_client.core import GaugeMetricFamily

from .models import AnalysisResult

CACHE_KEY = "metrics:analyses-by-status"


class AnalysesByStatus:
    """`interview_analyses{status}`: one GROUP BY at most every METRICS_DATABASE_SECONDS (30 s),
    whichever process is scraped; the scrapes in between read the counts from the shared cache.
    Prometheus scrapes every web process, often: without this each scrape counted the table."""

    def describe(self):
        # Registering asks for the names; without this it would run collect() (a query) then.
        yield GaugeMetricFamily("interview_analyses", "Analyses by status.", labels=["status"])

    def collect(self):
        counts = cache.get(CACHE_KEY)
        if counts is None:
            rows = AnalysisResult.objects.values_list("status").annotate(n=Count("pk")).order_by()
            counts = dict(rows)
            if settings.METRICS_DATABASE_SECONDS:
                cache.set(CACHE_KEY, counts, timeout=settings.METRICS_DATABASE_SECONDS)
        family = GaugeMetricFamily("interview_analyses", "Analyses by status.", labels=["status"])
        for status, count in sorted(counts.items()):
            family.add_metric([status], count)
        yield family
