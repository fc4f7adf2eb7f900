"""The question's noun answered with its verb ("a decision you made" -> "I decided") covers that
word of the question."""

from __future__ import annotations

from analysis.ai.offline.analyzer import analyze
from analysis.ai.types import AnalysisContext, QuestionContext


def test_a_decision_told_as_i_decided_covers_the_questions_word():
    question = QuestionContext(
        text="Tell me about a product decision you made with incomplete data.",
        language="en",
        category="product_management",
        type="behavioral",
    )
    signals = analyze(
        question,
        "At my last startup we had two weeks and almost no usage data. I called eight customers "
        "in one afternoon, and I decided to build a minimal offline cache for orders only. "
        "Orders entered in the field rose 30% in the first month.",
        AnalysisContext(language="en"),
    )
    matched = {m.term: m.surface for m in signals.relevance.question_matched}
    assert "decision" in matched
