"""The printed table and the JSON results file."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .stats import Summary


@dataclass
class Outcome:
    """A scenario at one concurrency level: measured (`summary`) or skipped (`skipped`)."""

    name: str
    group: str
    kind: str  # "http" or "in-process"
    description: str = ""
    summary: Summary | None = None
    skipped: str | None = None
    stopped_by_time: bool = False
    load_average: float | None = None  # 1-minute load average when the row finished

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "group": self.group,
            "kind": self.kind,
            "description": self.description,
        }
        if self.skipped is not None:
            data.update(status="skipped", skip_reason=self.skipped)
        elif self.summary is not None:
            data.update(status=self.summary.verdict or "measured", **self.summary.as_dict())
            data["stopped_by_time"] = self.stopped_by_time
            data["load_average"] = self.load_average
        return data


@dataclass
class Report:
    meta: dict[str, Any]
    outcomes: list[Outcome] = field(default_factory=list)
    truths: list[Any] = field(default_factory=list)  # truths.Truth rows

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.summary and o.summary.verdict == "FAIL"]

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        body = {
            "meta": self.meta,
            "results": [o.as_dict() for o in self.outcomes],
            "targets": [t.as_dict() for t in self.truths],
        }
        path.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n")


def _ms(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" if value < 1000 else f"{value:.0f}"


HEADER = (
    f"{'scenario':<24} {'conc':>4} {'reqs':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
    f"{'req/s':>7} {'errors':>6} {'p95/base':>8} {'target':>8} {'load':>5}  result"
)


def row(outcome: Outcome) -> str:
    s = outcome.summary
    if s is None:
        return f"{outcome.name:<24} SKIP  {outcome.skipped}"
    base = f"{s.ratio_p95:.1f}x" if s.ratio_p95 is not None else "-"
    target = f"<{s.target_ms:g}" if s.target_ms is not None else "-"
    result = s.verdict or ("errors" if s.errors else "")
    if outcome.stopped_by_time:
        result = (result + " (time budget hit)").strip()
    conc = "-" if outcome.kind == "in-process" else str(s.concurrency)
    load = f"{outcome.load_average:.1f}" if outcome.load_average is not None else "-"
    return (
        f"{outcome.name:<24} {conc:>4} {s.requests:>5} {_ms(s.p50_ms):>8} {_ms(s.p95_ms):>8} "
        f"{_ms(s.p99_ms):>8} {s.rps:>7.1f} {s.errors:>6} {base:>8} {target:>8} {load:>5}  "
        f"{result}"
    )


def render(report: Report) -> str:
    return "\n".join([HEADER, "-" * len(HEADER), *(row(o) for o in report.outcomes)])


def error_lines(report: Report) -> list[str]:
    lines = []
    errors = [o for o in report.outcomes if o.summary and o.summary.first_error]
    if errors:
        lines.append("first error of each scenario with errors:")
        for o in errors:
            assert o.summary is not None
            where = "" if o.kind == "in-process" else f" @ concurrency {o.summary.concurrency}"
            lines.append(f"  {o.name}{where}: {o.summary.first_error}")
    return lines
