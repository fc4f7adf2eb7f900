"""One more step of one's own ("I also added a check sheet…") that the story takes up again
later ("because of the control check we caught…") is a step of the story, not a digression; what
it takes now against before ("now takes 15 minutes instead of four hours") and what it saved
the speaker ("saved me 3.5 hours") are its outcome."""

from __future__ import annotations

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.markers import markers_for
from analysis.ai.types import AnalysisContext, QuestionContext

SERVICE = OfflineAIService()

AUTOMATED_REPORT = (
    "In my role as a financial analyst, every Monday I had to build a weekly sales report "
    "for the regional managers. It took me about four hours: downloading three CSV exports "
    "from the ERP, cleaning them, doing VLOOKUPs to map product codes to categories, and "
    "then building pivot tables and charts.\n\n"
    "I decided to automate it. I used Power Query to connect to the three exports and do "
    "the cleaning steps, like removing blank rows, fixing date formats and merging the "
    "product mapping table, so they refresh with one click. I replaced the VLOOKUPs with a "
    "proper data model and relationships, and built the summary with pivot tables and "
    "slicers for region and product category. I also added a check sheet that flags if the "
    "totals don't match the ERP's control total.\n\n"
    "The report now takes about 15 minutes instead of four hours, which saved me roughly "
    "3.5 hours a week, and because of the control check we caught two data export errors in "
    "the first quarter that would have gone out unnoticed. Two other analysts started using "
    "the same template for their regions."
)


def test_a_step_the_story_takes_up_again_is_scored_and_its_outcome_is_seen():
    asked = QuestionContext(
        text="Tell me about a time you used Excel to automate a report.",
        category="finance",
        type="behavioral",
        language="en",
    )
    context = AnalysisContext(job_category="finance", language="en")
    result = SERVICE.analyze_answer(asked, AUTOMATED_REPORT, context).to_result_fields()
    assert "padding" not in {f["code"] for f in result["flags"]}
    improvements = "\n".join(result["improvements"])
    assert "not scored" not in improvements
    assert "Missing: the outcome" not in improvements


def test_what_it_takes_now_and_what_it_saved_are_outcomes():
    en = markers_for("en")
    assert en.result.search("the report now takes about 15 minutes instead of four hours.")
    assert en.result.search("which saved me roughly 3.5 hours a week.")


def test_the_word_result_is_an_outcome_only_when_it_says_what_came_of_it():
    en = markers_for("en")
    assert en.result.search("the result was a 12% drop in returns.")
    assert en.result.search("in the end, the client renewed for two years.")
    assert not en.result.search("it's not the probability that the result is a fluke.")
    assert not en.result.search("i split the results by channel and creative.")
    assert not en.result.search("in the end if they still want to go, we part on good terms.")
