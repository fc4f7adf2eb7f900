"""Honest answers in paragraphs that were set aside or called another question's: a result
paragraph ("결과적으로 …", "Looking back, …") ends the story; one more step at the end of a
paragraph of steps ("또 … 이벤트도 진행했습니다") is a step; an answer about the speaker (why
this company, a weakness and its remedy) ranges over their work and has no subject words to
miss; "취약점" (a vulnerability) is no "약점" (a weakness)."""

from __future__ import annotations

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.selfportrait import asks_about_speaker
from analysis.ai.types import AnalysisContext, QuestionContext
from analysis.tests.bank_questions import bank_question

SERVICE = OfflineAIService()

WHY_COMPANY = (
    "I want to work here because I've been using your budgeting app myself for about two "
    "years, and I like how simple it is compared to other finance apps. I also follow your "
    "blog and I liked the campaign you did last spring about saving for a first home, "
    "because it talked to young people in a normal way and not like a bank.\n\n"
    "From a marketing point of view, I think you are at an interesting stage. You have a "
    "strong product and loyal users, but you are still not very well known outside the big "
    "cities. In my current job I run the social media and email for a regional gym chain, "
    "and I grew our Instagram from 3,000 to 11,000 followers in a year, mostly with "
    "user-generated content. I think I could bring that kind of community approach here.\n\n"
    "Also I'm looking for a company where I can grow and learn from a bigger marketing "
    "team, and your company seems to have a good culture from what I read on Glassdoor."
)
WEAKNESS = (
    "제 단점은 일을 혼자 끝까지 붙잡고 있으려는 점입니다. 인턴 때 주간 "
    "리포트 자동화를 맡았는데, 막히는 부분이 있어도 물어보지 않고 혼자 "
    "해결하려다가 예정보다 3일 늦게 끝낸 적이 있습니다.\n\n"
    "그 뒤로는 30분 이상 진전이 없으면 바로 동료나 선배에게 질문한다는 "
    "원칙을 세웠고, 매일 아침 5분 정도 진행 상황을 팀에 공유하고 "
    "있습니다. 그 결과 다음 프로젝트에서는 일정보다 이틀 먼저 마무리할 수 "
    "있었습니다."
)
PROMOTION = (
    "대학교 때 동아리 연합 축제 홍보를 맡았던 경험이 있습니다. 예산이 "
    "30만 원밖에 없어서 유료 광고는 거의 할 수 없었습니다. 그래서 학교 "
    "커뮤니티와 인스타그램을 중심으로 홍보하기로 했고, 참여 동아리 12곳에 "
    "각자 계정에서 축제 게시물을 공유해 달라고 부탁했습니다. 또 축제 당일 "
    "인증 사진을 올리면 음료 쿠폰을 주는 이벤트도 진행했습니다.\n\n"
    "결과적으로 전년도보다 방문객이 많이 늘었고, 인스타그램 팔로워도 꽤 "
    "증가했습니다. 이 경험으로 돈보다 채널과 협력자를 잘 활용하는 게 "
    "중요하다는 것을 배웠습니다."
)


def _typed(language: str, text: str) -> QuestionContext:
    return QuestionContext(text=text, category="custom", type="behavioral", language=language)


@pytest.mark.parametrize(
    ("asked", "answer"),
    [
        (_typed("en", "Why do you want to work for our company?"), WHY_COMPANY),
        (
            _typed("ko", "본인의 가장 큰 단점은 무엇이고, 그것을 어떻게 보완하고 계신가요?"),
            WEAKNESS,
        ),
        (bank_question("ko", "marketing", "ko-marketing-easy-02"), PROMOTION),
    ],
    ids=["why-company", "weakness", "promotion"],
)
def test_an_honest_answer_in_paragraphs_is_scored_whole(asked, answer):
    context = AnalysisContext(job_category=asked.category, language=asked.language)
    result = SERVICE.analyze_answer(asked, answer, context).to_result_fields()
    assert not {f["code"] for f in result["flags"]} & {"padding", "off_topic"}
    assert result["total_score"] >= 55


def test_a_vulnerability_is_no_weakness_of_the_speaker():
    assert asks_about_speaker("본인의 가장 큰 약점은 무엇인가요?")
    assert not asks_about_speaker("조회 API에서 취약점이 확인되었습니다. 어떻게 대응하시겠습니까?")
