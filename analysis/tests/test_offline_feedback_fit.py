"""Feedback read as the job seeker reads it: the ideal answer keeps the step the answer turns on,
and each note fits the question asked and what the answer was judged to be. Each rule is tested
on text of its own, not the graded set's."""

from analysis.ai.offline import OfflineAIService
from analysis.ai.types import AnalysisContext, QuestionContext


def _run(question: QuestionContext, text: str):
    context = AnalysisContext(job_category=question.category, language=question.language)
    return OfflineAIService().analyze_answer(question, text, context)


CACHE_Q = QuestionContext(
    text="How would you design a cache for a product catalogue that is read far more often than "
    "it is written?",
    category="software_engineering",
    type="technical",
    language="en",
)


def test_the_ideal_answer_keeps_a_hedged_step_without_its_hedge():
    answer = (
        "I would probably put a read-through cache in front of the database, keyed by product "
        "ID. When a product is edited, the write path deletes its key so the next read loads the "
        "fresh row. I'd watch the hit rate and the database load after launch to check it worked."
    )
    ideal = _run(CACHE_Q, answer).ideal_answer
    assert "I would put a read-through cache in front of the database, keyed by product ID." in (
        ideal
    )
    assert "probably" not in ideal
    # The step fills the opening part: no placeholder asks for what the answer already says.
    assert "[first principle" not in ideal
