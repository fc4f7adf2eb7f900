"""A typed question about something that happened (an outage, an incident, a failure, a clash
with someone) answered the way such stories are told: by what broke and how it came back, what
did not work, what passed between two people, seldom by the question's own word. Such answers
are on topic; a strong answer from the same job to another question is not. Text of our own,
not the eval sets'."""

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.bankmatch import terms
from analysis.ai.offline.wordmatch import StemIndex, same_word, sentence_stems
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

FAILURE_EN = "Tell me about a project of yours that failed."
FAILURE_EN_HONEST = (
    "In 2022, at a travel start-up, I led a group-booking feature that let friends split a holiday "
    "deposit. Our survey said 60% of users wanted it, so we spent four months building it with "
    "five engineers. It flopped: in the first eight weeks 140 groups tried it and only 11 "
    "completed a booking, because people balked at paying before everyone had confirmed. We "
    "shut it down in the spring. I had trusted what people said over what they did and never "
    "tested payment with real money before the build. Now I run a fake-door test with a real "
    "checkout step before anything longer than a sprint. The next feature I led went through "
    "that test first, and it was used by 30% of weekly users within a month."
)
FAILURE_EN_OTHER = (
    "When I plan a quarter, I gather every request from sales, support tickets, our analytics "
    "and the founders in one sheet. I score each on reach, impact, confidence and effort, and "
    "I publish the sheet so people can see why their request sits where it does. Last year "
    "this moved an invoicing clean-up ahead of two flashy features, and billing tickets fell "
    "by 35% the next quarter. I keep a fifth of the team's time for bugs and small fixes, and "
    "I revisit the ranking with the engineering leads every month as estimates change."
)
FAILURE_KO = "실패했던 일과 그 일에서 무엇을 배웠는지 말씀해 주세요."
FAILURE_KO_HONEST = (
    "2022년 여행 스타트업에서 단체 예약금을 나눠 내는 기능을 맡아 넉 달 동안 개발자 다섯 명과 "
    "만들었습니다. "
    "설문에서는 60%가 쓰겠다고 했지만, 출시 후 8주 동안 140개 모임이 시도해서 예약까지 간 곳은 "
    "11곳에 그쳤습니다. 모두가 확정하기 전에 돈을 먼저 내는 것을 다들 꺼렸기 때문입니다. 결국 "
    "그 기능은 봄에 접었습니다. 저는 사람들이 한 말만 믿고 실제 결제 행동을 미리 확인하지 "
    "않았습니다. 그 뒤로는 개발 전에 실제 결제 단계가 있는 가짜 버튼으로 먼저 반응을 보고, "
    "그렇게 검증한 다음 기능은 한 달 만에 주간 사용자의 30%가 썼습니다."
)
FAILURE_KO_OTHER = (
    "분기 계획을 세울 때 영업, 고객센터, 데이터 분석에서 나온 요청을 한 시트에 모읍니다. 각 "
    "요청에 도달 범위, 효과, 확신도, 공수를 매기고 시트를 공개해서 왜 그 순서인지 누구나 볼 수 "
    "있게 합니다. 작년에는 이 방식으로 청구서 정리를 화려한 신규 기능보다 먼저 했고, 다음 분기 "
    "청구 관련 문의가 35% 줄었습니다. 팀 시간의 5분의 1은 버그 수정에 따로 둡니다."
)
CONFLICT_EN = "Tell me about a conflict at work and how you handled it."
CONFLICT_EN_HONEST = (
    "On a hospital scheduling app, the lead developer rejected my new shift-swap screens three "
    "times, saying they would double the number of API calls. The argument got heated in our "
    "review thread, and we were both digging in. I asked him for an hour at a whiteboard, "
    "where he drew the calls each screen made and I showed him the two steps nurses could "
    "not lose. We found a compromise: one combined call, and the confirmation step stayed. "
    "Swaps made without a supervisor's help rose from 40% to 70% after release, and we have "
    "sketched every big screen together since."
)
CONFLICT_EN_OTHER = (
    "For a hospital scheduling app I ran usability sessions with six nurses on their breaks. "
    "I gave each of them four tasks, such as swapping a night shift, and asked them to think "
    "aloud while I recorded the screen. Five of the six missed the swap button because it sat "
    "under a menu. I sorted the findings by how often and how badly they blocked a task and "
    "shared a short video of the worst moments with the team. We moved the button onto the "
    "shift card, and completed swaps rose by a third in the next release."
)
CONFLICT_KO = "동료와 갈등이 있었던 경험과 어떻게 해결했는지 말씀해 주세요."
CONFLICT_KO_HONEST = (
    "병원 근무표 앱을 만들 때 개발 리드분이 제가 만든 근무 교환 화면을 세 번이나 반려하셨습니다. "
    "API 호출이 두 배로 늘어난다는 이유였는데, 리뷰 댓글에서 논쟁이 길어지면서 서로 물러서지 "
    "않았습니다. 저는 화이트보드 앞에서 한 시간만 같이 보자고 했고, 그분은 화면별 호출을, 저는 "
    "간호사들이 빠뜨리면 안 되는 두 단계를 그렸습니다. 호출은 하나로 합치고 확인 단계는 남기는 "
    "절충안을 찾았고, 출시 후 도움 없이 교환을 마친 비율이 40%에서 70%로 올랐습니다."
)
CONFLICT_KO_OTHER = (
    "병원 근무표 앱의 사용성 테스트를 간호사 여섯 분과 쉬는 시간에 진행했습니다. 야간 근무 "
    "바꾸기 같은 과제 네 개를 드리고 생각을 말로 하시게 하면서 화면을 녹화했습니다. 여섯 분 "
    "중 다섯 분이 메뉴 안에 숨은 교환 버튼을 찾지 못하셨습니다. 문제를 빈도와 심각도로 정리해 "
    "짧은 영상과 함께 팀에 공유했고, 버튼을 근무 카드 위로 옮긴 뒤 교환 완료가 3분의 1 늘었습니다."
)

CONVINCE_EN = "Tell me about a time you convinced someone to rethink a decision."
CONVINCE_EN_HONEST = (
    "In 2023 I was a shift lead at a bakery supplier, and I wanted to stop baking the full "
    "Saturday order on Friday night. The head baker was wary: he thought splitting the bake would "
    "leave us short if an oven failed. Rather than argue, I pulled three months of waste logs "
    "and showed him that 18% of the Saturday bread went to the food bank unsold. I offered a "
    "four-week trial on one line, with a spare oven booked as cover. His objection faded once "
    "he saw the first fortnight's figures. Waste on that line fell to 6%, saving about £900 a "
    "month, and he took it up on both lines."
)
CONVINCE_EN_OTHER = (
    "In 2023 I was a shift lead at a bakery supplier when our oven temperatures kept drifting "
    "overnight. I set up a log every two hours, compared it with the maintenance records and "
    "found that the worst drift followed each deep clean, when the probes were put back loose. "
    "I wrote a one-page refitting checklist with photos, trained the cleaning crew on it, and "
    "added a probe check to the first bake of each shift. Rejected batches fell from eleven a "
    "month to two, and the auditor closed our open finding at the next visit."
)
CONVINCE_KO = "누군가를 설득해서 생각을 바꾸게 했던 경험을 말씀해 주세요."
CONVINCE_KO_HONEST = (
    "2023년 제빵 납품 공장에서 교대 조장으로 일할 때 토요일 주문을 금요일 밤에 전부 굽던 방식을 "
    "나누자고 제안했습니다. 공장장님은 오븐이 고장 나면 물량이 모자랄 거라며 우려하셨습니다. 저는 "
    "말로 다투는 대신 석 달 치 폐기 기록을 근거로 토요일 빵의 18%가 팔리지 않고 버려진다는 자료를 "
    "보여 드렸습니다. 예비 오븐을 잡아 두고 한 라인에서만 4주 시범 운영을 하자고 했고, 첫 2주 "
    "수치를 보신 뒤 수긍하셨습니다. 그 라인의 폐기율은 6%로 줄었고 두 라인 모두로 확대되었습니다."
)
CONVINCE_KO_OTHER = (
    "2023년 제빵 납품 공장에서 교대 조장으로 일할 때 밤사이 오븐 온도가 자꾸 흔들렸습니다. 두 "
    "시간마다 온도를 기록해 정비 기록과 비교해 보니 대청소 뒤에 센서를 느슨하게 다시 끼운 날 "
    "편차가 가장 컸습니다. 사진을 넣은 한 장짜리 재장착 점검표를 만들어 청소 조에 교육하고, "
    "교대마다 첫 굽기 전에 센서를 확인하게 했습니다. 불량 판정 배치는 한 달 11건에서 2건으로 "
    "줄었고 다음 심사에서 지적 사항이 종결되었습니다."
)

EVENTS = (
    *(
        f"{event}-{language}"
        for event in ("outage", "failure", "conflict")
        for language in ("en", "ko")
    ),
    "convince-en",
    "convince-ko",
)


@pytest.mark.parametrize(
    ("language", "question", "answer"),
    [
        ("en", OUTAGE_EN, OUTAGE_EN_HONEST),
        ("ko", OUTAGE_KO, OUTAGE_KO_HONEST),
        ("en", FAILURE_EN, FAILURE_EN_HONEST),
        ("ko", FAILURE_KO, FAILURE_KO_HONEST),
        ("en", CONFLICT_EN, CONFLICT_EN_HONEST),
        ("ko", CONFLICT_KO, CONFLICT_KO_HONEST),
        ("en", CONVINCE_EN, CONVINCE_EN_HONEST),
        ("ko", CONVINCE_KO, CONVINCE_KO_HONEST),
    ],
    ids=[*EVENTS],
)
def test_an_event_told_without_the_questions_word_is_on_topic(language, question, answer):
    output = _analyse(language, question, answer)
    assert "off_topic" not in _flags(output)
    assert output.total >= 55


@pytest.mark.parametrize(
    ("language", "question", "honest", "other"),
    [
        ("en", OUTAGE_EN, OUTAGE_EN_HONEST, OUTAGE_EN_OTHER),
        ("ko", OUTAGE_KO, OUTAGE_KO_HONEST, OUTAGE_KO_OTHER),
        ("en", FAILURE_EN, FAILURE_EN_HONEST, FAILURE_EN_OTHER),
        ("ko", FAILURE_KO, FAILURE_KO_HONEST, FAILURE_KO_OTHER),
        ("en", CONFLICT_EN, CONFLICT_EN_HONEST, CONFLICT_EN_OTHER),
        ("ko", CONFLICT_KO, CONFLICT_KO_HONEST, CONFLICT_KO_OTHER),
        ("en", CONVINCE_EN, CONVINCE_EN_HONEST, CONVINCE_EN_OTHER),
        ("ko", CONVINCE_KO, CONVINCE_KO_HONEST, CONVINCE_KO_OTHER),
    ],
    ids=[*EVENTS],
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


def test_single_letters_joined_by_a_slash_are_one_term():
    # "A/B" had been two dropped letters, so "an A/B test" shared only "test" with the bank's
    # A/B questions.
    assert "ab" in terms("How do you know whether an A/B test result can be trusted?")
    assert "ab" in sentence_stems("We ran an A/B test on the checkout.")
    assert "io" in terms("Most of the time goes to disk I/O.")
    assert terms("and/or 24/7") == terms("and or 24 7")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("모으", "모았", True),
        ("모으", "모아", True),
        ("바르", "바라", False),
        ("모으", "모여", False),
    ],
)
def test_the_eu_that_drops_before_a_is_one_verb(a, b, same):
    assert same_word(a, b) is same
    assert StemIndex({a}).hit(b) is same


def test_a_korean_answer_that_gathered_what_the_question_asks_to_gather_is_on_topic():
    question = "출시 첫 달에 사용자를 어떻게 모으시겠습니까?"
    honest = (
        "먼저 이미 그런 고민을 나누는 온라인 카페 세 곳에 광고 대신 쓸모 있는 체크리스트를 "
        "올리겠습니다. 친구를 초대하면 두 사람 모두 한 달 무료를 주는 제도를 만들겠습니다. "
        "소규모 유튜버 열 명에게 먼저 써 보고 솔직하게 평가해 달라고 부탁하겠습니다. 매주 "
        "경로별 가입 수를 보고 잘 되는 두 곳에 시간을 몰겠습니다. 작년에 비슷한 방식으로 5주 "
        "만에 1,200명을 모았습니다."
    )
    output = _analyse("ko", question, honest, kind="situational")
    assert "off_topic" not in _flags(output)


AUTOMATION_KO = "업무를 자동화해 본 경험이 있으신가요?"
AUTOMATION_KO_HONEST = (
    "매주 월요일 아침에 세 개 시스템에서 매출 데이터를 내려받아 엑셀로 합치는 수작업이 있었는데, "
    "사람이 하면 하루가 걸렸습니다. 파이썬 스크립트로 API에서 데이터를 받아 합치고 검증까지 "
    "하도록 만들었고, 매일 새벽에 돌도록 예약했습니다. 결국 하루 걸리던 일이 반나절이면 끝나게 "
    "되었고, 합치는 과정의 실수도 없어졌습니다."
)
AUTOMATION_EN = "Have you ever automated part of your job?"
AUTOMATION_EN_HONEST = (
    "Every Monday I pulled sales figures from three systems and pasted them into one "
    "spreadsheet by hand, which took most of the day. I wrote a Python script that fetches "
    "them from the APIs, checks the totals against last week's and builds the sheet, and a cron "
    "job runs it at 5 a.m. The report is ready before anyone arrives, and the copy-paste "
    "mistakes we used to find on Tuesdays are gone."
)


@pytest.mark.parametrize(
    ("language", "question", "answer"),
    [("ko", AUTOMATION_KO, AUTOMATION_KO_HONEST), ("en", AUTOMATION_EN, AUTOMATION_EN_HONEST)],
)
def test_an_automation_told_by_what_runs_it_now_is_on_topic(language, question, answer):
    assert "off_topic" not in _flags(_analyse(language, question, answer))


@pytest.mark.parametrize(
    ("language", "question", "answer"),
    [("ko", AUTOMATION_KO, OUTAGE_KO_HONEST), ("en", AUTOMATION_EN, OUTAGE_EN_HONEST)],
)
def test_an_outage_story_is_still_no_answer_to_the_automation_question(language, question, answer):
    assert "off_topic" in _flags(_analyse(language, question, answer))
