"""Korean surface readings a user sees: a time of one's studies sets the scene ("졸업 프로젝트
때 일인데요", "대학 시절"); "그," said while choosing words is a filler; a login is no log; one
filler is counted once."""

from __future__ import annotations

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.keywords import TermIndex
from analysis.ai.offline.markers import markers_for
from analysis.ai.types import AnalysisContext, QuestionContext

SERVICE = OfflineAIService()


@pytest.mark.parametrize(
    "sentence",
    [
        "졸업 프로젝트 때 일인데요, 저희가 4명이서 웹 서비스를 만들었습니다.",
        "대학 시절 학과 인스타그램 계정을 운영했습니다.",
        "3학년 때 회계 동아리에서 재무제표를 분석했습니다.",
    ],
)
def test_a_time_of_ones_studies_sets_the_scene(sentence):
    assert markers_for("ko").situation.search(sentence)


def test_a_login_is_no_log():
    index = TermIndex("각자 하루 동안 로그인 기능만 만들어 보았습니다. 서버 로그를 확인했습니다.")
    assert [m.surface for m in index.match_all(["로그"])] == ["로그를"]
    assert TermIndex("간단하게 로그인 기능만 만들었습니다.").match_all(["로그"]) == []


CONFLICT = (
    "그, 졸업 프로젝트 때 일인데요, 저희 네 명이 웹 서비스를 만들면서 백엔드 프레임워크를 두고 "
    "의견이 갈렸습니다. 저는 하루 동안 각자 로그인 기능만 만들어 비교해 보자고 제안했습니다. "
    "비교해 보니 팀원 대부분이 자바에 익숙해서 Spring Boot로 정했고, 프로젝트는 학과 "
    "발표회에서 우수상을 받았습니다."
)


def test_a_hesitation_is_a_filler_named_once_and_kept_out_of_the_ideal_answer():
    asked = QuestionContext(
        text="팀 프로젝트에서 의견 충돌을 해결한 경험을 말씀해 주세요.",
        category="custom",
        type="behavioral",
        language="ko",
    )
    context = AnalysisContext(job_category="custom", language="ko")
    result = SERVICE.analyze_answer(asked, CONFLICT, context)
    grammar = result.detailed_feedback.grammar
    assert "'그' 같은 군말이 1번 나옵니다" in grammar
    assert not result.ideal_answer.startswith("그,")
    assert "[상황" not in result.ideal_answer
