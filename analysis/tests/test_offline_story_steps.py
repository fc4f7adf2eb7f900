"""A story whose opening names none of the question's words, with one more step ("I also…")
before what the steps came to: the steps are the story, not a digression."""

from analysis.ai.offline import OfflineAIService
from analysis.ai.types import AnalysisContext, QuestionContext

SERVICE = OfflineAIService()


def _result(question: str, answer: str) -> dict:
    context = AnalysisContext(job_category="custom", language="en")
    asked = QuestionContext(text=question, category="custom", type="behavioral", language="en")
    return SERVICE.analyze_answer(asked, answer, context).to_result_fields()


def _flags(question: str, answer: str) -> set[str]:
    return {f["code"] for f in _result(question, answer)["flags"]}


STRUGGLING_TEAM = "Describe a time you had to lead a team that was struggling."
NIGHT_SHIFT = (
    "When I took over the night shift at a parcel depot, twelve sorters were missing their "
    "cut-off three nights a week and two had handed in their notice. Absence was at 11%. I "
    "spent my first week working the belts with them and found the scanners failed every few "
    "hours, so parcels piled up while we waited for IT. I got approval to keep two spare "
    "scanners on site and showed two sorters how to swap them in. I also moved the team "
    "briefing from the end of the shift to the start. Two months later the shift made its "
    "cut-off every night, absence was down to 4%, and nobody else left. Leading them meant "
    "fixing what slowed them down before asking for more."
)


def test_one_more_step_before_what_the_steps_came_to_is_the_story():
    assert not _flags(STRUGGLING_TEAM, NIGHT_SHIFT) & {"padding", "off_topic"}


def test_a_hobby_told_as_one_more_thing_is_still_padding():
    first, rest = NIGHT_SHIFT.split(". ", 1)
    hobby = "I also ran a half-marathon that spring, which took months of training."
    answer = f"{first}. {hobby} {rest}"
    result = _result(STRUGGLING_TEAM, answer)
    assert "padding" in {f["code"] for f in result["flags"]}
    # ... and it is the hobby the feedback names as the part set aside.
    assert "half-marathon" in " ".join(result["improvements"])


def test_one_more_part_of_the_setting_told_early_is_the_story():
    first, rest = NIGHT_SHIFT.split(". ", 1)
    answer = f"{first}. I also had three new starters to train that month. {rest}"
    assert "padding" not in _flags(STRUGGLING_TEAM, answer.replace("I also moved", "I moved"))
