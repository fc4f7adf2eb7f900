"""A Korean and an English session with follow-ups, played through the API with hand-written
answers: each gap an answer leaves (a claim without evidence, a figure without its method, no
result, an untold trade-off, no lesson) gets its own follow-up, quoting what the user said."""

from __future__ import annotations

import pytest
from django.urls import reverse

from analysis.models import AnalysisResult

from .test_followups import ANSWERS

pytestmark = pytest.mark.django_db(transaction=True)

GAPS = ("evidence", "method", "result", "tradeoff", "lesson")
# Answers to the follow-ups themselves: what each probe asked for, told in full.
REPLIES = {
    "en": "I wrote the rollout plan myself and chose a canary release over a big-bang switch; the "
    "trade-off was a slower rollout. I measured error rates against the old version on the "
    "dashboard for two weeks, and they fell from 2% to 0.4%. I learned to agree on the metric "
    "before the change.",
    "ko": "롤아웃 계획은 제가 직접 작성했고, 한 번에 전환하는 대신 카나리 배포를 선택했습니다. "
    "대신 배포 속도가 느려지는 것을 감수했습니다. 2주 동안 대시보드에서 이전 버전과 오류율을 "
    "비교해 측정했고, 오류율이 2%에서 0.4%로 줄었습니다. 변경 전에 측정 지표부터 합의해야 "
    "한다는 것을 배웠습니다.",
}


def _post_answer(client, session_id, session_question_id, answer):
    response = client.post(
        reverse("analysis-answer"),
        {"sessionId": session_id, "sessionQuestionId": session_question_id, "answer": answer},
        format="json",
    )
    assert response.status_code == 202, response.json()
    result = AnalysisResult.objects.get(pk=response.json()["id"])
    assert result.status == "completed"


def _next(client, session_id):
    response = client.post(reverse("session-next", args=[session_id]))
    assert response.status_code in (200, 201), response.json()
    return response.json()


def _quoted(text: str) -> str:
    """The words a follow-up quotes, between its first pair of double quotes."""
    return text.split('"')[1].rstrip("…")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_played_session_gets_a_follow_up_for_each_gap_quoting_the_answer(
    auth_client, bank, relaxed_answer_limit, language
):
    response = auth_client.post(
        reverse("session-list"),
        {
            "category": "software_engineering",
            "language": language,
            "questionCount": 2 * len(GAPS),
            "followUps": "one",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    session = response.json()
    main = session["currentQuestion"]
    asked = []
    for number, gap in enumerate(GAPS):
        assert main["kind"] == "main"
        answer = ANSWERS[(language, gap)]
        _post_answer(auth_client, session["id"], main["id"], answer)

        follow_up = _next(auth_client, session["id"])
        assert follow_up["kind"] == "followUp", (gap, follow_up)
        assert follow_up["parentQuestionId"] == main["id"]
        assert follow_up["followUpTarget"] == gap
        text = follow_up["question"]["question"]
        quote = _quoted(text)
        assert len(quote) >= 8 and quote in " ".join(answer.split())
        if language == "ko":
            assert "하셨는데요" in text  # 존댓말, addressed to the candidate
        else:
            assert text.startswith(("You said", "You mentioned"))
        asked.append(text)

        _post_answer(auth_client, session["id"], follow_up["id"], REPLIES[language])
        if number < len(GAPS) - 1:
            main = _next(auth_client, session["id"])

    # Five gaps, five different follow-ups, each a thread under the answer it probed.
    assert len(set(asked)) == len(GAPS)
    detail = auth_client.get(reverse("session-detail", args=[session["id"]])).json()
    kinds = [q["kind"] for q in detail["questions"]]
    assert kinds == ["main", "followUp"] * len(GAPS)
    targets = [q["followUpTarget"] for q in detail["questions"] if q["kind"] == "followUp"]
    assert targets == list(GAPS)
