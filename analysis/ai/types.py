"""Plain data passed in and out of an AI provider. No Django models, so providers stay testable;
the pipeline maps an output onto `AnalysisResult` in one place (`AnalysisOutput.to_result_fields`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypedDict

LanguageCode = Literal["ko", "en"]
UserLevel = Literal["entry", "mid", "senior"]
SCORE_MAX = 25

# Integrity flags an analysis can carry (see analysis/ai/offline/integrity.py). Each flag is a
# dict {"code": ..., **params}; the API renders its message in the session's language.
FLAG_CODES = (
    "language_mismatch",
    "off_topic",
    "copied_question",
    "repetition",
    "padding",
    "evaluator_directed",
    "abusive_tone",
)


class EvaluationCriteria(TypedDict):
    understanding: str
    logic: str
    specificity: str
    jobFit: str


class TokenUsage(TypedDict, total=False):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


@dataclass(frozen=True)
class QuestionContext:
    """The question being answered, as the bank (or a generator) describes it."""

    text: str
    category: str = "custom"
    custom_category: str = ""
    type: str = "behavioral"
    difficulty: str = "medium"
    language: LanguageCode = "en"
    expected_keywords: tuple[str, ...] = ()
    sample_answer: str = ""
    evaluation_criteria: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Accept lists from JSON fields; a tuple keeps the frozen dataclass hashable-ish and safe.
        object.__setattr__(self, "expected_keywords", tuple(self.expected_keywords or ()))


@dataclass(frozen=True)
class JobRequirement:
    """A requirement the user confirmed for the job they practise for, with the words that show
    it in an answer."""

    text: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnalysisContext:
    """The spec's AnalysisContext plus the answer's language and, in a session practised for a
    job, the requirements the user confirmed (job fit is measured against them)."""

    job_category: str = "custom"
    user_level: UserLevel = "mid"
    previous_answers: tuple[str, ...] = ()
    session_duration: int = 0  # seconds spent in the session so far
    language: LanguageCode | None = None  # None: detect from the answer
    job_requirements: tuple[JobRequirement, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "previous_answers", tuple(self.previous_answers or ()))
        object.__setattr__(self, "job_requirements", tuple(self.job_requirements or ()))


@dataclass(frozen=True)
class DetailedFeedback:
    grammar: str
    structure: str
    content: str
    suggestions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "grammar": self.grammar,
            "structure": self.structure,
            "content": self.content,
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True)
class Scores:
    understanding: int
    logic: int
    specificity: int
    job_fit: int

    def __post_init__(self) -> None:
        for name in ("understanding", "logic", "specificity", "job_fit"):
            value = getattr(self, name)
            if not isinstance(value, int) or not 0 <= value <= SCORE_MAX:
                raise ValueError(f"score {name}={value!r} is outside 0-{SCORE_MAX}")

    @property
    def total(self) -> int:
        return self.understanding + self.logic + self.specificity + self.job_fit

    def to_dict(self) -> dict[str, int]:
        """camelCase keys, as the API shows them."""
        return {
            "understanding": self.understanding,
            "logic": self.logic,
            "specificity": self.specificity,
            "jobFit": self.job_fit,
        }


@dataclass(frozen=True)
class AnalysisOutput:
    scores: Scores
    strengths: list[str]
    improvements: list[str]
    detailed_feedback: DetailedFeedback
    ideal_answer: str
    model: str
    confidence: float
    prompt_version: str
    processing_time_ms: int
    token_usage: TokenUsage | None = None
    preliminary: bool = False
    language: LanguageCode = "en"
    # What was analysed, kept so generate_feedback can be re-derived from an output alone.
    answer: str = ""
    question: QuestionContext | None = None
    flags: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.scores.total

    def to_result_fields(self) -> dict[str, Any]:
        """The AnalysisResult columns this output fills (model field names)."""
        ai_analysis: dict[str, Any] = {
            "model": self.model,
            "confidence": self.confidence,
            "processingTime": self.processing_time_ms,
            "promptVersion": self.prompt_version,
        }
        if self.token_usage is not None:
            ai_analysis["tokenUsage"] = dict(self.token_usage)
        return {
            "understanding": self.scores.understanding,
            "logic": self.scores.logic,
            "specificity": self.scores.specificity,
            "job_fit": self.scores.job_fit,
            "total_score": self.total,
            "strengths": list(self.strengths),
            "improvements": list(self.improvements),
            "detailed_feedback": self.detailed_feedback.to_dict(),
            "ai_analysis": ai_analysis,
            "ideal_answer": self.ideal_answer,
            "preliminary": self.preliminary,
            "flags": [dict(f) for f in self.flags],
        }


@dataclass(frozen=True)
class GeneratedQuestion:
    question: str
    category: str
    difficulty: str
    type: str
    language: LanguageCode
    custom_category: str = ""
    tags: list[str] = field(default_factory=list)
    expected_keywords: list[str] = field(default_factory=list)
    sample_answer: str = ""
    evaluation_criteria: dict[str, str] = field(default_factory=dict)
    model: str = ""
    prompt_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
