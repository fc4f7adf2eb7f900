"""Numbers from samples: percentiles, throughput, the ratio to the baseline, the target verdict.

Pure functions on plain values, so they are tested on synthetic numbers without a server.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

PERCENTILES = (50, 95, 99)


def percentile(values: Sequence[float], pct: float) -> float:
    """The `pct`-th percentile with linear interpolation between closest ranks.

    The same definition as numpy's default and `statistics.quantiles(method="inclusive")`:
    rank = (n - 1) * pct / 100, interpolated between the two samples around it.
    """
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= pct <= 100:
        raise ValueError(f"percentile must be within 0-100, not {pct}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low = math.floor(rank)
    high = math.ceil(rank)
    if low == high:
        return ordered[low]
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class Sample:
    """One measured request: its latency, its HTTP status (None: no response) and an error."""

    latency_ms: float
    status: int | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Summary:
    name: str
    concurrency: int
    requests: int
    errors: int
    p50_ms: float | None
    p95_ms: float | None
    p99_ms: float | None
    mean_ms: float | None
    max_ms: float | None
    rps: float
    elapsed_s: float
    first_error: str | None = None
    status_counts: dict[str, int] = field(default_factory=dict)
    target_ms: float | None = None
    ratio_p95: float | None = None
    verdict: str | None = None  # "PASS", "FAIL" or None when no target applies

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def summarize(name: str, concurrency: int, samples: Sequence[Sample], elapsed_s: float) -> Summary:
    """Latency figures are taken over the successful requests (a fast error must not flatter
    them); when none succeeded, over every request that got an answer, so a broken endpoint
    still shows how fast it fails. Errors are counted and the first one is kept."""
    ok = [s.latency_ms for s in samples if s.ok]
    answered = ok or [s.latency_ms for s in samples if s.status is not None]
    errors = [s for s in samples if not s.ok]
    status_counts: dict[str, int] = {}
    for s in samples:
        key = str(s.status) if s.status is not None else "exception"
        status_counts[key] = status_counts.get(key, 0) + 1

    def pct(p: float) -> float | None:
        return round(percentile(answered, p), 2) if answered else None

    return Summary(
        name=name,
        concurrency=concurrency,
        requests=len(samples),
        errors=len(errors),
        p50_ms=pct(50),
        p95_ms=pct(95),
        p99_ms=pct(99),
        mean_ms=round(sum(answered) / len(answered), 2) if answered else None,
        max_ms=round(max(answered), 2) if answered else None,
        rps=round(len(samples) / elapsed_s, 1) if elapsed_s > 0 else 0.0,
        elapsed_s=round(elapsed_s, 3),
        first_error=errors[0].error if errors else None,
        status_counts=status_counts,
    )


def ratio(value: float | None, baseline: float | None) -> float | None:
    """value / baseline, or None when either is missing or the baseline is zero."""
    if value is None or not baseline:
        return None
    return round(value / baseline, 1)


def baseline_for(level: int, baseline_p95: dict[int, float]) -> float | None:
    """The baseline's p95 at `level`; else at the nearest level below it; else the lowest."""
    if level in baseline_p95:
        return baseline_p95[level]
    below = [lvl for lvl in baseline_p95 if lvl < level]
    if below:
        return baseline_p95[max(below)]
    return baseline_p95[min(baseline_p95)] if baseline_p95 else None


def verdict(summary: Summary, target_ms: float | None) -> str | None:
    """PASS when p95 is within the target and no request failed; None when there is no target.

    Errors fail a target: a p95 measured on failures says nothing about the endpoint's speed.
    """
    if target_ms is None:
        return None
    if summary.errors or summary.p95_ms is None:
        return "FAIL"
    return "PASS" if summary.p95_ms <= target_ms else "FAIL"


def apply_baseline_and_target(
    summary: Summary, *, baseline_p95: float | None, target_ms: float | None
) -> Summary:
    summary.ratio_p95 = ratio(summary.p95_ms, baseline_p95)
    summary.target_ms = target_ms
    summary.verdict = verdict(summary, target_ms)
    return summary
