"""Determinism of the offline scorer: every answer of the eval sets analysed twice, once here
and once in a freshly started process (its own hash seed, empty caches), and the two results
compared field by field (all but the measured processing time)."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from dataclasses import asdict, dataclass, field

from analysis.ai.types import AnalysisContext, AnalysisOutput, QuestionContext

Case = tuple[str, QuestionContext, str]  # (label, question, answer text)


def fingerprint(output: AnalysisOutput) -> str:
    """A digest of everything the result says, except how long it took."""
    data = asdict(output)
    data.pop("processing_time_ms", None)
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def fingerprints(cases: list[Case]) -> list[str]:
    from analysis.ai.offline import OfflineAIService

    service = OfflineAIService()
    out = []
    for _label, question, text in cases:
        context = AnalysisContext(job_category=question.category, language=question.language)
        out.append(fingerprint(service.analyze_answer(question, text, context)))
    return out


def _in_fresh_process(cases: list[Case]) -> list[str]:
    """Run in a spawned child, which inherits DJANGO_SETTINGS_MODULE from manage.py's process."""
    import django

    django.setup()
    return fingerprints(cases)


@dataclass
class DeterminismReport:
    cases: int = 0
    same_process: int = 0  # identical when analysed again in this process
    fresh_process: int = 0  # identical when analysed in a new process
    differing: list[str] = field(default_factory=list)

    @property
    def held(self) -> bool:
        return self.cases > 0 and self.same_process == self.fresh_process == self.cases


def check_determinism(cases: list[Case], *, fresh_process: bool = True) -> DeterminismReport:
    first = fingerprints(cases)
    again = fingerprints(cases)
    if fresh_process:
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            other = pool.apply(_in_fresh_process, (cases,))
    else:
        other = list(first)
    report = DeterminismReport(cases=len(cases))
    for (label, _q, _t), a, b, c in zip(cases, first, again, other, strict=True):
        report.same_process += a == b
        report.fresh_process += a == c
        if not a == b == c:
            report.differing.append(label)
    return report


def format_determinism(report: DeterminismReport) -> str:
    verdict = "met" if report.held else "NOT met"
    lines = [
        "Determinism: every answer analysed again in this process and in a fresh one",
        f"  same process: {report.same_process}/{report.cases}",
        f"  fresh process (new hash seed, empty caches): {report.fresh_process}/{report.cases}",
        f"target: 100%: {verdict}",
    ]
    lines += [f"  differs: {label}" for label in report.differing]
    return "\n".join(lines)
