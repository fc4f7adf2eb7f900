"""A typed question about something that happened (an outage, an incident, a failure, a clash
with someone) answered the way such stories are told: by what broke and how it came back, what
did not work, what passed between two people, seldom by the question's own word. Such answers
are on topic; a strong answer from the same job to another question is not. Text of our own,
not the eval sets'."""

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.types import AnalysisContext, QuestionContext

SERVICE = OfflineAIService()


def _analyse(language: str, question: str, answer: str, kind: str = "behavioral"):
    context = AnalysisContext(job_category="custom", language=language)
    asked = QuestionContext(text=question, category="custom", type=kind, language=language)
    return SERVICE.analyze_answer(asked, answer, context)


def _flags(output) -> set[str]:
    return {f["code"] for f in output.flags}


OUTAGE_EN = "Tell me about the worst outage you have dealt with."
OUTAGE_EN_HONEST = (
    "On Black Friday morning our search service started timing out and the shop returned 503s "
    "to about a third of visitors. I was the on-call engineer, so I got paged at 6:40. The "
    "graphs showed the cache cluster evicting everything after a memory limit had been lowered "
    "in the night's deploy. I rolled that deploy back, warmed the cache from the previous "
    "day's popular queries, and the errors were gone by 7:15. I kept the support team posted "
    "every quarter of an hour. In the postmortem we found the limit came from a copied staging "
    "file, so we added a check that production settings differ from staging only where we say "
    "so. We lost about 2% of the day's orders, not the 30% it could have been."
)
OUTAGE_EN_OTHER = (
    "When our build took 40 minutes, engineers were batching changes and reviews piled up. I "
    "profiled the pipeline and found that the test stage rebuilt every Docker layer from "
    "scratch and ran 3,000 tests on one machine. I added layer caching, split the tests across "
    "eight runners by their recorded timings, and moved the slow browser tests to a nightly "
    "job with a smoke subset on every push. The build dropped to nine minutes, the number of "
    "deploys a day doubled within a month, and the team stopped bundling unrelated changes. "
    "I learned that a slow pipeline quietly shapes how people work."
)
OUTAGE_KO = "가장 기억에 남는 서비스 장애 대응 경험을 말씀해 주세요."
OUTAGE_KO_HONEST = (
    "지난해 블랙프라이데이 아침에 검색 서버가 먹통이 되어 방문자의 3분의 1 정도가 빈 화면을 "
    "봤습니다. 당직이었던 저는 6시 40분에 알림을 받고 바로 접속했습니다. 그래프를 보니 전날 밤 "
    "배포에서 캐시 메모리 한도가 낮아져 캐시가 계속 비워지고 있었습니다. 그 배포를 되돌리고 "
    "전날 인기 검색어로 캐시를 미리 채웠더니 7시 15분에 에러가 사라졌습니다. 그동안 고객센터에 "
    "15분마다 상황을 알렸습니다. 회고에서 운영 설정이 스테이징 파일을 복사한 것이었음을 "
    "확인하고, 배포 전에 두 설정의 차이를 검사하는 단계를 추가했습니다."
)
OUTAGE_KO_OTHER = (
    "저희 팀은 빌드가 40분씩 걸려서 개발자들이 변경을 몰아서 올리고 리뷰가 쌓였습니다. 저는 "
    "파이프라인을 측정해 테스트 단계가 매번 도커 이미지를 처음부터 만들고 3,000개의 테스트를 "
    "한 대에서 돌린다는 것을 찾았습니다. 레이어 캐시를 켜고 테스트를 기록된 시간 기준으로 여덟 "
    "대에 나눴으며, 느린 브라우저 테스트는 야간 작업으로 옮겼습니다. 빌드는 9분으로 줄었고 "
    "한 달 만에 하루 배포 횟수가 두 배가 되었습니다."
)


@pytest.mark.parametrize(
    ("language", "question", "answer"),
    [
        ("en", OUTAGE_EN, OUTAGE_EN_HONEST),
        ("ko", OUTAGE_KO, OUTAGE_KO_HONEST),
    ],
    ids=["outage-en", "outage-ko"],
)
def test_an_outage_told_by_what_broke_and_how_it_came_back_is_on_topic(language, question, answer):
    output = _analyse(language, question, answer)
    assert "off_topic" not in _flags(output)
    assert output.total >= 55


@pytest.mark.parametrize(
    ("language", "question", "honest", "other"),
    [
        ("en", OUTAGE_EN, OUTAGE_EN_HONEST, OUTAGE_EN_OTHER),
        ("ko", OUTAGE_KO, OUTAGE_KO_HONEST, OUTAGE_KO_OTHER),
    ],
    ids=["outage-en", "outage-ko"],
)
def test_a_strong_answer_from_the_same_job_to_another_question_stays_off_topic(
    language, question, honest, other
):
    output = _analyse(language, question, other)
    assert "off_topic" in _flags(output)
    assert output.total <= _analyse(language, question, honest).total - 20


def test_a_design_answer_does_not_pass_an_incident_question_through_shared_story_words():
    # The words an incident is told by are the question's, not every bank document's: expanded
    # on both sides, a rate limiter's design came to sit beside an incident question.
    question = "Tell me about a production incident you were part of."
    design = (
        "I would put a token bucket per API key in Redis, refilled at the plan's rate, with the "
        "check and the decrement in one Lua script so two gateways cannot both spend the last "
        "token. Buckets expire after an hour idle to keep memory bounded. Requests over the "
        "limit get a 429 with a Retry-After header. For 50,000 requests a second I would shard "
        "the keys across a Redis cluster and keep a small local allowance in each gateway, "
        "synced every 100 ms, so a Redis hiccup degrades to slightly loose limits rather than "
        "blocking traffic. I would load-test it at twice the expected peak before launch."
    )
    output = _analyse("en", question, design)
    assert "off_topic" in _flags(output)
