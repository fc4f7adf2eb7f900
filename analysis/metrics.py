"""The analysis pipeline's database-backed Prometheus metric (see interview_platform.metrics)."""

from __future__ import annotations

from django.db.models import Count
from prometheus_client.core import GaugeMetricFamily

from .models import AnalysisResult


class AnalysesByStatus:
    """`interview_analyses{status}`: counted in PostgreSQL when scraped (one GROUP BY)."""

    def describe(self):
        # Registering asks for the names; without this it would run collect() (a query) then.
        yield GaugeMetricFamily("interview_analyses", "Analyses by status.", labels=["status"])

    def collect(self):
        family = GaugeMetricFamily("interview_analyses", "Analyses by status.", labels=["status"])
        rows = AnalysisResult.objects.values_list("status").annotate(n=Count("pk")).order_by()
        for status, count in rows:
            family.add_metric([status], count)
        yield family
