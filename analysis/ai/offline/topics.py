"""Topics for generated questions, per job category: what the question is about, in both
languages, with the keywords a good answer touches and the kind of topic it is, which decides
the phrasing (see templates.py):

- problem: something to diagnose and handle ("a production incident")
- task: something to carry out ("a database schema migration")
- people: a situation between people to navigate ("a customer objecting to price")

Each topic is three lines: `<tag> <kind>`, then `en <phrase> = <keywords>` and
`ko <phrase> = <keywords>`."""

from __future__ import annotations

from typing import NamedTuple


class Topic(NamedTuple):
    tag: str
    kind: str
    en: str
    ko: str
    en_keywords: tuple[str, ...]
    ko_keywords: tuple[str, ...]


def _parse(table: str) -> tuple[Topic, ...]:
    lines = [line.strip() for line in table.strip().splitlines() if line.strip()]
    topics = []
    for head, en, ko in zip(lines[0::3], lines[1::3], lines[2::3], strict=True):
        tag, kind = head.split()
        en_phrase, en_keywords = en.removeprefix("en ").split(" = ")
        ko_phrase, ko_keywords = ko.removeprefix("ko ").split(" = ")
        topics.append(
            Topic(
                tag,
                kind,
                en_phrase,
                ko_phrase,
                tuple(k.strip() for k in en_keywords.split(",")),
                tuple(k.strip() for k in ko_keywords.split(",")),
            )
        )
    return tuple(topics)


_TABLES = {
    "software_engineering": """
incident-response problem
en a production incident = incident, rollback, root cause, postmortem, monitoring
ko 운영 장애 = 장애 대응, 롤백, 원인 분석, 재발 방지, 모니터링
performance problem
en a slow API endpoint = latency, profiling, index, cache, load test
ko 느린 API 응답 = 응답 시간, 프로파일링, 인덱스, 캐시, 부하 테스트
code-review people
en a disagreement in code review = code review, trade-off, consensus, test
ko 코드 리뷰에서의 의견 충돌 = 코드 리뷰, 트레이드오프, 합의, 테스트
technical-debt problem
en technical debt in a legacy system = refactor, test coverage, incremental, risk
ko 레거시 시스템의 기술 부채 = 리팩터링, 테스트 커버리지, 점진적 개선, 리스크
databases task
en a database schema migration = migration, backward compatible, backfill, rollback
ko 데이터베이스 스키마 변경 = 마이그레이션, 호환성, 백필, 롤백
testing problem
en flaky automated tests = test, ci, root cause, isolation
ko 불안정한 자동화 테스트 = 테스트, CI, 원인 분석, 격리
""",
    "data_science": """
modeling problem
en a model whose accuracy dropped in production = drift, monitoring, retraining, baseline
ko 운영 중 성능이 떨어진 모델 = 드리프트, 모니터링, 재학습, 베이스라인
experimentation problem
en an A/B test with surprising results = hypothesis, sample size, significance, segment
ko 예상과 다른 A/B 테스트 결과 = 가설, 표본 크기, 유의성, 세그먼트
data-quality problem
en messy or missing data = data quality, missing values, outlier, validation
ko 결측치가 많은 데이터 = 데이터 품질, 결측치, 이상치, 검증
communication people
en explaining a model to non-technical people = stakeholder, insight, visualization, trade-off
ko 비전문가 이해관계자에게 모델 설명하기 = 이해관계자, 인사이트, 시각화, 트레이드오프
forecasting task
en a demand forecast = time series, seasonality, baseline, error
ko 수요 예측 모델 = 시계열, 계절성, 베이스라인, 오차
metrics task
en choosing a success metric = metric, kpi, proxy, bias
ko 성공 지표 선정 = 지표, KPI, 대리 지표, 편향
""",
    "product_management": """
prioritization problem
en competing feature requests = prioritization, impact, effort, roadmap
ko 상충하는 기능 요청 = 우선순위, 임팩트, 공수, 로드맵
discovery problem
en a feature nobody used after launch = user research, metric, hypothesis, iteration
ko 출시 후 아무도 쓰지 않은 기능 = 사용자 조사, 지표, 가설, 개선
stakeholders people
en a stakeholder who disagrees with the roadmap = stakeholder, data, trade-off, alignment
ko 로드맵에 반대하는 이해관계자 = 이해관계자, 데이터, 트레이드오프, 합의
metrics task
en defining success metrics for a new product = north star, activation, retention, kpi
ko 신규 제품의 성공 지표 정의 = 북극성 지표, 활성화, 리텐션, KPI
launch problem
en a launch that slipped = scope, risk, communication, mvp
ko 지연된 출시 = 범위, 리스크, 커뮤니케이션, MVP
pricing task
en a pricing change = pricing, experiment, churn, revenue
ko 가격 정책 변경 = 가격, 실험, 이탈, 매출
""",
    "design": """
research problem
en usability test results that surprised the team = usability test, insight, iteration, prototype
ko 팀의 예상과 다른 사용성 테스트 결과 = 사용성 테스트, 인사이트, 개선, 프로토타입
accessibility task
en making a checkout flow accessible = accessibility, wcag, screen reader, contrast
ko 결제 화면 접근성 개선 = 접근성, WCAG, 스크린 리더, 명도 대비
design-system problem
en an inconsistent design system = design system, component, consistency, documentation
ko 일관성이 깨진 디자인 시스템 = 디자인 시스템, 컴포넌트, 일관성, 문서화
critique people
en critical feedback on your design = feedback, rationale, user research, iteration
ko 디자인에 대한 비판적 피드백 = 피드백, 근거, 사용자 조사, 개선
handoff problem
en a handoff to developers that went wrong = handoff, spec, collaboration, edge case
ko 개발자와의 핸드오프 문제 = 핸드오프, 명세, 협업, 예외 상황
onboarding problem
en a confusing onboarding flow = onboarding, drop-off, user flow, a/b test
ko 이탈이 많은 온보딩 화면 = 온보딩, 이탈, 사용자 흐름, A/B 테스트
""",
    "marketing": """
budget task
en a campaign with a very small budget = budget, channel, cac, roas
ko 적은 예산의 캠페인 = 예산, 채널, CAC, ROAS
attribution task
en measuring a multi-channel campaign = attribution, utm, incrementality, roi
ko 여러 채널 캠페인의 성과 측정 = 어트리뷰션, UTM, 증분, ROI
launch task
en a product launch campaign = positioning, audience, channel, conversion
ko 신제품 출시 캠페인 = 포지셔닝, 타깃, 채널, 전환율
content problem
en content that failed to perform = engagement, a/b test, creative, audience
ko 성과가 낮은 콘텐츠 = 참여율, A/B 테스트, 소재, 타깃
retention problem
en rising customer churn = retention, segment, crm, lifetime value
ko 늘어나는 고객 이탈 = 리텐션, 세그먼트, CRM, 생애 가치
brand problem
en a brand message that confused customers = brand, messaging, research, positioning
ko 고객이 오해한 브랜드 메시지 = 브랜드, 메시지, 조사, 포지셔닝
""",
    "sales": """
pipeline problem
en a thin sales pipeline = pipeline, prospecting, qualification, forecast
ko 부족한 영업 파이프라인 = 파이프라인, 발굴, 니즈, 예측
objections people
en a customer objecting to price = objection, value, roi, negotiation
ko 가격에 반대하는 고객 = 반론, 가치, ROI, 협상
lost-deal problem
en losing a deal you expected to win = decision maker, competitor, follow-up, lesson
ko 따낼 것으로 예상했던 계약을 놓친 일 = 결정권자, 경쟁사, 후속 연락, 교훈
negotiation people
en a contract negotiation that stalled = negotiation, stakeholder, concession, contract
ko 교착 상태의 계약 협상 = 협상, 이해관계자, 양보, 계약
account-growth task
en growing an existing account = upsell, relationship, renewal, value
ko 기존 고객사 매출 확대 = 업셀, 관계, 재계약, 가치
quota problem
en a shortfall against quota late in the quarter = quota, pipeline, prioritization, forecast
ko 분기 말까지 목표에 미달하는 상황 = 목표, 파이프라인, 우선순위, 예측
""",
    "finance": """
forecasting problem
en a forecast that missed badly = forecast, variance, driver, assumption
ko 크게 빗나간 예측 = 예측, 차이 분석, 동인, 가정
close problem
en an error found during month-end close = reconciliation, journal entry, control, audit
ko 월 결산 중 발견한 오류 = 대사, 전표, 내부통제, 감사
budgeting people
en a department asking for more budget = budget, roi, trade-off, scenario
ko 예산 증액을 요청하는 부서 = 예산, ROI, 트레이드오프, 시나리오
modeling task
en building a financial model for a new investment = dcf, npv, sensitivity, assumption
ko 신규 투자 재무 모델 = DCF, NPV, 민감도, 가정
cost problem
en rising costs that nobody could explain = cost, variance, driver, margin
ko 원인을 모르는 비용 증가 = 비용, 차이 분석, 동인, 마진
reporting people
en presenting bad numbers to leadership = reporting, variance, insight, action plan
ko 경영진에게 나쁜 실적 보고 = 보고, 차이 분석, 인사이트, 대응 계획
""",
    "human_resources": """
hiring problem
en a role that stayed open for months = sourcing, job description, time to hire, interview
ko 몇 달째 채용되지 않는 포지션 = 소싱, 직무 기술서, 채용 기간, 면접
onboarding problem
en new hires leaving in their first year = onboarding, retention, survey, buddy
ko 입사 1년 내 퇴사하는 신규 입사자 = 온보딩, 퇴사율, 설문, 버디
conflict people
en a conflict between a manager and an employee = conflict, mediation, policy, documentation
ko 팀장과 팀원 간의 갈등 = 갈등, 중재, 규정, 기록
performance task
en designing a fairer performance review = performance review, calibration, feedback, criteria
ko 공정한 성과 평가 제도 설계 = 성과 평가, 캘리브레이션, 피드백, 기준
engagement problem
en falling engagement survey scores = engagement, survey, action plan, manager
ko 떨어지는 구성원 만족도 = 몰입, 설문, 실행 계획, 팀장
compensation people
en a key employee asking for a raise = compensation, market data, retention, fairness
ko 연봉 인상을 요구하는 핵심 인재 = 보상, 시장 데이터, 리텐션, 형평성
""",
    "operations": """
supply problem
en a supplier that missed a delivery date = supplier, lead time, contingency, safety stock
ko 납기를 지키지 못한 공급업체 = 공급업체, 리드타임, 비상 계획, 안전재고
efficiency problem
en a slow manual process = process, bottleneck, automation, kpi
ko 느린 수작업 프로세스 = 프로세스, 병목, 자동화, KPI
inventory problem
en too much and too little inventory at once = inventory, forecast, reorder point, abc analysis
ko 과잉 재고와 품절이 동시에 생기는 상황 = 재고, 수요 예측, 재주문점, ABC 분석
quality problem
en a spike in defects = quality, root cause, sop, checklist
ko 갑자기 늘어난 불량 = 품질, 근본 원인, 표준 작업, 체크리스트
capacity problem
en a peak-season surge in orders = capacity, scheduling, overtime, throughput
ko 성수기 물량 급증 = 용량, 스케줄, 초과 근무, 처리량
vendor task
en choosing between two vendors = vendor, cost, sla, risk
ko 두 협력사 중 선택 = 협력사, 비용, SLA, 리스크
""",
    "customer_service": """
escalation people
en a furious customer threatening to leave = empathy, de-escalation, resolution, follow-up
ko 이탈하겠다는 화난 고객 = 공감, 응대, 해결, 후속 연락
metrics task
en improving first-contact resolution = first-contact resolution, csat, knowledge base, root cause
ko 1차 해결률 개선 = 1차 해결률, CSAT, 지식 베이스, 원인
backlog problem
en a growing ticket backlog = backlog, sla, prioritization, staffing
ko 쌓여 가는 문의 백로그 = 백로그, SLA, 우선순위, 인력
policy people
en a customer request that breaks policy = policy, exception, escalation, empathy
ko 정책에 맞지 않는 고객 요청 = 정책, 예외, 이관, 공감
feedback task
en turning complaints into product changes = voice of the customer, tagging, feedback, trend
ko 불만을 제품 개선으로 연결하기 = VOC, 태그, 피드백, 추세
quality problem
en inconsistent answers across agents = quality assurance, coaching, macro, knowledge base
ko 상담사마다 다른 답변 = 품질 관리, 코칭, 매크로, 지식 베이스
""",
    "_general": """
prioritization problem
en competing priorities = priority, trade-off, stakeholder, deadline
ko 상충하는 우선순위 = 우선순위, 트레이드오프, 이해관계자, 마감
stakeholders people
en a difficult stakeholder = stakeholder, communication, expectation, compromise
ko 까다로운 이해관계자 = 이해관계자, 커뮤니케이션, 기대, 절충
learning task
en learning a new skill quickly = learning, plan, feedback, result
ko 새로운 기술을 빠르게 익혀야 하는 상황 = 학습, 계획, 피드백, 결과
mistakes problem
en a mistake of your own = ownership, root cause, fix, lesson
ko 본인이 저지른 실수 = 책임, 원인, 수습, 교훈
process problem
en a process that wasted everyone's time = process, efficiency, measure, change
ko 모두의 시간을 낭비하던 업무 방식 = 프로세스, 효율, 측정, 변화
feedback people
en giving hard feedback to a colleague = feedback, specific, relationship, follow up
ko 동료에게 어려운 피드백을 주는 상황 = 피드백, 구체적, 관계, 후속 조치
""",
}

TOPICS: dict[str, tuple[Topic, ...]] = {
    category: _parse(table) for category, table in _TABLES.items() if category != "_general"
}
GENERAL_TOPICS: tuple[Topic, ...] = _parse(_TABLES["_general"])
