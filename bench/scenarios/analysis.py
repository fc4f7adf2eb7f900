"""Answer analysis: `POST /api/analysis/answer` on the 202 path (free practice), the same request
with `?wait=10` timed until the completed analysis comes back (a real Celery worker), and the
offline provider's time per 5,000-character answer, in process.

Answers are realistic STAR answers in Korean and English, alternately, and every request's
answer is different (its figures change): an identical (question, answer, rubric) would reuse the
stored scores instead of running the analysis, which is not what is being measured. The answer
builders are shared with `sessions.py`.
"""

from __future__ import annotations

import itertools
import random
import threading
import time
from typing import Any

from bench.context import Context
from bench.driver import HttpClient, snippet
from bench.registry import FlowResult, Request, in_process, scenario, seeder
from bench.scenarios._helpers import ANALYSIS_TARGET_MS, has_keys

ANSWER_ENDPOINT = "/api/analysis/answer"
DETAIL_ENDPOINT = "/api/analysis/{id}"
LANGUAGES = ("ko", "en")
PRACTICE_MIN, PRACTICE_MAX = 600, 1500  # characters of a free-practice answer
LONG_SIZE = 5000  # the API's maximum answer length, and the provider's speed target's size
OFFLINE_TARGET_MS = 50
WAIT_SECONDS = 10  # the API's own maximum for ?wait=
POLL_LIMIT_S = 60.0  # a flow whose analysis is not back after this is an error

# Differs per run, so a run with --keep-db does not send the answers of the previous one.
_NONCE = random.SystemRandom().randrange(880_000)

# --- answers ---------------------------------------------------------------------------------
# Each story is a list of (sentence, required). Optional sentences come and go with the variant;
# the figures in {braces} change with every variant ({orders} differs for every n in a run).
_KO_STORIES: list[list[tuple[str, bool]]] = [
    [
        (
            "지난해 이커머스 회사에서 백엔드 개발자로 일할 때, 하루 약 {orders}건의 주문을 "
            "처리하던 주문 조회 API가 프로모션 기간마다 눈에 띄게 느려지는 문제가 있었습니다.",
            True,
        ),
        (
            "피크 시간에는 p95 응답 시간이 {before}ms까지 올라갔고, 주문 내역이 늦게 뜬다는 "
            "고객 문의가 평소의 세 배 가까이 늘었습니다.",
            False,
        ),
        (
            "저는 {team}명으로 구성된 주문 파트에서 원인 분석과 개선을 맡았고, {weeks}주 안에 "
            "p95를 300ms 이하로 낮추는 것을 목표로 잡았습니다.",
            True,
        ),
        (
            "먼저 추측으로 코드를 고치기보다 APM으로 구간별 소요 시간을 확인했고, 전체 응답 "
            "시간의 70% 이상이 데이터베이스 쿼리에서 나온다는 것을 확인했습니다.",
            True,
        ),
        (
            "슬로우 쿼리 로그와 실행 계획을 살펴보니 주문 한 건마다 상품 정보를 따로 조회하는 "
            "N+1 쿼리가 있었고, 회원 ID와 주문일을 함께 거는 조건에 맞는 인덱스도 없었습니다.",
            True,
        ),
        (
            "fetch join으로 쿼리를 묶고 회원 ID와 주문일 복합 인덱스를 추가했는데, 운영 중 "
            "테이블 잠금을 피하려고 인덱스는 CONCURRENTLY 옵션으로 새벽 시간대에 만들었습니다.",
            True,
        ),
        (
            "자주 바뀌지 않는 상품 메타데이터에는 Redis 캐시를 5분 TTL로 적용하고, 가격과 "
            "재고처럼 정합성이 중요한 값은 캐시 대상에서 제외했습니다.",
            False,
        ),
        (
            "변경 사항은 카나리 배포로 트래픽의 10%에 먼저 적용해 오류율과 지연 시간을 기존 "
            "버전과 비교한 뒤 하루에 걸쳐 전체로 확대했습니다.",
            False,
        ),
        (
            "그 결과 p95 응답 시간이 {before}ms에서 {after}ms로 줄었고, 데이터베이스 CPU "
            "사용률도 피크 기준으로 {pct}% 정도 낮아졌습니다.",
            True,
        ),
        (
            "다음 프로모션 때는 관련 고객 문의가 거의 들어오지 않았고, 서버를 증설하지 않고도 "
            "늘어난 트래픽을 감당할 수 있었습니다.",
            False,
        ),
        (
            "이 경험으로 성능 문제는 측정에서 출발해야 한다는 것을 배웠고, 지금은 새 API를 "
            "만들 때 부하 테스트와 응답 시간 알람을 처음부터 함께 설정하고 있습니다.",
            True,
        ),
        (
            "개선 과정은 팀 위키에 정리해 두어 다른 파트에서도 같은 순서로 슬로우 쿼리를 "
            "점검할 수 있게 했습니다.",
            False,
        ),
    ],
    [
        (
            "두 번째로 말씀드릴 경험은 정산 시스템을 새 데이터베이스로 옮기던 프로젝트에서 "
            "기획팀과 일정 문제로 의견이 크게 갈렸던 일입니다.",
            True,
        ),
        (
            "기획팀은 분기 마감 전에 전환을 끝내길 원했지만, 저는 매달 {orders}건이 넘는 "
            "정산 데이터를 검증 없이 옮기면 금액 불일치가 생길 위험이 크다고 판단했습니다.",
            True,
        ),
        (
            "감정적으로 맞서기보다 근거를 만들어야겠다고 생각해서, 지난 1년 동안 데이터 이관 "
            "때문에 생긴 장애 기록과 복구에 든 시간을 정리해 회의에 가져갔습니다.",
            True,
        ),
        (
            "정리해 보니 비슷한 이관 작업에서 생긴 장애가 네 건이었고, 복구와 고객 보상에 "
            "들어간 시간만 약 {weeks}주 분량이었습니다.",
            True,
        ),
        (
            "그래서 전체를 한 번에 옮기는 대신, 신규 정산만 새 데이터베이스에 쓰고 기존 "
            "데이터는 야간 배치로 나누어 옮기면서 두 시스템의 합계를 매일 대조하는 방안을 "
            "제안했습니다.",
            True,
        ),
        (
            "대조 작업은 제가 직접 SQL과 파이썬 스크립트로 자동화했고, 불일치가 생기면 슬랙으로 "
            "바로 알림이 오도록 만들었습니다.",
            True,
        ),
        (
            "기획팀 입장에서도 마감 일정에 맞춰 신규 정산을 새 시스템에서 보여줄 수 있었기 "
            "때문에, 이 방안에 비교적 쉽게 합의할 수 있었습니다.",
            True,
        ),
        (
            "실제로 이관 기간 동안 대조 스크립트가 환율 반올림 차이로 생긴 불일치 {team}건을 "
            "찾아냈고, 고객에게 나가기 전에 모두 바로잡았습니다.",
            True,
        ),
        (
            "전환은 예정보다 일주일 늦게 끝났지만 금액 오류로 인한 고객 문의는 한 건도 없었고, "
            "이후 다른 팀의 이관 작업에서도 같은 대조 방식을 쓰게 되었습니다.",
            True,
        ),
        (
            "이 일을 통해 의견이 다를 때는 제 주장을 반복하기보다 상대가 신경 쓰는 목표를 함께 "
            "지킬 수 있는 대안을 데이터와 함께 내놓는 것이 중요하다는 것을 배웠습니다.",
            True,
        ),
    ],
    [
        (
            "세 번째는 신입 개발자 두 명의 온보딩을 맡았을 때의 경험입니다.",
            True,
        ),
        (
            "당시 팀의 온보딩 문서는 2년 전에 작성된 뒤로 거의 갱신되지 않아서, 새로 온 분들이 "
            "로컬 개발 환경을 구성하는 데만 사흘 가까이 걸리고 있었습니다.",
            True,
        ),
        (
            "저는 온보딩 기간을 줄이는 것과 신입 분들이 첫 달 안에 실제 기능을 배포해 보는 "
            "것을 목표로 잡았습니다.",
            True,
        ),
        (
            "먼저 도커 컴포즈로 데이터베이스와 메시지 큐를 한 번에 띄우는 스크립트를 만들고, "
            "문서를 코드 저장소로 옮겨 변경될 때마다 리뷰를 거치도록 바꿨습니다.",
            True,
        ),
        (
            "그리고 첫 두 주 동안은 매일 30분씩 페어 프로그래밍을 하면서 작은 버그 수정부터 "
            "함께 처리했고, 리뷰에서는 고쳐야 할 점과 함께 잘한 점도 구체적으로 남겼습니다.",
            True,
        ),
        (
            "그 결과 개발 환경 구성 시간이 사흘에서 반나절로 줄었고, 두 분 모두 입사 3주 "
            "차에 알림 설정 화면 개선 기능을 직접 배포했습니다.",
            True,
        ),
        (
            "이후에 합류한 {team}명의 개발자도 같은 문서와 스크립트로 온보딩을 진행했고, "
            "온보딩 만족도 설문에서 평균 4.6점을 받았습니다.",
            True,
        ),
        (
            "이 경험 덕분에 저는 지식이 한 사람에게 묶여 있지 않도록 문서와 자동화로 남기는 "
            "일도 개발만큼 중요한 업무라고 생각하게 되었습니다.",
            True,
        ),
    ],
    [
        (
            "장애 대응 경험도 말씀드리고 싶습니다. 작년 연말 결제 대행사 한 곳의 응답이 "
            "갑자기 느려지면서 결제 요청이 타임아웃으로 실패하기 시작한 적이 있습니다.",
            True,
        ),
        (
            "당시 당직이었던 저는 알람을 받은 지 5분 만에 대시보드에서 특정 대행사로 가는 "
            "요청만 실패율이 {pct}%를 넘었다는 것을 확인했습니다.",
            True,
        ),
        (
            "원인을 끝까지 파악하기 전에 피해부터 줄이는 것이 먼저라고 판단해서, 미리 준비해 "
            "둔 기능 플래그로 해당 대행사의 트래픽을 다른 대행사로 돌렸습니다.",
            True,
        ),
        (
            "동시에 고객지원팀에는 영향받은 주문 범위와 예상 복구 시간을 공유했고, 실패한 "
            "결제 {team}백여 건은 중복 결제가 생기지 않도록 멱등 키를 확인하며 재시도했습니다.",
            True,
        ),
        (
            "트래픽을 돌린 뒤 10분 안에 결제 성공률이 평소 수준인 99.8%로 돌아왔고, 대행사에는 "
            "요청 로그와 시간대별 지연 그래프를 정리해 전달했습니다.",
            True,
        ),
        (
            "사후 회고에서는 누구의 잘못인지보다 무엇이 늦었는지를 중심으로 타임라인을 "
            "정리했고, 타임아웃 값이 대행사 권장치보다 세 배나 길게 잡혀 있었다는 점을 "
            "찾았습니다.",
            True,
        ),
        (
            "그래서 타임아웃을 줄이고 서킷 브레이커를 도입했으며, 대행사별 실패율이 기준을 넘으면 "
            "자동으로 트래픽을 나누도록 바꿨습니다.",
            True,
        ),
        (
            "이후 비슷한 지연이 두 번 더 있었지만 고객이 느낄 만한 결제 실패는 발생하지 "
            "않았습니다.",
            True,
        ),
        (
            "이 경험으로 장애 상황에서는 완벽한 원인 분석보다 영향 범위를 빠르게 줄이고, 관련된 "
            "사람들에게 정확한 정보를 자주 공유하는 것이 중요하다는 것을 배웠습니다.",
            True,
        ),
    ],
    [
        (
            "마지막으로 팀의 테스트 문화를 바꾼 경험이 있습니다.",
            True,
        ),
        (
            "제가 합류했을 때 주요 모듈의 테스트 커버리지는 30%대였고, 배포 후 긴급 수정이 한 "
            "달에 평균 {team}번 정도 있었습니다.",
            True,
        ),
        (
            "테스트를 더 쓰자고 말로만 하기보다, 지난 석 달 동안의 긴급 수정 내역을 분류해서 "
            "어떤 종류의 버그가 반복되는지 먼저 보여 드렸습니다.",
            True,
        ),
        (
            "절반 이상이 날짜와 시간대 처리, 그리고 할인 계산 경계값에서 나온 버그였기 때문에, "
            "그 두 영역부터 테스트를 보강하자고 제안했습니다.",
            True,
        ),
        (
            "제가 먼저 경계값 테스트 템플릿과 고정 시계를 쓰는 예제를 만들어 공유했고, 코드 "
            "리뷰 체크리스트에 해당 영역을 건드리면 테스트를 함께 올리는 규칙을 넣었습니다.",
            True,
        ),
        (
            "여섯 달 뒤 두 영역의 커버리지는 80%를 넘었고, 배포 후 긴급 수정은 한 달에 한 번 "
            "이하로 줄었습니다.",
            True,
        ),
        (
            "무엇보다 팀원들이 리뷰에서 먼저 테스트가 있는지 묻는 분위기가 생긴 것이 가장 큰 "
            "변화였다고 생각합니다.",
            True,
        ),
    ],
    [
        (
            "비용 문제를 다룬 경험도 있습니다. 서비스가 커지면서 로그 저장 비용이 1년 사이에 "
            "네 배로 늘어, 인프라 예산 검토 때 가장 큰 항목이 되었습니다.",
            True,
        ),
        (
            "저는 어떤 로그가 실제로 쓰이는지부터 확인하려고, 최근 석 달 동안의 로그 검색 "
            "기록과 대시보드 쿼리를 모아 서비스별, 로그 레벨별로 분류했습니다.",
            True,
        ),
        (
            "분석해 보니 전체 용량의 60% 이상이 아무도 조회하지 않는 디버그 로그와 헬스 체크 "
            "요청 기록이었습니다.",
            True,
        ),
        (
            "각 서비스 담당자와 상의해 디버그 로그는 샘플링으로 1%만 남기고, 헬스 체크 기록은 "
            "수집 단계에서 제외했으며, 30일이 지난 로그는 저렴한 저장소로 옮기도록 수명 주기 "
            "정책을 만들었습니다.",
            True,
        ),
        (
            "장애 분석에 필요한 로그가 사라지지 않도록 오류 로그와 결제 관련 로그는 예외로 "
            "두었고, 변경 전후로 실제 장애 사례 세 건을 다시 추적해 보며 빠진 정보가 없는지 "
            "검증했습니다.",
            True,
        ),
        (
            "그 결과 월 로그 비용이 약 {pct}% 줄었고, 검색 속도도 빨라져서 장애 분석 시간이 "
            "오히려 짧아졌습니다.",
            True,
        ),
    ],
    [
        (
            "이 경험들을 돌아보면, 저는 문제를 만나면 먼저 현상을 숫자로 확인하고, 원인을 "
            "좁힌 다음, 되돌릴 수 있는 작은 단계로 바꾸는 방식으로 일해 왔습니다.",
            True,
        ),
        (
            "또 혼자 해결하는 것보다 기획, 고객지원, 다른 개발 파트와 근거를 공유하면서 같은 "
            "목표를 보게 만드는 것이 결과를 더 오래 유지시킨다는 것도 배웠습니다.",
            True,
        ),
        (
            "부족했던 점도 있습니다. 정산 이관 때는 일정 지연 가능성을 더 일찍 공유했어야 "
            "했는데, 검증 결과를 다 모은 뒤에 알리느라 기획팀이 대응할 시간이 줄었습니다.",
            True,
        ),
        (
            "그 뒤로는 위험 요소가 보이면 확신이 없더라도 초기에 공유하고, 매주 진행 상황을 "
            "짧게 정리해서 이해관계자에게 보내고 있습니다.",
            True,
        ),
        (
            "입사하게 된다면 서비스의 핵심 지표와 장애 기록부터 살펴보고, 가장 사용자에게 "
            "영향이 큰 병목을 찾아 측정 가능한 목표를 세운 뒤 팀과 함께 개선해 나가겠습니다.",
            True,
        ),
        (
            "그 과정에서 제가 배운 측정, 점진적 배포, 문서화 습관이 팀에 도움이 될 수 있다고 "
            "생각합니다.",
            True,
        ),
        (
            "특히 첫 석 달 동안은 기존 코드와 운영 방식을 충분히 이해하는 데 집중하고, 바꾸고 "
            "싶은 점이 보이더라도 먼저 팀원들에게 배경을 묻고 기록을 확인하겠습니다.",
            True,
        ),
        (
            "그리고 제가 맡은 일은 작은 단위로 자주 배포하면서 결과를 숫자로 공유하고, 잘 되지 "
            "않은 시도도 회고로 남겨 팀 전체가 같은 실수를 반복하지 않도록 하겠습니다.",
            True,
        ),
        (
            "장기적으로는 신규 입사자가 일주일 안에 첫 배포를 할 수 있는 환경과, 장애가 나도 "
            "당황하지 않고 대응할 수 있는 절차를 팀과 함께 만들어 가고 싶습니다.",
            True,
        ),
        (
            "이런 방식으로 일하면서 사용자와 동료 모두에게 신뢰받는 개발자가 되는 것이 저의 "
            "목표입니다.",
            True,
        ),
    ],
]

_EN_STORIES: list[list[tuple[str, bool]]] = [
    [
        (
            "Last year I was a backend engineer at an e-commerce company, and our order history "
            "API, which served about {orders} orders a day, slowed down badly during every "
            "promotion.",
            True,
        ),
        (
            "At peak the p95 latency reached {before} ms, and support tickets about missing "
            "orders roughly tripled.",
            False,
        ),
        (
            "I owned the investigation for our {team}-person order team, and my goal was to bring "
            "p95 under 300 ms within {weeks} weeks without adding hardware.",
            True,
        ),
        (
            "Instead of guessing, I started with our APM traces and found that more than 70% of "
            "the request time was spent in database queries.",
            True,
        ),
        (
            "The slow query log and the query plans showed an N+1 pattern, one product lookup per "
            "order, and no index matching our filter on customer ID and order date.",
            True,
        ),
        (
            "I rewrote the lookup as a single join and added a composite index on customer ID and "
            "order date, built concurrently at night so the table was never locked.",
            True,
        ),
        (
            "I also cached product metadata in Redis with a five-minute TTL, but deliberately left "
            "prices and stock out of the cache because they have to be exact.",
            False,
        ),
        (
            "We shipped the change as a canary to 10% of traffic, compared error rates and "
            "latency with the old version, and rolled it out fully over one day.",
            False,
        ),
        (
            "As a result p95 dropped from {before} ms to {after} ms, and database CPU at peak "
            "went down by about {pct}%.",
            True,
        ),
        (
            "During the next promotion we received almost no tickets about order history, and we "
            "handled the extra traffic without new servers.",
            False,
        ),
        (
            "What I learned is that performance work has to start from measurement, so now every "
            "new endpoint I build ships with a load test and a latency alert.",
            True,
        ),
    ],
    [
        (
            "A second example is a settlement migration where I disagreed with our product "
            "manager about the schedule.",
            True,
        ),
        (
            "Product wanted the switch finished before the quarter closed, but we moved more than "
            "{orders} settlement records a month, and I believed a big-bang move without "
            "verification would cause payout mismatches.",
            True,
        ),
        (
            "Rather than arguing, I collected a year of incident reports from similar migrations "
            "and found four outages that had cost us about {weeks} weeks of recovery work.",
            True,
        ),
        (
            "I proposed writing new settlements to the new database while back-filling history in "
            "nightly batches, and reconciling the totals of both systems every morning.",
            True,
        ),
        (
            "I automated the reconciliation with SQL and a small Python job that posted any "
            "mismatch to Slack, so nobody had to check it by hand.",
            True,
        ),
        (
            "Product could still show the new system before the deadline, so we agreed on the plan "
            "in one meeting.",
            True,
        ),
        (
            "During the migration the job caught {team} mismatches caused by currency rounding, "
            "and we fixed every one before it reached a customer.",
            True,
        ),
        (
            "The cut-over finished one week late, but there were zero payout complaints, and two "
            "other teams later reused the reconciliation approach.",
            True,
        ),
    ],
    [
        (
            "I can also share how I handle incidents. Late last year one of our payment providers "
            "slowed down suddenly, and checkout requests started failing with timeouts.",
            True,
        ),
        (
            "I was on call, and within five minutes of the alert the dashboard showed that only "
            "requests to that provider were failing, at more than {pct}%.",
            True,
        ),
        (
            "I decided that limiting the damage came before a full root cause, so I used a feature "
            "flag we had prepared to route that provider's traffic to a second provider.",
            True,
        ),
        (
            "At the same time I told customer support which orders were affected and when we "
            "expected recovery, and I retried the {team} hundred failed payments using idempotency "
            "keys so nobody was charged twice.",
            True,
        ),
        (
            "The success rate was back to its usual 99.8% within ten minutes of rerouting, and I "
            "sent the provider our request logs and a latency graph for the incident window.",
            True,
        ),
        (
            "In the blameless post-mortem we found that our timeout was three times longer than "
            "the provider recommended, so we shortened it and added a circuit breaker that shifts "
            "traffic automatically when a provider's error rate crosses a threshold.",
            True,
        ),
        (
            "Two similar slowdowns happened after that, and neither caused failures that customers "
            "noticed.",
            True,
        ),
    ],
    [
        (
            "Finally, I helped change our team's testing habits. When I joined, the core modules "
            "had around 30% test coverage and we shipped about {team} hotfixes a month.",
            True,
        ),
        (
            "Instead of simply asking for more tests, I classified three months of hotfixes and "
            "showed that more than half came from time-zone handling and discount edge cases.",
            True,
        ),
        (
            "I wrote boundary-test templates and a frozen-clock example for those two areas, and "
            "we added a review checklist item asking for tests whenever that code changed.",
            True,
        ),
        (
            "Six months later coverage in both areas was above 80%, and hotfixes dropped to one a "
            "month or fewer.",
            True,
        ),
    ],
    [
        (
            "Looking back, my pattern is to measure the problem first, narrow down the cause, and "
            "then change things in small steps that can be rolled back.",
            True,
        ),
        (
            "I have also learned that sharing evidence with product, support and other teams makes "
            "a fix last longer than solving it alone.",
            True,
        ),
        (
            "One thing I would do differently is raise schedule risks earlier: in the migration I "
            "waited until I had all the data, which left product less time to adjust.",
            True,
        ),
        (
            "Since then I flag risks as soon as I see them and send a short weekly status note to "
            "the people who depend on the work.",
            True,
        ),
        (
            "If I join your team, I would start with the service's key metrics and incident "
            "history, pick the bottleneck that hurts users most, and set a measurable goal with "
            "the team before changing anything.",
            True,
        ),
    ],
]

_STORIES = {"ko": _KO_STORIES, "en": _EN_STORIES}


def _figures(n: int) -> dict[str, str]:
    before = 900 + (n * 37) % 900
    return {
        # (NONCE + 7n) mod 880,000 is different for every n below 880,000 (7 is coprime to it).
        "orders": f"{12_000 + (_NONCE + 7 * n) % 880_000:,}",
        "before": f"{before:,}",
        "after": str(120 + (n * 13) % 150),
        "team": str(4 + n % 5),
        "weeks": str(3 + n % 4),
        "pct": str(20 + (n * 7) % 25),
    }


def practice_answer(language: str, n: int) -> str:
    """A realistic 600-1500 character answer (the first story), different for every `n`."""
    figures = _figures(n)
    sentences = _STORIES[language][0]
    rng = random.Random(n)
    chosen = [
        (text.format(**figures), required or rng.random() < 0.5) for text, required in sentences
    ]
    out: list[str] = []
    length = 0
    for text, keep in chosen:
        if keep and length + len(text) + 1 <= PRACTICE_MAX:
            out.append(text)
            length += len(text) + 1
    # Too short without the optional sentences: add them back in order until long enough.
    for text, _ in chosen:
        if length >= PRACTICE_MIN:
            break
        if text not in out and length + len(text) + 1 <= PRACTICE_MAX:
            out.append(text)
            length += len(text) + 1
    order = {text: i for i, (text, _) in enumerate(chosen)}
    out.sort(key=order.__getitem__)
    # Two paragraphs: the situation and task, then what was done and what came of it.
    split = max(2, len(out) // 3)
    return " ".join(out[:split]) + "\n\n" + " ".join(out[split:])


def long_answer(language: str, n: int, size: int = LONG_SIZE) -> str:
    """Every story as its own paragraph, up to the last sentence that fits in `size`."""
    figures = _figures(n)
    paragraphs: list[list[str]] = []

    def text() -> str:
        return "\n\n".join(" ".join(p) for p in paragraphs)

    for story in _STORIES[language]:
        paragraphs.append([])
        for template, _ in story:
            paragraphs[-1].append(template.format(**figures))
            if len(text()) > size:
                paragraphs[-1].pop()
                return text().strip()
    return text()


# --- seeding -----------------------------------------------------------------------------------


@seeder("analysis-questions", order=30)
def seed_analysis_questions(fixtures: dict[str, Any], *, quick: bool) -> dict[str, Any]:
    """The bank's software-engineering questions per language (the answers are about that work),
    and where the worker's queue lives (so the wait flow can start on an empty queue)."""
    import os

    from questions.models import Question

    by_language = {}
    for language in LANGUAGES:
        ids = (
            Question.objects.filter(
                is_active=True, category="software_engineering", language=language
            )
            .order_by("key", "id")
            .values_list("id", flat=True)
        )
        by_language[language] = [str(pk) for pk in ids]
    print(f"analysis: {', '.join(f'{k} {len(v)}' for k, v in by_language.items())} questions")
    return {"analysisQuestions": by_language, "benchRedisUrl": os.environ.get("REDIS_URL", "")}


# --- the requests ------------------------------------------------------------------------------

_counter = itertools.count()
_counter_lock = threading.Lock()


def next_variant() -> int:
    """A number unique to this request in the whole run (the driver's index restarts per level)."""
    with _counter_lock:
        return next(_counter)


def _needs_questions(ctx: Context) -> str | None:
    questions = ctx.fixtures.get("analysisQuestions") or {}
    if not all(questions.get(language) for language in LANGUAGES):
        return "no software-engineering questions in the bank (run seed_questions)"
    if not ctx.users:
        return "no seeded users"
    return None


def _free_practice(
    ctx: Context, n: int, *, long: bool = False
) -> tuple[dict[str, str], dict[str, str]]:
    """The n-th free-practice answer: its body and the headers of the user who sends it."""
    language = LANGUAGES[n % 2]
    questions = ctx.fixtures["analysisQuestions"][language]
    body = {
        "questionId": questions[(n // 2) % len(questions)],
        "answer": long_answer(language, n) if long else practice_answer(language, n),
        "language": language,
    }
    return body, {"Authorization": f"Bearer {ctx.token(n)}"}


def _submit(ctx: Context, index: int) -> Request:
    body, headers = _free_practice(ctx, next_variant())
    return Request("POST", ctx.api_path(ANSWER_ENDPOINT), body, headers)


def is_pending(status: int, body: Any) -> str | None:
    problem = has_keys("id", "status")(status, body)
    if problem is None and body["status"] != "pending":
        return f"status {body['status']!r}, expected 'pending' (stored scores reused?)"
    return problem


def _queued_analyses(redis_url: str) -> int:
    import redis

    client = redis.Redis.from_url(redis_url, socket_connect_timeout=3)
    try:
        # Provider analyses wait in `analysis`, offline ones in `scoring` (settings/jobs.py).
        return sum(client.llen(key) for key in ("analysis", "scoring"))
    finally:
        client.close()


def drain_analysis_queue(ctx: Context, name: str, *, limit_s: float = 180.0) -> None:
    """Wait (untimed) until the worker has taken every queued analysis, so a scenario does not
    share the cores with a backlog an earlier scenario left (`analysis.submit` queues hundreds).
    Returns at once without a worker: the queue then does not move for a few seconds."""
    redis_url = ctx.fixtures.get("benchRedisUrl")
    if not redis_url:
        return
    deadline = time.monotonic() + limit_s
    left = _queued_analyses(redis_url)
    stalled_since = time.monotonic()
    while left and time.monotonic() < deadline and time.monotonic() - stalled_since < 3:
        time.sleep(0.25)
        now = _queued_analyses(redis_url)
        if now < left:
            stalled_since = time.monotonic()
        left = now
    if left:
        ctx.notes.append(f"{name}: {left} analyses still queued at its start")
    else:
        time.sleep(0.5)  # the last one taken is still being analysed


def _ready_to_wait(ctx: Context) -> str | None:
    """Before the wait flow: tokens fetched (a login must not be timed) and the worker's queue
    drained, so the flow measures its own analysis and not a backlog left by earlier scenarios."""
    reason = _needs_questions(ctx)
    if reason:
        return reason
    for n in range(len(ctx.users)):
        ctx.token(n)
    drain_analysis_queue(ctx, "analysis.submit-wait")
    return None


def _submit_and_wait(
    ctx: Context, client: HttpClient, index: int, *, long: bool = False
) -> FlowResult:
    body, headers = _free_practice(ctx, next_variant(), long=long)
    response = client.request(
        "POST", ctx.api_path(f"{ANSWER_ENDPOINT}?wait={WAIT_SECONDS}"), body, headers
    )
    if response.status not in (200, 202):
        return FlowResult(response.status, snippet(response.status, response.body))
    result = response.json() or {}
    deadline = time.monotonic() + POLL_LIMIT_S
    # 202: not done within the wait; poll the analysis until it is.
    while response.status == 202 or result.get("status") in ("pending", "processing"):
        if time.monotonic() > deadline:
            return FlowResult(
                None, f"analysis not completed within {WAIT_SECONDS + POLL_LIMIT_S:.0f} s"
            )
        time.sleep(0.1)
        response = client.request(
            "GET", ctx.api_path(f"/api/analysis/{result['id']}"), headers=headers
        )
        if response.status != 200:
            return FlowResult(response.status, snippet(response.status, response.body))
        result = response.json() or {}
    if result.get("status") != "completed" or result.get("totalScore") is None:
        return FlowResult(response.status, snippet(response.status, response.body))
    return FlowResult(200)


scenario(
    name="analysis.submit-wait",
    group="analysis",
    method="POST",
    endpoint=ANSWER_ENDPOINT,
    flow=_submit_and_wait,
    needs_worker=True,
    requires=_ready_to_wait,
    concurrency=(8,),
    # Whole rounds: 13 per client. Answers per minute is the count over the level's wall time,
    # which ends with the slowest client's last answer; with 100 (12.5 rounds) half the clients
    # sat idle through the last round and the rate read ~4% low. No request is dropped.
    requests=104,
    target_ms=ANALYSIS_TARGET_MS,
    description="free practice, ?wait=10 (polled if 202) until completed: the worker's "
    "threads and the fake provider (--provider-latency, 2 s)",
)

scenario(
    name="analysis.submit-wait-long",
    group="analysis",
    method="POST",
    endpoint=ANSWER_ENDPOINT,
    flow=lambda ctx, client, index: _submit_and_wait(ctx, client, index, long=True),
    needs_worker=True,
    requires=_ready_to_wait,
    concurrency=(1, 8),
    requests=60,
    target_ms=ANALYSIS_TARGET_MS,
    description="as submit-wait with a 5,000-character answer (the API's maximum), end to end",
)

scenario(
    name="analysis.submit",
    group="analysis",
    method="POST",
    endpoint=ANSWER_ENDPOINT,
    build=_submit,
    expect=(202,),
    check=is_pending,
    requires=_needs_questions,
    concurrency=(8,),
    target_ms=ANALYSIS_TARGET_MS,
    description="free practice, 600-1500 char answer (ko/en), stored + queued: 202",
)


# --- the offline provider, in process ----------------------------------------------------------


def _offline(language: str):
    def setup(fixtures: dict[str, Any]):
        from analysis.ai.registry import get_offline_service
        from analysis.ai.types import AnalysisContext, QuestionContext
        from questions.models import Question

        bank = Question.objects.filter(
            is_active=True, category="software_engineering", language=language
        ).order_by("key")
        question = bank.filter(difficulty="medium").first() or bank.first()
        if question is None:
            return "no software-engineering question in the bank (run seed_questions)"
        criteria = question.evaluation_criteria or {}
        question_context = QuestionContext(
            text=question.question,
            category=question.category,
            type=question.type,
            difficulty=question.difficulty,
            language=language,
            expected_keywords=tuple(question.expected_keywords or ()),
            sample_answer=question.sample_answer,
            evaluation_criteria={
                "understanding": criteria.get("understanding", ""),
                "logic": criteria.get("logic", ""),
                "specificity": criteria.get("specificity", ""),
                "jobFit": criteria.get("job_fit", ""),
            },
        )
        context = AnalysisContext(
            job_category=question.category, user_level="mid", language=language
        )
        service = get_offline_service()
        # Answers differ by their figures (as real ones differ), built before any timing.
        answers = [long_answer(language, n) for n in range(64)]
        started = time.perf_counter()
        output = service.analyze_answer(question_context, answers[0], context)
        cold = (time.perf_counter() - started) * 1000
        print(
            f"analysis.offline-{language}: {len(answers[0])}-character answer, first (cold) call "
            f"{cold:.1f} ms, total {output.total}/100"
        )
        return lambda i: service.analyze_answer(
            question_context, answers[i % len(answers)], context
        )

    return setup


for _language in LANGUAGES:
    in_process(
        name=f"analysis.offline-{_language}",
        group="analysis",
        target_ms=OFFLINE_TARGET_MS,
        requests=200,
        description=f"offline provider, one 5,000-character {_language} answer",
    )(_offline(_language))
