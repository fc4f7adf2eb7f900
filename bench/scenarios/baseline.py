"""The baseline every figure is a ratio to, and the health check."""

from __future__ import annotations

from bench.registry import BASELINE, scenario
from bench.scenarios._helpers import has_keys

# The runner measures the baseline at every concurrency level any selected scenario uses.
scenario(
    name=BASELINE,
    group="baseline",
    endpoint="/api/ping",
    check=has_keys("pong"),
    description="no auth, no database, no cache: the cost of the stack itself",
)

scenario(
    name="health",
    group="baseline",
    endpoint="/api/health",
    check=has_keys("status", "checks"),
    concurrency=(8,),
    description="database, cache and broker round trips",
)
