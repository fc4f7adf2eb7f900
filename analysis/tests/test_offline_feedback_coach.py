"""Feedback read as a job seeker reads it, round three: results told as a state, durations in
words, a setting told by its time alone, a next step for every good answer, and key terms said
with another form of the word. Each rule is tested on text of its own, not the eval sets'."""

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.markers import EN
from analysis.ai.offline.structure import tag_sentences
from analysis.ai.types import AnalysisContext, QuestionContext

SERVICE = OfflineAIService()


def _analyse(language: str, question: str, answer: str, kind: str = "behavioral", **extra):
    context = AnalysisContext(job_category="custom", language=language)
    asked = QuestionContext(text=question, category="custom", type=kind, language=language, **extra)
    return SERVICE.analyze_answer(asked, answer, context)


INVOICES_Q = "Have you ever automated part of your job?"
INVOICES = (
    "Our accounts team typed supplier invoices into the ledger by hand every Friday. I wrote a "
    "script that reads the PDFs and fills the entries, and a scheduled job runs it at 7 am and "
    "sends anything over budget to my manager. Invoices are now booked the day they arrive, "
    "and the typing errors we used to chase at month end are gone."
)


def test_a_result_told_as_a_state_after_ones_steps_is_a_result():
    out = _analyse("en", INVOICES_Q, INVOICES)
    assert not any(line.startswith("Missing: the outcome") for line in out.improvements)
    # "7 am" is a figure, so the answer is not told it has none.
    assert not any(line.startswith("Missing: any figure") for line in out.improvements)
    # The result sentence is kept in the ideal answer, not replaced by a placeholder.
    assert "Invoices are now booked the day they arrive" in out.ideal_answer


def test_a_state_before_any_step_sets_the_scene_and_is_no_result():
    tagged = tag_sentences(
        [
            ("The old ledger server was gone and invoices are now piling up on my desk.", 0),
            ("I wrote a script that books them overnight.", 0),
            ("The pile is gone.", 0),
        ],
        EN,
        "en",
    )
    assert [("result" in t.phases) for t in tagged] == [False, False, True]
