"""The adversarial set: attacks on the scorer, each paired with an honest answer to the same
question and the relation expected between the two.

Files `adversarial_<language>.json` hold a list of questions:

    {"id", "language", "role", "type", "question", "expected_keywords"?, "honest",
     "attacks": [{"attack", "note", <text>, "expect": {...}}]}

The attack's text is one of: "text" (the whole answer), "append" (the honest answer followed by
it, in a new paragraph), "insert_after_first" (inside the honest answer, after its first
sentence), "repeat" ({"sentence", "times"}), or "text_is_honest" (the honest answer itself).

Expectations (each one counted on its own):
- "below": N        the attack scores at least N points under the honest answer
- "not_above": true the attack scores no more than the honest answer
- "max": N          the attack scores at most N
- "near": N         the attack is within N points of the honest answer
- "job_fit_below": N  the attack's job fit is at least N under the honest answer's
- "flags": [...]    the attack's result carries these integrity flags
- "no_flags": [...] ... and not these
- "excludes" / "includes": strings that must not / must appear in the attack's feedback
  (strengths, improvements, detailed feedback, ideal answer)
- "tools_exclude": words the feedback must not list as tools or methods
- "ideal_excludes" / "ideal_includes": the same for the ideal answer alone
- "ideal_no_new_figures": true  every number in the ideal answer (outside its [placeholders])
  is one the answer gave: nothing invented
- "validation": "accept" | "refuse", "word": the word a refusal must name
- "feedback_language": "ko" | "en"  the coaching (strengths, improvements, detailed feedback,
  quotes of the answer left out) is written in this language: the session's, whatever the
  answer's

`adversarial_<language>.json` is the development set (the scorer was tuned on it);
`heldout_adversarial_<language>.json` was written before any tuning of the relevance signal
and is never tuned on: `make eval` reports the two apart. Its misses were then read, so it is
a development set in all but name; `heldout2_adversarial_<language>.json` was written (and
scored on the code of that day) before the next round of changes, to be the held-out set for
them; `heldout3_` and `heldout4_` likewise before the rounds after it, `heldout5_` before it
was first scored (its English half in two parts), and `heldout6_` to `heldout10_` by helpers who
never read or ran the scorer, each scored on the code of its day before anyone read it (8-10:
typed questions; set 10's misses have not been read). `dev_typed_adversarial_<language>.json`
is a second development set, of typed questions told in other words (tuned on).

Every honest answer must also pass validation and carry no integrity flag ("honest_clean")."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.ai.base import AIService, AIServiceError
from analysis.ai.types import AnalysisContext, AnalysisOutput, QuestionContext
from analysis.validation import validate_answer
from interview_platform.api.errors import ApplicationError

from .feedback_reading import around, coaching_language, feedback_text, figures, tools_named
from .harness import LANGUAGES, infer_category

HERE = Path(__file__).resolve().parent
DEFAULT_FILES = tuple(HERE / f"adversarial_{language}.json" for language in LANGUAGES)
HELDOUT_FILES = tuple(HERE / f"heldout_adversarial_{language}.json" for language in LANGUAGES)
HELDOUT2_FILES = tuple(HERE / f"heldout2_adversarial_{language}.json" for language in LANGUAGES)
HELDOUT3_FILES = tuple(HERE / f"heldout3_adversarial_{language}.json" for language in LANGUAGES)
HELDOUT4_FILES = tuple(HERE / f"heldout4_adversarial_{language}.json" for language in LANGUAGES)
HELDOUT5_FILES = tuple(HERE / f"heldout5_adversarial_{language}.json" for language in LANGUAGES)
HELDOUT6_FILES = tuple(HERE / f"heldout6_adversarial_{language}.json" for language in LANGUAGES)
HELDOUT7_FILES = tuple(HERE / f"heldout7_adversarial_{language}.json" for language in LANGUAGES)
HELDOUT8_FILES, HELDOUT9_FILES, HELDOUT10_FILES = (
    tuple(HERE / f"heldout{n}_adversarial_{language}.json" for language in LANGUAGES)
    for n in (8, 9, 10)
)
# Typed questions (no expected keywords) answered honestly in the speaker's own words, each with
# a strong answer from the same job to another question: written to work on the relevance
# verdict, so a development set, not a held-out one.
TYPED_DEV_FILES = tuple(HERE / f"dev_typed_adversarial_{language}.json" for language in LANGUAGES)
TARGET_SHARE = 0.9


@dataclass(frozen=True)
class Attack:
    kind: str
    note: str
    text: str
    expect: dict[str, Any]


@dataclass(frozen=True)
class AdversarialQuestion:
    id: str
    language: str
    role: str
    type: str
    question: str
    honest: str
    attacks: tuple[Attack, ...]
    expected_keywords: tuple[str, ...] = ()

    def context(self) -> QuestionContext:
        category, custom = infer_category(self.role)
        return QuestionContext(
            text=self.question,
            category=category,
            custom_category=custom,
            type=self.type,
            language=self.language,  # type: ignore[arg-type]
            expected_keywords=self.expected_keywords,
        )


_FIRST_SENTENCE = re.compile(r"^.+?[.!?](?=\s)", re.S)


def _attack_text(honest: str, row: dict[str, Any]) -> str:
    if row.get("text_is_honest"):
        return honest
    if "text" in row:
        return row["text"]
    if "append" in row:
        return f"{honest}\n\n{row['append']}"
    if "insert_after_first" in row:
        first = _FIRST_SENTENCE.match(honest)
        cut = first.end() if first else len(honest)
        return f"{honest[:cut]} {row['insert_after_first']}{honest[cut:]}"
    if "repeat" in row:
        return " ".join([row["repeat"]["sentence"]] * int(row["repeat"]["times"]))
    raise ValueError("an attack needs text, append, insert_after_first, repeat or text_is_honest")


def load_adversarial_set(paths: Iterable[str | Path] = DEFAULT_FILES) -> list[AdversarialQuestion]:
    questions = []
    for path in paths:
        for row in json.loads(Path(path).read_text(encoding="utf-8")):
            try:
                attacks = tuple(
                    Attack(
                        a["attack"], a.get("note", ""), _attack_text(row["honest"], a), a["expect"]
                    )
                    for a in row["attacks"]
                )
                questions.append(
                    AdversarialQuestion(
                        id=row["id"],
                        language=row["language"],
                        role=row["role"],
                        type=row["type"],
                        question=row["question"],
                        honest=row["honest"],
                        attacks=attacks,
                        expected_keywords=tuple(row.get("expected_keywords", ())),
                    )
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}: {row.get('id', '?')}: {exc}") from exc
    return questions


@dataclass(frozen=True)
class Outcome:
    """One expectation, checked."""

    question: str
    language: str
    attack: str
    expectation: str
    held: bool
    detail: str


@dataclass
class AdversarialReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def share(self, *, language: str | None = None, attack: str | None = None) -> float:
        rows = [
            o
            for o in self.outcomes
            if (language is None or o.language == language)
            and (attack is None or o.attack == attack)
        ]
        return sum(o.held for o in rows) / len(rows) if rows else 0.0

    def count(self, *, language: str | None = None, attack: str | None = None) -> tuple[int, int]:
        rows = [
            o
            for o in self.outcomes
            if (language is None or o.language == language)
            and (attack is None or o.attack == attack)
        ]
        return sum(o.held for o in rows), len(rows)

    @property
    def attacks(self) -> list[str]:
        return sorted({o.attack for o in self.outcomes})

    @property
    def meets_target(self) -> bool:
        return all(self.share(language=group) >= TARGET_SHARE for group in (*LANGUAGES, None))


def _validate(text: str) -> tuple[bool, str]:
    """(accepted, message): the product's own answer validation."""
    try:
        validate_answer(text)
    except ApplicationError as exc:
        return False, str(exc.message)
    return True, ""


def _check(
    expect: dict[str, Any], honest: AnalysisOutput, attack: AnalysisOutput | None, refused: str
) -> list[tuple[str, bool, str]]:
    """(expectation, held, detail) for each expectation of one attack."""
    out: list[tuple[str, bool, str]] = []
    if "validation" in expect:
        wanted = expect["validation"]
        held = (refused == "") == (wanted == "accept")
        out.append((f"validation {wanted}", held, refused or "accepted"))
        if "word" in expect:
            out.append(
                (
                    f"refusal names {expect['word']!r}",
                    expect["word"] in refused,
                    refused or "accepted",
                )
            )
    scored = {k: v for k, v in expect.items() if k not in ("validation", "word")}
    if not scored:
        return out
    if attack is None:
        return out + [(name, False, f"refused: {refused}") for name in scored]
    h, a = honest.total, attack.total
    pair = f"attack {a} vs honest {h}"
    if "below" in expect:
        out.append((f"below honest by {expect['below']}", a <= h - expect["below"], pair))
    if expect.get("not_above"):
        out.append(("not above honest", a <= h, pair))
    if "max" in expect:
        out.append((f"at most {expect['max']}", a <= expect["max"], pair))
    if "near" in expect:
        out.append((f"within {expect['near']} of honest", abs(a - h) <= expect["near"], pair))
    if "job_fit_below" in expect:
        hj, aj = honest.scores.job_fit, attack.scores.job_fit
        out.append(
            (
                f"job fit below honest by {expect['job_fit_below']}",
                aj <= hj - expect["job_fit_below"],
                f"job fit {aj} vs {hj}",
            )
        )
    codes = {f["code"] for f in attack.flags}
    for code in expect.get("flags", ()):
        out.append((f"flag {code}", code in codes, f"flags {sorted(codes)}"))
    for code in expect.get("no_flags", ()):
        out.append((f"no flag {code}", code not in codes, f"flags {sorted(codes)}"))
    text = feedback_text(attack)
    for s in expect.get("excludes", ()):
        out.append((f"feedback excludes {s!r}", s not in text, around(text, s)))
    for s in expect.get("includes", ()):
        out.append((f"feedback includes {s!r}", s in text, "missing"))
    tools = tools_named(text)
    for s in expect.get("tools_exclude", ()):
        out.append((f"not named as a tool: {s!r}", s not in tools, f"tools {tools}"))
    if "feedback_language" in expect:
        wanted = expect["feedback_language"]
        found = coaching_language(attack)
        out.append((f"feedback in {wanted}", found == wanted, f"coaching reads as {found}"))
    for s in expect.get("ideal_excludes", ()):
        held = s not in attack.ideal_answer
        out.append((f"ideal excludes {s!r}", held, around(attack.ideal_answer, s)))
    for s in expect.get("ideal_includes", ()):
        out.append((f"ideal includes {s!r}", s in attack.ideal_answer, attack.ideal_answer[:160]))
    if expect.get("ideal_no_new_figures"):
        new = sorted(figures(attack.ideal_answer) - figures(attack.answer))
        out.append(("ideal invents no figure", not new, f"not in the answer: {new}"))
    return out


def run_adversarial(
    questions: list[AdversarialQuestion], service: AIService, *, validate: bool = True
) -> AdversarialReport:
    report = AdversarialReport()
    for q in questions:
        context = q.context()
        analysis_context = AnalysisContext(job_category=context.category, language=context.language)

        def analyse(
            text: str, context: QuestionContext = context, analysis_context=analysis_context
        ) -> AnalysisOutput | None:
            try:
                return service.analyze_answer(context, text, analysis_context)
            except AIServiceError:
                return None

        honest = analyse(q.honest)
        accepted, message = _validate(q.honest) if validate else (True, "")
        clean = honest is not None and accepted and not honest.flags
        report.outcomes.append(
            Outcome(
                q.id,
                q.language,
                "honest_clean",
                "honest answer accepted, scored, no flag",
                clean,
                message or (f"flags {[f['code'] for f in honest.flags]}" if honest else "failed"),
            )
        )
        if honest is None:
            continue
        for attack in q.attacks:
            accepted, message = _validate(attack.text) if validate else (True, "")
            output = analyse(attack.text) if accepted else None
            if accepted and output is None:
                message = "analysis failed"
            for name, held, detail in _check(
                attack.expect, honest, output, "" if accepted else message
            ):
                report.outcomes.append(Outcome(q.id, q.language, attack.kind, name, held, detail))
    return report


def format_adversarial(
    report: AdversarialReport, *, verbose: bool = False, title: str = "Adversarial set"
) -> str:
    lines = [f"{title}: expectations held", ""]
    header = f"{'attack':22}" + "".join(f"{g:>12}" for g in (*LANGUAGES, "overall"))
    lines.append(header)

    def cell(language: str | None, attack: str | None) -> str:
        held, total = report.count(language=language, attack=attack)
        return f"{held:>5}/{total:<3}" + (" " * 3) if total else f"{'-':>9}   "

    for attack in report.attacks:
        lines.append(f"{attack:22}" + "".join(cell(g, attack) for g in (*LANGUAGES, None)))
    lines.append(
        f"{'all':22}" + "".join(f"{report.share(language=g):>11.1%} " for g in (*LANGUAGES, None))
    )
    held = {g: report.count(language=g) for g in (*LANGUAGES, None)}
    lines.append(f"{'expectations':22}" + "".join(f"{h:>5}/{n:<3}   " for h, n in held.values()))
    verdict = "met" if report.meets_target else "NOT met"
    lines += ["", f"target: >= {TARGET_SHARE:.0%} overall and per language: {verdict}"]
    for o in report.outcomes:
        if not o.held or verbose:
            mark = "ok  " if o.held else "FAIL"
            lines.append(f"{mark} {o.question} {o.attack}: {o.expectation} ({o.detail})")
    return "\n".join(lines)
