"""Follow-up quality (`make eval`): on a hand-written set of answers, each labelled with what it
lacks, the share of follow-ups that probe one of those gaps, quote the answer and speak the
session's language. Scores come from the offline analyzer, as in a session."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.ai.registry import get_offline_service
from analysis.ai.types import AnalysisContext, QuestionContext

from ..followups.rules import FollowUpDraft, follow_up_offline

_HERE = Path(__file__).resolve().parent
DEFAULT_FILE = _HERE / "followups.jsonl"
# Written after the rules were tuned on DEFAULT_FILE; its misses were later read, so it is a
# figure on answers the rules were first not fitted to, no longer an untouched one.
HELDOUT_FILE = _HERE / "followups_heldout.jsonl"
# Written (27 ko + 27 en) and scored before the rules changed again, and never used to change
# them: the held-out figure. Its misses are not printed by `make eval`, so they are not tuned on.
HELDOUT_V2_FILE = _HERE / "followups_heldout_v2.jsonl"
HELDOUT_SETS = (
    ("first held-out set, its misses since read", HELDOUT_FILE),
    ("second held-out set, never tuned on", HELDOUT_V2_FILE),
)
TARGET_SHARE = 0.85
_HANGUL = re.compile(r"[가-힣]")


@dataclass(frozen=True)
class Item:
    id: str
    language: str
    question: str
    answer: str
    lacks: frozenset[str]


@dataclass
class Outcome:
    item: Item
    draft: FollowUpDraft | None
    on_target: bool
    quoted: bool
    in_language: bool

    @property
    def good(self) -> bool:
        return self.on_target and self.quoted and self.in_language


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def share(self, language: str | None = None) -> float:
        chosen = [o for o in self.outcomes if language in (None, o.item.language)]
        return sum(o.good for o in chosen) / len(chosen) if chosen else 0.0

    @property
    def meets_target(self) -> bool:
        return all(self.share(lang) >= TARGET_SHARE for lang in ("ko", "en"))


def load_items(path: Path = DEFAULT_FILE) -> list[Item]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            items.append(
                Item(
                    id=row["id"],
                    language=row["language"],
                    question=row["question"],
                    answer=row["answer"],
                    lacks=frozenset(row["lacks"]),
                )
            )
        except (ValueError, KeyError) as exc:
            raise ValueError(f"{path}:{number}: {exc}") from exc
    return items


def _quoted(draft: FollowUpDraft, answer: str) -> bool:
    pieces = [p for p in draft.quote.split("…") if p.strip()]
    squashed = " ".join(answer.split())
    return bool(pieces) and all(p.strip() in squashed for p in pieces) and draft.quote in draft.text


def _in_language(draft: FollowUpDraft, language: str) -> bool:
    frame = draft.text.replace(draft.quote, "")
    has_hangul = bool(_HANGUL.search(frame))
    return has_hangul if language == "ko" else not has_hangul


def evaluate(items: Iterable[Item]) -> Report:
    service = get_offline_service()
    report = Report()
    for item in items:
        output = service.analyze_answer(
            QuestionContext(text=item.question, language=item.language),
            item.answer,
            AnalysisContext(language=item.language),
        )
        scores = {
            "understanding": output.scores.understanding,
            "logic": output.scores.logic,
            "specificity": output.scores.specificity,
            "job_fit": output.scores.job_fit,
        }
        draft = follow_up_offline(answer=item.answer, language=item.language, scores=scores)
        report.outcomes.append(
            Outcome(
                item=item,
                draft=draft,
                on_target=draft is not None and draft.target in item.lacks,
                quoted=draft is not None and _quoted(draft, item.answer),
                in_language=draft is not None and _in_language(draft, item.language),
            )
        )
    return report


def format_report(
    report: Report, *, title: str = "tuning set", gated: bool = True, misses: bool = True
) -> str:
    lines = [
        f"Follow-up quality (offline rules, {title}): share of follow-ups that probe what the "
        "answer"
    ]
    lines.append("lacked, quote it and speak its language")
    for language in ("ko", "en"):
        chosen = [o for o in report.outcomes if o.item.language == language]
        good = sum(o.good for o in chosen)
        lines.append(
            f"  {language}: {good}/{len(chosen)} = {report.share(language):.0%} "
            f"(target {TARGET_SHARE:.0%})"
        )
    lines.append(f"  overall: {report.share():.0%}")
    for outcome in report.outcomes if misses else ():
        if not outcome.good:
            target = outcome.draft.target if outcome.draft else "none"
            lines.append(
                f"  miss {outcome.item.id}: asked {target}, lacks {sorted(outcome.item.lacks)}"
                f"{'' if outcome.quoted else ', quote not from the answer'}"
                f"{'' if outcome.in_language else ', wrong language'}"
            )
    if gated:
        lines.append("PASS" if report.meets_target else "FAIL")
    else:
        met = "target met" if report.meets_target else "target missed"
        lines.append(f"{met} (reported only, not gated)")
    return "\n".join(lines)
