"""Measuring a provider against a graded set.

A graded set is JSON Lines, one question per line, with answers labelled good / ok / bad:

    {"id", "language": "ko"|"en", "role", "type", "question",
     "answers": [{"label", "text"}], "source"}

The measurement: for every question, each pair of answers with different grades is ordered
correctly when the better-graded one scores strictly higher; plus the mean and standard
deviation of the total score per grade, per language and overall."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from analysis.ai.base import AIService, AIServiceError
from analysis.ai.types import AnalysisContext, QuestionContext

GRADES = ("good", "ok", "bad")
RANK = {"good": 2, "ok": 1, "bad": 0}
LANGUAGES = ("ko", "en")
TYPES = ("behavioral", "situational", "technical")
TARGET_PAIR_SHARE = 0.9
TARGET_GAP = 25.0
DEFAULT_FILE = Path(__file__).resolve().parent / "graded_set.jsonl"
HOLDOUT_FILE = Path(__file__).resolve().parent / "holdout.jsonl"

# Role words -> job category, most specific first ("customer service" before "service").
_ROLE_CATEGORIES = (
    (
        ("customer service", "customer support", "customer success", "support", "cs "),
        "customer_service",
    ),
    (("data scien", "data analy", "machine learning", "ml engineer", "analytics"), "data_science"),
    (("product manager", "product owner", "product lead"), "product_management"),
    (("design", "ux", "ui ", "researcher"), "design"),
    (("marketing", "marketer", "growth", "brand", "seo", "content"), "marketing"),
    (("sales", "account executive", "business development", "bdr", "sdr"), "sales"),
    (("financ", "accountant", "accounting", "fp&a", "treasury"), "finance"),
    (("hr ", "human resources", "recruit", "talent", "people partner"), "human_resources"),
    (("operations", "logistics", "supply chain", "warehouse", "procurement"), "operations"),
    (("engineer", "developer", "programmer", "sre", "devops", "software"), "software_engineering"),
)


@dataclass(frozen=True)
class GradedAnswer:
    label: str
    text: str


@dataclass(frozen=True)
class GradedQuestion:
    id: str
    language: str
    role: str
    type: str
    question: str
    answers: tuple[GradedAnswer, ...]
    source: str = ""


def infer_category(role: str) -> tuple[str, str]:
    """(category, custom_category) for a role title; unknown roles become a custom category."""
    padded = f" {role.lower().strip()} "
    for words, category in _ROLE_CATEGORIES:
        if any(w in padded for w in words):
            return category, ""
    return "custom", role.strip()


def load_graded_set(path: str | Path) -> list[GradedQuestion]:
    questions = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            answers = tuple(GradedAnswer(a["label"], a["text"]) for a in row["answers"])
            q = GradedQuestion(
                id=str(row["id"]),
                language=row["language"],
                role=row.get("role", ""),
                type=row["type"],
                question=row["question"],
                answers=answers,
                source=row.get("source", ""),
            )
        except (KeyError, TypeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path}:{number}: not a graded question ({exc})") from exc
        if q.language not in LANGUAGES or q.type not in TYPES:
            raise ValueError(f"{path}:{number}: language or type out of range")
        if any(a.label not in RANK for a in answers):
            raise ValueError(f"{path}:{number}: answer labels must be good, ok or bad")
        questions.append(q)
    return questions


def question_context(q: GradedQuestion) -> QuestionContext:
    category, custom = infer_category(q.role)
    return QuestionContext(
        text=q.question,
        category=category,
        custom_category=custom,
        type=q.type,
        language=q.language,  # type: ignore[arg-type]
    )


@dataclass
class GroupStats:
    pairs_correct: int = 0
    pairs_total: int = 0
    ties: int = 0
    scores: dict[str, list[int]] = field(default_factory=lambda: {g: [] for g in GRADES})

    @property
    def share(self) -> float:
        return self.pairs_correct / self.pairs_total if self.pairs_total else 0.0

    def mean(self, grade: str) -> float:
        values = self.scores[grade]
        return statistics.fmean(values) if values else float("nan")

    def stdev(self, grade: str) -> float:
        values = self.scores[grade]
        return statistics.pstdev(values) if len(values) > 1 else 0.0

    @property
    def gap(self) -> float:
        return self.mean("good") - self.mean("bad")

    @property
    def meets_targets(self) -> bool:
        return self.share >= TARGET_PAIR_SHARE and self.gap >= TARGET_GAP


@dataclass
class EvalReport:
    provider: str
    file: str
    questions: int
    groups: dict[str, GroupStats]
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    misordered: list[tuple[str, str, int, str, int]] = field(default_factory=list)
    baseline: dict[str, float] = field(default_factory=dict)
    content_only: dict[str, float] = field(default_factory=dict)
    speed_ms: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def overall(self) -> GroupStats:
        return self.groups["overall"]


Scorer = Callable[[QuestionContext, str, AnalysisContext], int]


def _tally(
    questions: Iterable[GradedQuestion], scorer: Scorer, report: EvalReport | None = None
) -> dict[str, GroupStats]:
    groups = {name: GroupStats() for name in (*LANGUAGES, "overall")}
    for q in questions:
        context = question_context(q)
        analysis_context = AnalysisContext(job_category=context.category, language=context.language)
        scored: list[tuple[GradedAnswer, int]] = []
        for answer in q.answers:
            try:
                total = scorer(context, answer.text, analysis_context)
            except AIServiceError as exc:
                if report is not None:
                    report.failures.append((q.id, answer.label, exc.reason))
                continue
            scored.append((answer, total))
            for name in (q.language, "overall"):
                groups[name].scores[answer.label].append(total)
        for (a, sa), (b, sb) in combinations(scored, 2):
            if RANK[a.label] == RANK[b.label]:
                continue
            (hi, s_hi), (lo, s_lo) = (
                ((a, sa), (b, sb)) if RANK[a.label] > RANK[b.label] else ((b, sb), (a, sa))
            )
            for name in (q.language, "overall"):
                groups[name].pairs_total += 1
                groups[name].pairs_correct += s_hi > s_lo
                groups[name].ties += s_hi == s_lo
            if s_hi <= s_lo and report is not None:
                report.misordered.append((q.id, hi.label, s_hi, lo.label, s_lo))
    return groups


def evaluate(
    questions: list[GradedQuestion], service: AIService, *, provider: str = "", file: str = ""
) -> EvalReport:
    report = EvalReport(provider=provider, file=file, questions=len(questions), groups={})

    def scorer(context: QuestionContext, text: str, analysis_context: AnalysisContext) -> int:
        return service.analyze_answer(context, text, analysis_context).total

    report.groups = _tally(questions, scorer, report)
    report.baseline = length_baseline(questions)
    return report


def length_baseline(questions: list[GradedQuestion]) -> dict[str, float]:
    """The share of pairs a scorer would order by answer length alone: how much a graded set
    rewards length, to read the provider's figure against."""
    groups = _tally(questions, lambda _q, text, _c: len(text))
    return {name: g.share for name, g in groups.items()}


def content_only(questions: list[GradedQuestion]) -> dict[str, float]:
    """The offline rubric's pair share with the length factor neutralised (a diagnostic)."""
    from analysis.ai.offline.analyzer import analyze
    from analysis.ai.offline.scoring import score

    def scorer(context: QuestionContext, text: str, analysis_context: AnalysisContext) -> int:
        return score(analyze(context, text, analysis_context), neutral_length=True)[0].total

    return {name: g.share for name, g in _tally(questions, scorer).items()}


def long_answer(questions: list[GradedQuestion], language: str, size: int = 5000) -> str:
    """A realistic answer of exactly `size` characters, cut at a sentence end when possible."""
    texts = [a.text for q in questions if q.language == language for a in q.answers]
    texts = texts or ["This is a sentence about the work I did and what changed as a result."]
    out = ""
    while len(out) < size:
        for text in texts:
            out = f"{out}\n\n{text}" if out else text
            if len(out) >= size:
                break
    cut = out[:size]
    end = max(cut.rfind(". "), cut.rfind(".\n"))
    return cut[: end + 1] if end > size * 0.9 else cut


def measure_speed(
    service: AIService, questions: list[GradedQuestion], *, repeats: int = 15
) -> dict[str, dict[str, float]]:
    """Milliseconds to analyse a 5,000-character answer, per language: the first (cold) run,
    then the best, median and worst of `repeats` further runs. On a busy machine the best run is
    the one that measures the work rather than the wait for a CPU."""
    out: dict[str, dict[str, float]] = {}
    for language in LANGUAGES:
        sample = next((q for q in questions if q.language == language), None)
        context = (
            question_context(sample)
            if sample
            else QuestionContext(text="Tell me about a project.", language=language)  # type: ignore[arg-type]
        )
        text = long_answer(questions, language)
        analysis_context = AnalysisContext(job_category=context.category, language=context.language)
        timings = []
        for _ in range(repeats + 1):
            started = time.perf_counter()
            service.analyze_answer(context, text, analysis_context)
            timings.append((time.perf_counter() - started) * 1000)
        out[language] = {
            "chars": float(len(text)),
            "cold": timings[0],
            "best": min(timings[1:]),
            "median": statistics.median(timings[1:]),
            "max": max(timings[1:]),
        }
    return out


def format_report(report: EvalReport) -> str:
    lines = [
        f"Provider {report.provider} on {report.file}: {report.questions} questions",
        "",
        f"{'':9}{'pairs ordered':<17}{'good':<15}{'ok':<15}{'bad':<15}{'good-bad':>8}",
    ]
    for name in (*LANGUAGES, "overall"):
        g = report.groups[name]
        if not g.pairs_total and not any(g.scores.values()):
            continue
        cells = "".join(
            f"{g.mean(grade):5.1f} ± {g.stdev(grade):4.1f}   " if g.scores[grade] else f"{'-':15}"
            for grade in GRADES
        )
        pairs = f"{g.pairs_correct}/{g.pairs_total}"
        lines.append(f"{name:9}{pairs:>7} {g.share:6.1%}   {cells}{g.gap:8.1f}")
    o = report.overall
    counts = ", ".join(f"{grade} {len(o.scores[grade])}" for grade in GRADES)
    verdict = "met" if o.meets_targets else "NOT met"
    lines += [
        f"{'':9}(mean ± standard deviation of the 0-100 total; answers: {counts})",
        "",
        f"targets: pairs ordered >= {TARGET_PAIR_SHARE:.0%} and good-bad >= {TARGET_GAP:.0f} "
        f"points: {verdict} (ties count as misordered: {o.ties})",
    ]
    if report.baseline:
        shares = ", ".join(f"{k} {v:.1%}" for k, v in report.baseline.items())
        lines.append(f"baseline, longer answer wins: {shares}")
    if report.content_only:
        shares = ", ".join(f"{k} {v:.1%}" for k, v in report.content_only.items())
        lines.append(f"content only (length factor neutralised): {shares}")
    for qid, hi, s_hi, lo, s_lo in report.misordered:
        lines.append(f"misordered: {qid} {hi}={s_hi} vs {lo}={s_lo}")
    for qid, label, reason in report.failures:
        lines.append(f"failed: {qid} {label}: {reason}")
    for language, t in report.speed_ms.items():
        lines.append(
            f"speed ({language}, {t['chars']:.0f}-character answer): first run {t['cold']:.1f} ms; "
            f"then best {t['best']:.1f} ms, median {t['median']:.1f} ms, worst {t['max']:.1f} ms"
        )
    return "\n".join(lines)
