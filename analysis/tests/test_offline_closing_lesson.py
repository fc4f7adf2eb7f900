"""A lesson is praised as the answer's close only where the answer closes; told mid-way it is
praised as said. "그 다음에는" (and then) is the next step, not a lesson for next time."""

from __future__ import annotations

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.markers import markers_for
from analysis.ai.types import AnalysisContext, QuestionContext

SERVICE = OfflineAIService()

MIDWAY = (
    "Last spring our checkout page failed for 20 minutes after a release I had approved. I "
    "rolled it back and called the two biggest customers myself. I learned to read the release "
    "notes line by line before approving. Then I wrote the post-mortem and added a canary stage. "
    "We have had no failed release since, over 30 deploys. The customers renewed in June."
)


def test_a_lesson_told_mid_way_is_not_called_the_close():
    asked = QuestionContext(
        text="Tell me about a mistake you made at work.",
        category="custom",
        type="behavioral",
        language="en",
    )
    context = AnalysisContext(job_category="custom", language="en")
    strengths = "\n".join(SERVICE.analyze_answer(asked, MIDWAY, context).strengths)
    assert "You closed with what you took away" not in strengths
    assert "You said what you took away" in strengths


def test_the_next_step_is_no_lesson_for_next_time():
    ko = markers_for("ko")
    assert not ko.reflection.search(
        "그리고 그 다음에는 조사를 해야 하는데요, 양쪽 이야기를 들어야 합니다."
    )
    assert ko.reflection.search("다음에는 배포 전에 체크리스트를 먼저 확인하겠습니다.")
