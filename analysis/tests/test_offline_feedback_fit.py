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


ANGRY_Q = QuestionContext(
    text="Tell me about a time you calmed down an angry customer.",
    category="customer_service",
    type="behavioral",
    language="en",
)
# About an angry customer all through, in words of its own: none of "calmed", "angry", "customer".
UPSET_SHOPPER = (
    "Last spring a shopper phoned our store shouting because his order had arrived broken for "
    "the second time. I let him finish, said sorry for the trouble and asked what he needed by "
    "the weekend. I booked a replacement with next-day delivery and a courier pickup for the "
    "broken one. He called back on Friday to say thanks and kept ordering from us."
)
GARDEN = (
    "Last summer I planted tomatoes, basil and peppers in raised beds behind our house. I "
    "watered them every morning before breakfast and added compost twice a month. By August the "
    "plants were taller than me and we shared baskets with the neighbours. Gardening taught me "
    "to enjoy slow results."
)


def test_an_answer_judged_on_topic_is_not_told_it_covers_none_of_the_questions_words():
    out = _run(ANGRY_Q, UPSET_SHOPPER)
    assert "off_topic" not in {f["code"] for f in out.flags}
    content = out.detailed_feedback.content
    assert "Covers 0 of" not in content
    assert '"calmed", "angry" and "customer"' in content  # a suggestion naming the words
    assert not any("drifts" in line for line in out.improvements)


def test_an_answer_judged_off_topic_is_still_told_it_misses_the_questions_words():
    out = _run(ANGRY_Q, GARDEN)
    assert "off_topic" in {f["code"] for f in out.flags}
    assert "Covers 0 of the 3 key terms of the question" in out.detailed_feedback.content
