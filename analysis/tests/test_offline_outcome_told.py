"""An outcome told as a change with its size ("rose 30%") is an outcome, and a decision's scope
("cut everything else") is not vague: the decision stays in the ideal answer."""

from __future__ import annotations

from analysis.ai.registry import get_offline_service
from analysis.ai.types import AnalysisContext, QuestionContext

QUESTION = QuestionContext(
    text="Tell me about a product decision you made with incomplete data.",
    language="en",
    category="product_management",
    type="behavioral",
)
ANSWER = (
    "At my last startup we had two weeks to decide whether to build offline mode for our "
    "field-sales app. We had no usage data on connectivity, only a handful of support tickets. "
    "I called eight customers in one afternoon and asked them to show me where they lost "
    "signal. Six of them worked in warehouses with no coverage. I decided to build a minimal "
    "offline cache for orders only and cut everything else. After launch, orders entered in the "
    "field rose 30% in the first month, and I learned that a day of customer calls beats a month "
    "of guessing."
)


def _analysed():
    return get_offline_service().analyze_answer(QUESTION, ANSWER, AnalysisContext(language="en"))


def test_a_change_told_with_its_size_is_the_outcome():
    out = _analysed()
    assert not any("Missing: the outcome" in line for line in out.improvements)
    assert any("rose 30%" in line for line in out.strengths)
    assert "[measurable result" not in out.ideal_answer


def test_the_decision_and_its_scope_stay_in_the_ideal_answer():
    assert "I decided to build a minimal offline cache for orders only" in _analysed().ideal_answer
