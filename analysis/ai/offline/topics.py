"""Material for generated questions: per-category topics (bilingual, with the keywords a good
answer touches) and per-type question templates. Korean templates mark particles as {topic:을/를}
so they agree with the topic's last syllable."""

from __future__ import annotations

from typing import NamedTuple


class Topic(NamedTuple):
    tag: str
    en: str
    ko: str
    en_keywords: tuple[str, ...]
    ko_keywords: tuple[str, ...]


def _t(tag: str, en: str, ko: str, en_kw: str, ko_kw: str) -> Topic:
    return Topic(tag, en, ko, tuple(en_kw.split("|")), tuple(ko_kw.split("|")))


TOPICS: dict[str, tuple[Topic, ...]] = {
    "software_engineering": (
        _t(
            "incident-response",
            "a production incident",
            "운영 장애",
            "incident|rollback|root cause|postmortem|monitoring",
            "장애 대응|롤백|원인 분석|재발 방지|모니터링",
        ),
        _t(
            "performance",
            "a slow API endpoint",
            "느린 API 응답",
            "latency|profiling|index|cache|load test",
            "응답 시간|프로파일링|인덱스|캐시|부하 테스트",
        ),
        _t(
            "code-review",
            "a disagreement in code review",
            "코드 리뷰에서의 의견 충돌",
            "code review|trade-off|consensus|test",
            "코드 리뷰|트레이드오프|합의|테스트",
        ),
        _t(
            "technical-debt",
            "technical debt in a legacy system",
            "레거시 시스템의 기술 부채",
            "refactor|test coverage|incremental|risk",
            "리팩터링|테스트 커버리지|점진적 개선|리스크",
        ),
        _t(
            "databases",
            "a database schema migration",
            "데이터베이스 스키마 변경",
            "migration|backward compatible|backfill|rollback",
            "마이그레이션|호환성|백필|롤백",
        ),
        _t(
            "testing",
            "flaky automated tests",
            "불안정한 자동화 테스트",
            "test|ci|root cause|isolation",
            "테스트|CI|원인 분석|격리",
        ),
    ),
    "data_science": (
        _t(
            "modeling",
            "a model whose accuracy dropped in production",
            "운영 중 성능이 떨어진 모델",
            "drift|monitoring|retraining|baseline",
            "드리프트|모니터링|재학습|베이스라인",
        ),
        _t(
            "experimentation",
            "an A/B test with surprising results",
            "예상과 다른 A/B 테스트 결과",
            "hypothesis|sample size|significance|segment",
            "가설|표본 크기|유의성|세그먼트",
        ),
        _t(
            "data-quality",
            "messy or missing data",
            "결측치가 많은 데이터",
            "data quality|missing values|outlier|validation",
            "데이터 품질|결측치|이상치|검증",
        ),
        _t(
            "communication",
            "explaining a model to non-technical stakeholders",
            "비전문가 이해관계자에게 모델 설명하기",
            "stakeholder|insight|visualization|trade-off",
            "이해관계자|인사이트|시각화|트레이드오프",
        ),
        _t(
            "forecasting",
            "a demand forecast",
            "수요 예측 모델",
            "time series|seasonality|baseline|error",
            "시계열|계절성|베이스라인|오차",
        ),
        _t(
            "metrics",
            "choosing a success metric",
            "성공 지표 선정",
            "metric|kpi|proxy|bias",
            "지표|KPI|대리 지표|편향",
        ),
    ),
    "product_management": (
        _t(
            "prioritization",
            "competing feature requests",
            "상충하는 기능 요청",
            "prioritization|impact|effort|roadmap",
            "우선순위|임팩트|공수|로드맵",
        ),
        _t(
            "discovery",
            "a feature nobody used after launch",
            "출시 후 아무도 쓰지 않은 기능",
            "user research|metric|hypothesis|iteration",
            "사용자 조사|지표|가설|개선",
        ),
        _t(
            "stakeholders",
            "a stakeholder who disagrees with the roadmap",
            "로드맵에 반대하는 이해관계자",
            "stakeholder|data|trade-off|alignment",
            "이해관계자|데이터|트레이드오프|합의",
        ),
        _t(
            "metrics",
            "defining success metrics for a new product",
            "신규 제품의 성공 지표 정의",
            "north star|activation|retention|kpi",
            "북극성 지표|활성화|리텐션|KPI",
        ),
        _t(
            "launch",
            "a launch that slipped",
            "지연된 출시",
            "scope|risk|communication|mvp",
            "범위|리스크|커뮤니케이션|MVP",
        ),
        _t(
            "pricing",
            "a pricing change",
            "가격 정책 변경",
            "pricing|experiment|churn|revenue",
            "가격|실험|이탈|매출",
        ),
    ),
    "design": (
        _t(
            "research",
            "usability test results that surprised the team",
            "팀의 예상과 다른 사용성 테스트 결과",
            "usability test|insight|iteration|prototype",
            "사용성 테스트|인사이트|개선|프로토타입",
        ),
        _t(
            "accessibility",
            "making a flow accessible",
            "접근성 개선",
            "accessibility|wcag|screen reader|contrast",
            "접근성|WCAG|스크린 리더|명도 대비",
        ),
        _t(
            "design-system",
            "an inconsistent design system",
            "일관성이 깨진 디자인 시스템",
            "design system|component|consistency|documentation",
            "디자인 시스템|컴포넌트|일관성|문서화",
        ),
        _t(
            "critique",
            "critical feedback on your design",
            "디자인에 대한 비판적 피드백",
            "feedback|rationale|user research|iteration",
            "피드백|근거|사용자 조사|개선",
        ),
        _t(
            "handoff",
            "a handoff to developers that went wrong",
            "개발자와의 핸드오프 문제",
            "handoff|spec|collaboration|edge case",
            "핸드오프|명세|협업|예외 상황",
        ),
        _t(
            "onboarding",
            "a confusing onboarding flow",
            "이탈이 많은 온보딩 화면",
            "onboarding|drop-off|user flow|a/b test",
            "온보딩|이탈|사용자 흐름|A/B 테스트",
        ),
    ),
    "marketing": (
        _t(
            "budget",
            "a campaign with a very small budget",
            "적은 예산의 캠페인",
            "budget|channel|cac|roas",
            "예산|채널|CAC|ROAS",
        ),
        _t(
            "attribution",
            "measuring a multi-channel campaign",
            "여러 채널 캠페인의 성과 측정",
            "attribution|utm|incrementality|roi",
            "어트리뷰션|UTM|증분|ROI",
        ),
        _t(
            "launch",
            "a product launch campaign",
            "신제품 출시 캠페인",
            "positioning|audience|channel|conversion",
            "포지셔닝|타깃|채널|전환율",
        ),
        _t(
            "content",
            "content that failed to perform",
            "성과가 낮은 콘텐츠",
            "engagement|a/b test|creative|audience",
            "참여율|A/B 테스트|소재|타깃",
        ),
        _t(
            "retention",
            "rising customer churn",
            "늘어나는 고객 이탈",
            "retention|segment|crm|lifetime value",
            "리텐션|세그먼트|CRM|생애 가치",
        ),
        _t(
            "brand",
            "a brand message that confused customers",
            "고객이 오해한 브랜드 메시지",
            "brand|messaging|research|positioning",
            "브랜드|메시지|조사|포지셔닝",
        ),
    ),
    "sales": (
        _t(
            "pipeline",
            "a thin sales pipeline",
            "부족한 영업 파이프라인",
            "pipeline|prospecting|qualification|forecast",
            "파이프라인|발굴|니즈|예측",
        ),
        _t(
            "objections",
            "a customer objecting to price",
            "가격에 반대하는 고객",
            "objection|value|roi|negotiation",
            "반론|가치|ROI|협상",
        ),
        _t(
            "lost-deal",
            "a deal you lost",
            "놓친 계약",
            "decision maker|competitor|follow-up|lesson",
            "결정권자|경쟁사|후속 연락|교훈",
        ),
        _t(
            "negotiation",
            "a contract negotiation that stalled",
            "교착 상태의 계약 협상",
            "negotiation|stakeholder|concession|contract",
            "협상|이해관계자|양보|계약",
        ),
        _t(
            "account-growth",
            "growing an existing account",
            "기존 고객사 매출 확대",
            "upsell|relationship|renewal|value",
            "업셀|관계|재계약|가치",
        ),
        _t(
            "quota",
            "a quarter when you were behind quota",
            "목표에 미달하던 분기",
            "quota|pipeline|prioritization|forecast",
            "목표|파이프라인|우선순위|예측",
        ),
    ),
    "finance": (
        _t(
            "forecasting",
            "a forecast that missed badly",
            "크게 빗나간 예측",
            "forecast|variance|driver|assumption",
            "예측|차이 분석|동인|가정",
        ),
        _t(
            "close",
            "an error found during month-end close",
            "월 결산 중 발견한 오류",
            "reconciliation|journal entry|control|audit",
            "대사|전표|내부통제|감사",
        ),
        _t(
            "budgeting",
            "a department asking for more budget",
            "예산 증액을 요청하는 부서",
            "budget|roi|trade-off|scenario",
            "예산|ROI|트레이드오프|시나리오",
        ),
        _t(
            "modeling",
            "building a financial model for a new investment",
            "신규 투자 재무 모델",
            "dcf|npv|sensitivity|assumption",
            "DCF|NPV|민감도|가정",
        ),
        _t(
            "cost",
            "rising costs that nobody could explain",
            "원인을 모르는 비용 증가",
            "cost|variance|driver|margin",
            "비용|차이 분석|동인|마진",
        ),
        _t(
            "reporting",
            "presenting bad numbers to leadership",
            "경영진에게 나쁜 실적 보고",
            "reporting|variance|insight|action plan",
            "보고|차이 분석|인사이트|대응 계획",
        ),
    ),
    "human_resources": (
        _t(
            "hiring",
            "a role that stayed open for months",
            "몇 달째 채용되지 않는 포지션",
            "sourcing|job description|time to hire|interview",
            "소싱|직무 기술서|채용 기간|면접",
        ),
        _t(
            "onboarding",
            "new hires leaving in their first year",
            "입사 1년 내 퇴사하는 신규 입사자",
            "onboarding|retention|survey|buddy",
            "온보딩|퇴사율|설문|버디",
        ),
        _t(
            "conflict",
            "a conflict between a manager and an employee",
            "팀장과 팀원 간의 갈등",
            "conflict|mediation|policy|documentation",
            "갈등|중재|규정|기록",
        ),
        _t(
            "performance",
            "a fairer performance review process",
            "공정한 성과 평가 제도",
            "performance review|calibration|feedback|criteria",
            "성과 평가|캘리브레이션|피드백|기준",
        ),
        _t(
            "engagement",
            "falling engagement survey scores",
            "떨어지는 구성원 만족도",
            "engagement|survey|action plan|manager",
            "몰입|설문|실행 계획|팀장",
        ),
        _t(
            "compensation",
            "a key employee asking for a raise",
            "연봉 인상을 요구하는 핵심 인재",
            "compensation|market data|retention|fairness",
            "보상|시장 데이터|리텐션|형평성",
        ),
    ),
    "operations": (
        _t(
            "supply",
            "a supplier that missed a delivery date",
            "납기를 지키지 못한 공급업체",
            "supplier|lead time|contingency|safety stock",
            "공급업체|리드타임|비상 계획|안전재고",
        ),
        _t(
            "efficiency",
            "a slow manual process",
            "느린 수작업 프로세스",
            "process|bottleneck|automation|kpi",
            "프로세스|병목|자동화|KPI",
        ),
        _t(
            "inventory",
            "too much and too little inventory at once",
            "과잉 재고와 품절이 동시에 생기는 상황",
            "inventory|forecast|reorder point|abc analysis",
            "재고|수요 예측|재주문점|ABC 분석",
        ),
        _t(
            "quality",
            "a spike in defects",
            "갑자기 늘어난 불량",
            "quality|root cause|sop|checklist",
            "품질|근본 원인|표준 작업|체크리스트",
        ),
        _t(
            "capacity",
            "peak-season demand",
            "성수기 물량 급증",
            "capacity|scheduling|overtime|throughput",
            "용량|스케줄|초과 근무|처리량",
        ),
        _t(
            "vendor",
            "choosing between two vendors",
            "두 협력사 중 선택",
            "vendor|cost|sla|risk",
            "협력사|비용|SLA|리스크",
        ),
    ),
    "customer_service": (
        _t(
            "escalation",
            "a furious customer threatening to leave",
            "이탈하겠다는 화난 고객",
            "empathy|de-escalation|resolution|follow-up",
            "공감|응대|해결|후속 연락",
        ),
        _t(
            "metrics",
            "improving first-contact resolution",
            "1차 해결률 개선",
            "first-contact resolution|csat|knowledge base|root cause",
            "1차 해결률|CSAT|지식 베이스|원인",
        ),
        _t(
            "backlog",
            "a growing ticket backlog",
            "쌓여 가는 문의 백로그",
            "backlog|sla|prioritization|staffing",
            "백로그|SLA|우선순위|인력",
        ),
        _t(
            "policy",
            "a customer request that breaks policy",
            "정책에 맞지 않는 고객 요청",
            "policy|exception|escalation|empathy",
            "정책|예외|이관|공감",
        ),
        _t(
            "feedback",
            "turning complaints into product changes",
            "불만을 제품 개선으로 연결하기",
            "voice of the customer|tagging|feedback|trend",
            "VOC|태그|피드백|추세",
        ),
        _t(
            "quality",
            "inconsistent answers across agents",
            "상담사마다 다른 답변",
            "quality assurance|coaching|macro|knowledge base",
            "품질 관리|코칭|매크로|지식 베이스",
        ),
    ),
}

GENERAL_TOPICS: tuple[Topic, ...] = (
    _t(
        "prioritization",
        "competing priorities",
        "상충하는 우선순위",
        "priority|trade-off|stakeholder|deadline",
        "우선순위|트레이드오프|이해관계자|마감",
    ),
    _t(
        "stakeholders",
        "a difficult stakeholder",
        "까다로운 이해관계자",
        "stakeholder|communication|expectation|compromise",
        "이해관계자|커뮤니케이션|기대|절충",
    ),
    _t(
        "learning",
        "learning a new skill quickly",
        "새로운 기술을 빠르게 익혀야 하는 상황",
        "learning|plan|feedback|result",
        "학습|계획|피드백|결과",
    ),
    _t(
        "mistakes",
        "a mistake you made",
        "본인이 저지른 실수",
        "ownership|root cause|fix|lesson",
        "책임|원인|수습|교훈",
    ),
    _t(
        "process",
        "a process that wasted everyone's time",
        "모두의 시간을 낭비하던 업무 방식",
        "process|efficiency|measure|change",
        "프로세스|효율|측정|변화",
    ),
    _t(
        "feedback",
        "giving hard feedback to a colleague",
        "동료에게 어려운 피드백을 주는 상황",
        "feedback|specific|relationship|follow up",
        "피드백|구체적|관계|후속 조치",
    ),
)

TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "behavioral": {
        "en": (
            "Tell me about a time you dealt with {topic}. What was your role, what did you do, "
            "and what was the result?",
            "Describe {topic} you handled yourself. What did you do first, and what changed "
            "because of it?",
            "Walk me through your most recent experience with {topic}. What would you do "
            "differently now?",
            "Give me an example of {topic} that did not go to plan. How did you respond?",
        ),
        "ko": (
            "{topic:과/와} 관련해 직접 대응했던 경험을 말씀해 주세요. 본인의 역할과 결과는 "
            "무엇이었나요?",
            "{topic:을/를} 직접 해결했던 사례를 말씀해 주세요. 가장 먼저 무엇을 하셨고, 그 결과 "
            "무엇이 달라졌나요?",
            "{topic:을/를} 다뤘던 가장 최근의 경험과, 지금이라면 다르게 할 점을 말씀해 주세요.",
            "{topic:이/가} 계획대로 풀리지 않았던 경험이 있으신가요? 어떻게 대응하셨는지 말씀해 "
            "주세요.",
        ),
    },
    "situational": {
        "en": (
            "Imagine you face {topic} in your first month here. How would you approach it, step "
            "by step?",
            "Suppose your manager asks you to take charge of {topic} with a tight deadline. What "
            "would you do first, and why?",
            "You are dealing with {topic}, and the people involved disagree about what to do. "
            "How would you handle it?",
        ),
        "ko": (
            "입사 첫 달에 {topic:을/를} 맡게 되었다고 가정해 보겠습니다. 어떤 순서로 "
            "접근하시겠습니까?",
            "팀장님이 촉박한 일정으로 {topic:을/를} 맡기셨습니다. 가장 먼저 무엇을 하시겠고, 그 "
            "이유는 무엇입니까?",
            "{topic:을/를} 두고 관련된 사람들의 의견이 엇갈리고 있습니다. 어떻게 풀어 "
            "가시겠습니까?",
        ),
    },
    "technical": {
        "en": (
            "How would you approach {topic}? Walk me through the steps and the trade-offs.",
            "What are the most common mistakes people make with {topic}, and how do you avoid "
            "them?",
            "How would you measure success when dealing with {topic}? Which metrics would you "
            "track, and why?",
        ),
        "ko": (
            "{topic:을/를} 어떻게 접근하시겠습니까? 단계와 트레이드오프를 설명해 주세요.",
            "{topic:에서/에서} 사람들이 흔히 하는 실수는 무엇이고, 어떻게 피하시겠습니까?",
            "{topic:을/를} 다룰 때 성공 여부를 어떤 지표로 판단하시겠습니까? 그 이유도 말씀해 "
            "주세요.",
        ),
    },
}

DIFFICULTY_SUFFIX: dict[str, dict[str, tuple[str, ...]]] = {
    "easy": {"en": ("",), "ko": ("",)},
    "medium": {
        "en": (" Include the trade-offs you considered.", " Be specific about the numbers."),
        "ko": (
            " 고려하신 트레이드오프도 함께 말씀해 주세요.",
            " 가능한 한 수치로 구체적으로 말씀해 주세요.",
        ),
    },
    "hard": {
        "en": (
            " Assume limited resources and stakeholders who disagree.",
            " Assume the problem is ten times larger than anything you have handled.",
        ),
        "ko": (
            " 리소스가 부족하고 이해관계자의 의견이 엇갈리는 상황을 가정해 주세요.",
            " 지금까지 경험한 것보다 열 배 큰 규모라고 가정해 주세요.",
        ),
    },
}

ROLE_NAMES = {
    "software_engineering": ("a software engineer", "개발자"),
    "data_science": ("a data scientist", "데이터 사이언티스트"),
    "product_management": ("a product manager", "PM"),
    "design": ("a designer", "디자이너"),
    "marketing": ("a marketer", "마케터"),
    "sales": ("a salesperson", "영업 담당자"),
    "finance": ("a finance professional", "재무 담당자"),
    "human_resources": ("an HR professional", "인사 담당자"),
    "operations": ("an operations manager", "운영 관리자"),
    "customer_service": ("a customer service professional", "고객 서비스 담당자"),
}
