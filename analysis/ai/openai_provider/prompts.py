"""Rendering the versioned prompt templates in `analysis/ai/prompts/`.

A template file has a `=== system ===` and a `=== user ===` part with `$name` placeholders
(`string.Template`: values are inserted verbatim, so an answer containing `$x` or braces is safe).
Changing a template's wording means a new file and a new version constant, so stored results
name the prompt that produced them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from string import Template

from ..types import AnalysisContext, JobRequirement, QuestionContext

PROMPT_VERSION = "analysis-v3"
QUESTION_PROMPT_VERSION = "question-generation-v1"
FEEDBACK_PROMPT_VERSION = "feedback-v1"
IDEAL_ANSWER_PROMPT_VERSION = "ideal-answer-v1"
PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
LANGUAGES = ("ko", "en")


@cache
def _template(name: str) -> dict[str, Template]:
    text = (PROMPTS_DIR / f"{name}.txt").read_text(encoding="utf-8")
    parts = re.split(r"^=== (system|user) ===\n", text, flags=re.MULTILINE)
    sections = dict(zip(parts[1::2], parts[2::2], strict=True))
    return {role: Template(body.strip()) for role, body in sections.items()}


def render(name: str, **values: str) -> list[dict[str, str]]:
    """The chat messages of template `name` (e.g. "analysis_v1")."""
    return [
        {"role": role, "content": template.substitute(values)}
        for role, template in _template(name).items()
    ]


@cache
def language_instruction(language: str) -> str:
    """How to write for a `ko` or `en` user (Korean: 존댓말), with that language's placeholders."""
    language = language if language in LANGUAGES else "en"
    return (PROMPTS_DIR / f"language_{language}_v1.txt").read_text(encoding="utf-8").strip()


_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")


def feedback_language(answer: str, context: AnalysisContext, question: QuestionContext) -> str:
    """The user's language: as given, else the answer's script (Korean answers often carry
    English terms, and a syllable block holds about three letters' worth), else the question's."""
    if context.language:
        return context.language
    hangul, latin = len(_HANGUL.findall(answer)), len(_LATIN.findall(answer))
    if hangul or latin:
        return "ko" if hangul * 3 >= latin else "en"
    return question.language


_FENCE_TAG = re.compile(
    r"</?\s*(answer|job_description|job_requirements|resume|previous_questions)\s*>",
    re.IGNORECASE,
)


def fenced(text: str) -> str:
    """User text for inside a fence tag: a look-alike tag in it cannot close the fence early."""
    return _FENCE_TAG.sub(lambda m: m.group(0).replace("<", "\u2039").replace(">", "\u203a"), text)


def job_label(category: str, custom_category: str = "") -> str:
    if custom_category:
        return custom_category
    return category.replace("_", " ") if category and category != "custom" else "general"


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bullets(items: Sequence[str], *, empty: str = "(none)", limit: int = 600) -> str:
    lines = [f"- {clip(item, limit)}" for item in items if item.strip()]
    return "\n".join(lines) or empty


MAX_REQUIREMENTS = 30
MAX_REQUIREMENT_CHARS = 200


def requirement_lines(requirements: Sequence[JobRequirement]) -> str:
    """The confirmed requirements as fenced data, one a line with the words that show it."""
    lines = []
    for requirement in requirements[:MAX_REQUIREMENTS]:
        line = clip(requirement.text, MAX_REQUIREMENT_CHARS)
        keywords = ", ".join(k for k in requirement.keywords if k.strip())
        if keywords:
            line += f" (shown by: {clip(keywords, MAX_REQUIREMENT_CHARS)})"
        lines.append(f"- {line}")
    return fenced("\n".join(lines)) or "(none)"


def rubric_values(question: QuestionContext) -> dict[str, str]:
    """The question and its rubric context (expected keywords, sample answer, criteria)."""
    criteria = question.evaluation_criteria or {}
    return {
        "question": question.text,
        "question_type": question.type,
        "difficulty": question.difficulty,
        "expected_keywords": ", ".join(question.expected_keywords) or "(none given)",
        "sample_answer": question.sample_answer.strip() or "(none given)",
        "evaluation_criteria": "\n".join(f"  - {k}: {v}" for k, v in criteria.items() if v)
        or "  (none given)",
    }
