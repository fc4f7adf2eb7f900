"""Bank questions (questions/bank/<language>/<category>.json) as the scorer is given them."""

from __future__ import annotations

import json
from typing import Any

from analysis.ai.offline.bankmatch import BANK_DIR
from analysis.ai.types import QuestionContext


def question_context(
    category: str, q: dict[str, Any], language: str, *, sample: bool = True
) -> QuestionContext:
    return QuestionContext(
        text=q["question"],
        category=category,
        type=q["type"],
        language=language,
        expected_keywords=tuple(q["expectedKeywords"]),
        sample_answer=q["sampleAnswer"] if sample else "",
    )


def bank_question(language: str, category: str, key: str) -> QuestionContext:
    data = json.loads((BANK_DIR / language / f"{category}.json").read_text(encoding="utf-8"))
    return question_context(
        category, next(q for q in data["questions"] if q["key"] == key), language
    )
