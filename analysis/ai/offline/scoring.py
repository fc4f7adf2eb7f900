"""The rubric: four dimensions, 0-25 each, from the signals an interviewer would weigh.

- understanding: does the answer address what was asked, in the form asked (a real past episode
  for a behavioural question, a plan for a situational one, a method for a technical one), rather
  than deflecting or describing oneself?
- logic: is it told in an order a listener can follow (situation -> action -> result, or steps
  with reasons), with connectors that show reasoning and trade-offs?
- specificity: figures, named tools and methods, first-person actions; few vague words.
- job fit: the field's own vocabulary (in a session practised for a job: the requirements the
  user confirmed), an outcome that matters to the business, reflection, and work evidence rather
  than personal anecdotes or claims about oneself.

Each dimension is a weighted sum of 0-1 components, scaled by how much room the answer gave
itself (a two-sentence answer cannot show much, whatever it says)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..types import Scores
from .analyzer import Signals
from .keywords import category_specific_terms

RUBRIC_VERSION = "offline-rubric-1"


def _sat(x: float, scale: float) -> float:
    """0 at x=0, rising towards 1 (63% at x=scale)."""
    return 1.0 - math.exp(-max(x, 0.0) / scale)


def _clamp(x: float) -> float:
    return min(1.0, max(0.0, x))


def _points(quality: float) -> int:
    """0-25; any answer in sentences earns a floor of 2, as an interviewer would not give zero."""
    return 2 + round(_clamp(quality) * 23)


@dataclass(frozen=True)
class Breakdown:
    """The 0-1 components behind the scores, kept for feedback and for tuning."""

    length: float
    topic: float
    form: float
    evidence: float
    claims: float
    deflection: float
    structure: float
    connectors: float
    order: float
    figures: float
    names: float
    actions: float
    vagueness: float
    domain: float
    impact: float
    reflection: float
    personal: float
    repetition: float


def _domain_hits(s: Signals) -> float:
    """Distinct domain terms used: the field's vocabulary, the question's expected keywords and
    the sample answer's terms. A custom category has no vocabulary of its own, so general work
    terms stand in."""
    rel = s.relevance
    terms = {m.term.lower() for m in (*rel.reference_hits,)}
    if rel.keyword_source == "expected":
        terms |= {m.term.lower() for m in rel.matched}
    if category_specific_terms(s.question.category, s.language):
        terms |= {m.term.lower() for m in rel.category_hits}
        return float(len(terms))
    return len(terms) + len(rel.general_hits) * 0.7


def _explanations(s: Signals) -> int:
    """Sentences that give a reason, a condition, a contrast or an example."""
    return sum(1 for t in s.sentences if t.causal or t.condition or t.contrast or t.example)


def _type_fit(s: Signals) -> float:
    """Whether the answer takes the form the question asks for."""
    st, sp = s.structure, s.specificity
    actions = len(sp.action_sentences)
    has = st.present
    if s.question_type == "behavioral":
        return (
            0.3 * ("situation" in has or "task" in has)
            + 0.45 * min(1.0, actions / 3)
            + 0.25 * ("result" in has)
        )
    if s.question_type == "situational":
        return (
            0.55 * min(1.0, actions / 4)
            + 0.2 * min(1.0, st.steps / 2)
            + 0.25 * min(1.0, st.reasoning / 2)
        )
    # technical: a method explained with its reasons, in steps or with an example
    return (
        0.35 * _sat(_domain_hits(s), 4)
        + 0.25 * min(1.0, (actions + st.steps + _explanations(s)) / 4)
        + 0.2 * min(1.0, st.reasoning / 3)
        + 0.2 * (bool(sp.examples) or bool(sp.numbers))
    )


def breakdown(s: Signals) -> Breakdown:
    rel, st, sp, ln = s.relevance, s.structure, s.specificity, s.length
    n = max(st.sentences, 1)
    category = _domain_hits(s)
    if rel.keyword_source == "expected":
        topic = (
            0.5 * min(1.0, rel.coverage / 0.6)
            + 0.2 * min(1.0, rel.question_coverage)
            + 0.3 * _sat(category + len(rel.reference_hits), 4)
        )
    else:
        topic = (
            0.35 * min(1.0, rel.question_coverage)
            + 0.45 * _sat(category, 4)
            + 0.2 * _sat(len(rel.general_hits), 3)
        )
    if not s.keywords_checked:
        # The question's words (and its expected keywords) are in the other language, so the
        # answer cannot repeat them: its own field vocabulary stands for the topic instead.
        topic = max(topic, _sat(category + len(rel.reference_hits), 4))
    if s.question_type == "behavioral":
        structure = 0.75 * st.star_share + 0.25 * ("reflection" in st.present)
    else:
        # Organised either as steps or as a reasoned explanation of the concept.
        organised = max(min(1.0, st.steps / 3), min(1.0, _explanations(s) / 4))
        structure = (
            0.45 * organised
            + 0.25 * ("action" in st.present or bool(sp.action_sentences) or bool(sp.examples))
            + 0.3 * ("result" in st.present or bool(rel.verification))
        )
    order = st.order - (0.35 if st.opener_out_of_order else 0.0)
    if sp.quantified_results:
        impact = 1.0
    elif sp.unquantified_results:
        impact = 0.5
    else:
        impact = 0.0
    level = s.context.user_level
    personal = len(rel.personal) + (0.5 * len(rel.academic) if level != "entry" else 0.0)
    return Breakdown(
        length=ln.factor,
        topic=topic,
        form=_type_fit(s),
        evidence=len(rel.evidence_sentences) / n,
        claims=min(1.0, len(rel.claim_sentences) / n),
        deflection=min(1.0, len(rel.deflections) * 0.6),
        structure=structure,
        connectors=_sat(st.reasoning + st.steps, 3),
        order=_clamp(order),
        figures=_sat(len(sp.numbers), 2.5),
        names=_sat(len(sp.names), 2),
        actions=min(1.0, len(sp.action_sentences) / 4),
        vagueness=min(1.0, sum(sp.vague.values()) / n),
        domain=_sat(category, 5),
        impact=impact,
        reflection=1.0 if "reflection" in st.present else 0.0,
        personal=min(1.0, personal / n * 2),
        repetition=ln.repetition,
    )


def requirement_fit(s: Signals) -> float | None:
    """0-1: how many of the job's confirmed requirements the answer shows (one answer is not
    expected to show them all: two already count for most); None outside a job session."""
    requirements = s.context.job_requirements
    if not requirements:
        return None
    text = s.text.lower()
    shown = sum(
        1 for r in requirements if any(k and k.lower() in text for k in r.keywords or (r.text,))
    )
    return _sat(shown, 1.5)


def score(s: Signals, *, neutral_length: bool = False) -> tuple[Scores, Breakdown]:
    """The four scores. `neutral_length` gives every answer full room: a diagnostic showing what
    the content signals decide on their own, never used for a user's result."""
    b = breakdown(s)
    room = 1.0 if neutral_length else b.length
    understanding = (
        0.16
        + 0.4 * b.topic
        + 0.32 * b.form
        + 0.15 * b.evidence
        - 0.3 * b.deflection
        - 0.15 * b.claims
    ) * (0.6 + 0.4 * room)
    long_run_ons = len(s.structure.long_sentences) / max(s.structure.sentences, 1)
    logic = (
        0.12
        + 0.36 * b.structure
        + 0.25 * b.connectors
        + 0.15 * b.order
        + 0.12 * (1.0 - long_run_ons)
        - 0.05 * s.structure.wall_of_text
        - 0.3 * b.repetition
        - 0.1 * b.claims
    ) * (0.6 + 0.4 * room)
    ownership_gap = (
        s.question_type == "behavioral"
        and s.specificity.we > 2 * max(s.specificity.me, 1)
        and s.specificity.me < 3
    )
    specificity = (
        0.1
        + 0.3 * b.figures
        + 0.18 * b.names
        + 0.15 * b.domain
        + 0.2 * b.actions
        + 0.05 * bool(s.specificity.examples)
        + 0.05 * b.impact
        - 0.15 * b.vagueness
        - 0.15 * b.claims
        - 0.1 * ownership_gap
    ) * (0.6 + 0.4 * room)
    seniority = 0.0
    if s.context.user_level == "senior":
        seniority = 0.05 if s.relevance.leadership else -0.05
    # In a session practised for a job, fit is measured against the requirements the user
    # confirmed; the category's vocabulary keeps a smaller share.
    required = requirement_fit(s)
    fit_terms = 0.35 * b.domain if required is None else 0.1 * b.domain + 0.25 * required
    job_fit = (
        0.16
        + fit_terms
        + 0.18 * b.impact
        + 0.08 * b.reflection
        + 0.15 * b.evidence
        + seniority
        - 0.25 * b.personal
        - 0.2 * b.claims
        - 0.2 * b.deflection
    ) * (0.6 + 0.4 * room)
    # An answer is spoken prose; a list of terms shows vocabulary, not understanding.
    prose = 0.35 + 0.65 * s.length.prose
    points = {
        "understanding": _points(understanding * prose),
        "logic": _points(logic * prose),
        "specificity": _points(specificity * prose),
        "job_fit": _points(job_fit * prose),
    }
    return Scores(**integrity_adjusted(s, points)), b


# What an answer that is not an answer to this question can still earn, per dimension.
OFF_TOPIC_CAP = 5
COPIED_CAP = 8
OFF_TOPIC_TELLING_CAP = 10


def integrity_adjusted(s: Signals, points: dict[str, int]) -> dict[str, int]:
    """Caps and deductions for what the answer is, whatever its surface quality: another
    question's answer, a restated question, one sentence repeated, insults, 반말, fillers."""
    codes = s.flag_codes
    scr = s.screen
    out = dict(points)

    def cap(names: tuple[str, ...], limit: int) -> None:
        for name in names:
            out[name] = min(out[name], limit)

    def deduct(name: str, amount: int) -> None:
        out[name] = max(0, out[name] - amount)

    if "off_topic" in codes:
        cap(("understanding", "job_fit"), OFF_TOPIC_CAP)
        # Told well, perhaps, but what it shows is evidence for another question.
        cap(("specificity", "logic"), OFF_TOPIC_TELLING_CAP)
    if "copied_question" in codes:
        cap(("understanding", "logic", "specificity", "job_fit"), COPIED_CAP)
    if scr is not None:
        if scr.directed and scr.directed >= len(s.sentences):
            # Mostly an instruction to the grader: what is left is not an answer to score.
            cap(("understanding", "logic", "specificity", "job_fit"), OFF_TOPIC_CAP)
        if scr.repeats:
            # Repeats are not scored as content, and saying a thing again costs the telling.
            deduct("logic", min(6, 2 + scr.repeats // 2))
        if "repetition" in codes and len(s.sentences) <= 3:
            # One thought said over and over: what is left is the thought said once.
            cap(("understanding", "logic", "specificity", "job_fit"), COPIED_CAP)
        if scr.insults:
            deduct("job_fit", 8)
            deduct("understanding", 2)
        if scr.banmal and scr.banmal >= max(2, scr.polite):
            deduct("job_fit", 4)
        words = max(s.length.words, 1)
        filler_share = sum(scr.fillers.values()) / words
        if filler_share >= 0.05:
            # Past one filler in ten words an interviewer hears hesitation before the content:
            # it costs the telling and, once it is one in five, the impression too.
            weight = min(1.0, filler_share * 5)
            deduct("logic", round(weight * 10))
            deduct("job_fit", round(weight * 4))
    return out
