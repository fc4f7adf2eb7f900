"""Domain vocabulary per job category and language: the terms a hiring manager in that field
expects to hear. Korean entries are bare stems (particles are handled by the matcher).

Used for relevance and job fit, as the keyword fallback when a question has no expected keywords,
and as topic material for generated questions. Kept static so the same answer always gets the
same score under one rubric version."""

from __future__ import annotations

from functools import lru_cache


def _terms(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.split("|") if t.strip())


GENERAL = {
    "en": _terms(
        "team|project|deadline|stakeholder|customer|client|manager|priority|prioritize|goal|"
        "metric|data|result|impact|process|plan|feedback|deliver|scope|risk|trade-off|budget|"
        "timeline|communicate|document|decision|problem|solution|improve|measure|owner|"
        "requirement|meeting|follow up|escalate|report|review|workflow|cross-functional|"
        "collaborate|negotiate|compromise|align|expectation|quality|efficiency|target|kpi"
    ),
    "ko": _terms(
        "팀|프로젝트|일정|마감|이해관계자|고객|관리자|팀장|우선순위|목표|지표|데이터|결과|성과|"
        "영향|프로세스|절차|계획|피드백|범위|리스크|트레이드오프|예산|커뮤니케이션|소통|문서|"
        "의사결정|문제|해결|개선|측정|담당|요구사항|회의|공유|보고|검토|협업|협의|합의|조율|"
        "기대|품질|효율|KPI|근거|설득|절충|실행"
    ),
}

CATEGORY_TERMS: dict[str, dict[str, tuple[str, ...]]] = {
    "software_engineering": {
        "en": _terms(
            "api|endpoint|latency|throughput|database|query|index|cache|redis|postgres|sql|"
            "schema|migration|deploy|deployment|rollback|release|ci|pipeline|unit test|"
            "integration test|code review|pull request|refactor|technical debt|architecture|"
            "microservice|monolith|server|load test|scalability|performance|profiling|"
            "bottleneck|memory|cpu|thread|concurrency|race condition|lock|queue|retry|timeout|"
            "circuit breaker|monitoring|observability|logging|trace|alert|on-call|incident|"
            "postmortem|root cause|bug|debug|production|staging|feature flag|backward compatible|"
            "dependency|library|framework|interface|abstraction|module|algorithm|complexity|"
            "security|authentication|encryption|rate limit|token bucket|kubernetes|docker|"
            "container|cloud|replica|shard|consistency|availability|idempotent|batch|backfill|"
            "bundle|frontend|backend|browser|render|javascript|typescript|react|python|java|"
            "connection pool|load balancer|regression|test coverage|linter|code"
        ),
        "ko": _terms(
            "API|응답 시간|지연|처리량|데이터베이스|DB|쿼리|인덱스|캐시|레디스|스키마|마이그레이션|"
            "배포|롤백|릴리스|CI|파이프라인|테스트|단위 테스트|통합 테스트|코드 리뷰|PR|리팩터링|"
            "리팩토링|기술 부채|아키텍처|마이크로서비스|서버|부하 테스트|확장성|성능|프로파일링|"
            "병목|메모리|CPU|스레드|동시성|큐|재시도|타임아웃|서킷 브레이커|모니터링|로그|"
            "로깅|트레이스|알람|온콜|장애|장애 대응|포스트모템|원인 분석|근본 원인|버그|디버깅|"
            "운영 환경|스테이징|기능 플래그|호환성|의존성|라이브러리|프레임워크|인터페이스|"
            "추상화|모듈|함수|메서드|알고리즘|복잡도|자료구조|보안|인증|암호화|토큰|쿠버네티스|"
            "도커|컨테이너|클라우드|복제|샤딩|정합성|가용성|배치|백필|프론트엔드|백엔드|"
            "렌더링|자바스크립트|타입스크립트|리액트|파이썬|자바|스프링|JPA|커버리지|코드|"
            "구현|설계|커넥션 풀|트래픽|쿼리 튜닝|실행 계획|슬로우 쿼리"
        ),
    },
    "data_science": {
        "en": _terms(
            "model|feature|training|validation|test set|holdout|cross-validation|overfitting|"
            "regularization|baseline|accuracy|precision|recall|f1|auc|roc|rmse|loss|threshold|"
            "classification|regression|clustering|random forest|xgboost|gradient boosting|"
            "neural network|scikit-learn|pandas|sql|python|notebook|pipeline|feature engineering|"
            "drift|data quality|missing values|outlier|distribution|sample|sampling|bias|"
            "variance|hypothesis|a/b test|experiment|significance|p-value|confidence interval|"
            "power|effect size|control group|treatment|causal|correlation|cohort|segment|"
            "retention|churn|forecast|time series|seasonality|recommendation|ranking|"
            "embedding|label|class imbalance|smote|class weight|dashboard|stakeholder|insight|"
            "metric|kpi|dataset|data pipeline|etl|warehouse|bigquery|spark|statistic|analysis|"
            "join|table|aggregate|group by|duplicate|null|window function|query"
        ),
        "ko": _terms(
            "모델|피처|변수|학습|재학습|검증|테스트 셋|홀드아웃|교차 검증|과적합|정규화|베이스라인|"
            "정확도|정밀도|재현율|F1|AUC|ROC|RMSE|손실|임계값|분류|회귀|군집|랜덤 포레스트|"
            "XGBoost|부스팅|신경망|판다스|SQL|파이썬|노트북|파이프라인|피처 엔지니어링|드리프트|"
            "데이터 품질|결측치|이상치|분포|표본|샘플링|편향|분산|가설|A/B 테스트|실험|유의성|"
            "p값|신뢰 구간|검정력|효과 크기|대조군|실험군|인과|상관|코호트|세그먼트|리텐션|"
            "이탈|예측|시계열|계절성|추천|랭킹|임베딩|라벨|불균형|대시보드|인사이트|지표|"
            "데이터셋|데이터 파이프라인|ETL|웨어하우스|통계|분석|PSI|로그 데이터|전환율|조인|"
            "테이블|집계|중복|윈도 함수|쿼리"
        ),
    },
    "product_management": {
        "en": _terms(
            "roadmap|prioritization|prioritize|backlog|user story|requirement|spec|mvp|"
            "launch|release|sprint|stakeholder|customer interview|user research|discovery|"
            "hypothesis|experiment|a/b test|metric|north star|kpi|okr|activation|retention|"
            "churn|conversion|funnel|engagement|adoption|revenue|pricing|market|competitor|"
            "persona|pain point|problem statement|trade-off|scope|impact|effort|rice|"
            "opportunity|feature request|feedback|usability|engineering|design|go-to-market|"
            "success metric|cohort|segment|dashboard|alignment|decision|roadmap review|"
            "product-market fit|value proposition|user need|jobs to be done|release notes"
        ),
        "ko": _terms(
            "로드맵|우선순위|백로그|유저 스토리|요구사항|기획서|MVP|출시|릴리스|스프린트|"
            "이해관계자|고객 인터뷰|사용자 조사|가설|실험|A/B 테스트|지표|북극성 지표|KPI|"
            "OKR|활성화|리텐션|이탈|이탈률|전환|전환율|퍼널|참여|도입|매출|가격|시장|경쟁사|"
            "페르소나|페인 포인트|문제 정의|트레이드오프|범위|임팩트|공수|기회|기능 요청|"
            "피드백|사용성|개발팀|디자인|성공 지표|코호트|세그먼트|대시보드|얼라인|의사결정|"
            "PMF|가치 제안|사용자 니즈|기능|사용자|데이터"
        ),
    },
    "design": {
        "en": _terms(
            "user research|usability test|usability|prototype|wireframe|mockup|figma|"
            "design system|component|accessibility|wcag|contrast|screen reader|keyboard|focus|"
            "persona|journey map|user flow|information architecture|navigation|layout|"
            "typography|color|visual hierarchy|interaction|microcopy|onboarding|heuristic|"
            "interview|survey|insight|affordance|consistency|iteration|feedback|handoff|"
            "developer|stakeholder|a/b test|conversion|task success|error rate|pain point|"
            "mental model|empathy|sketch|responsive|mobile|touch target|ux|ui|"
            "design critique|design review|token|style guide|checkout|form|label"
        ),
        "ko": _terms(
            "사용자 조사|사용성 테스트|사용성|프로토타입|와이어프레임|목업|피그마|디자인 시스템|"
            "컴포넌트|접근성|WCAG|명도 대비|스크린 리더|키보드|포커스|페르소나|여정 지도|"
            "사용자 흐름|정보 구조|내비게이션|레이아웃|타이포그래피|색상|시각적 위계|인터랙션|"
            "마이크로카피|온보딩|휴리스틱|인터뷰|설문|인사이트|일관성|반복|피드백|핸드오프|"
            "개발자|A/B 테스트|전환율|과업 성공률|오류율|페인 포인트|멘탈 모델|공감|스케치|"
            "반응형|모바일|터치 영역|UX|UI|디자인 리뷰|가이드|화면|사용자|이탈"
        ),
    },
    "marketing": {
        "en": _terms(
            "campaign|brand|awareness|consideration|conversion|funnel|audience|segment|"
            "targeting|persona|channel|paid social|search|seo|sem|email|content|influencer|"
            "creative|copy|budget|spend|cpa|cac|ltv|roas|roi|ctr|cpc|cpm|impression|reach|"
            "engagement|retention|attribution|last-click|multi-touch|incrementality|holdout|"
            "utm|ga4|google analytics|crm|landing page|a/b test|positioning|messaging|"
            "launch|go-to-market|market research|competitor|share of voice|lead|mql|"
            "cohort|lifetime value|payback|organic|retargeting|community|press|pr|newsletter|"
            "open rate|click-through rate|promotion|pricing"
        ),
        "ko": _terms(
            "캠페인|브랜드|인지도|전환|퍼널|타깃|타겟|세그먼트|페르소나|채널|광고|검색 광고|"
            "SEO|이메일|콘텐츠|인플루언서|소재|카피|예산|광고비|CPA|CAC|LTV|ROAS|ROI|CTR|"
            "CPC|노출|도달|참여율|리텐션|기여도|어트리뷰션|증분|UTM|GA4|구글 애널리틱스|CRM|"
            "랜딩 페이지|A/B 테스트|포지셔닝|메시지|출시|시장 조사|경쟁사|리드|코호트|"
            "생애 가치|오가닉|리타기팅|커뮤니티|보도자료|뉴스레터|오픈율|클릭률|프로모션|"
            "전환율|매출|팔로워|후기|리뷰|설치|활성 사용자|MMP|마케팅"
        ),
    },
    "sales": {
        "en": _terms(
            "pipeline|prospect|prospecting|lead|qualification|discovery|bant|meddic|"
            "decision maker|economic buyer|champion|stakeholder|objection|negotiation|"
            "proposal|demo|quota|forecast|close|closing|deal|contract|renewal|upsell|"
            "cross-sell|churn|account|territory|crm|salesforce|hubspot|win rate|conversion|"
            "deal size|sales cycle|follow-up|cold call|outreach|referral|relationship|"
            "value|roi|pricing|discount|procurement|budget|competitor|commission|target|"
            "quarter|revenue|customer success|stage|next step|commit"
        ),
        "ko": _terms(
            "파이프라인|잠재 고객|리드|발굴|니즈|결정권자|의사결정자|이해관계자|반론|협상|"
            "제안서|제안|데모|목표|할당량|예측|계약|수주|갱신|업셀|크로스셀|이탈|고객사|"
            "거래처|CRM|세일즈포스|수주율|전환율|계약 규모|영업 주기|후속 연락|콜드콜|"
            "소개|관계|가치|ROI|가격|할인|구매팀|예산|경쟁사|분기|매출|단계|미팅|영업|"
            "딜|견적|레퍼런스|재계약|고객 관리"
        ),
    },
    "finance": {
        "en": _terms(
            "forecast|budget|variance|actual|revenue|cost|margin|gross margin|ebitda|"
            "cash flow|working capital|balance sheet|income statement|p&l|general ledger|"
            "reconciliation|accrual|close|month-end|audit|gaap|ifrs|asc 606|"
            "revenue recognition|depreciation|capex|opex|valuation|dcf|npv|irr|discount rate|"
            "wacc|sensitivity|scenario|model|excel|assumption|driver|arr|mrr|churn|cohort|"
            "unit economics|payback|roi|kpi|headcount|board|cfo|journal entry|invoice|"
            "accounts payable|accounts receivable|tax|compliance|control|erp|sap|pivot|"
            "backtest|inventory|cogs"
        ),
        "ko": _terms(
            "예측|예산|차이 분석|실적|매출|비용|원가|마진|매출총이익|EBITDA|현금흐름|운전자본|"
            "재무상태표|손익계산서|손익|총계정원장|대사|발생주의|결산|월 결산|감사|회계 기준|"
            "IFRS|수익 인식|감가상각|CAPEX|OPEX|가치평가|DCF|NPV|IRR|할인율|민감도|시나리오|"
            "모델|엑셀|가정|동인|ARR|MRR|단위 경제|회수 기간|ROI|KPI|인건비|이사회|CFO|전표|"
            "수정 전표|송장|매입채무|매출채권|세무|내부통제|ERP|SAP|재고 평가|매출원가|"
            "원가율|재무|회계|분개|증빙"
        ),
    },
    "human_resources": {
        "en": _terms(
            "recruiting|hiring|candidate|job description|sourcing|interview|structured interview|"
            "scorecard|offer|acceptance rate|time to hire|onboarding|retention|attrition|"
            "turnover|engagement|survey|performance review|feedback|calibration|compensation|"
            "benefits|salary band|promotion|career path|training|learning|development|"
            "mentor|buddy|manager|employee relations|policy|labor law|compliance|investigation|"
            "grievance|conflict|mediation|diversity|inclusion|culture|headcount|workforce "
            "planning|hr business partner|hris|exit interview|pulse survey|referral|employer "
            "brand|probation|leadership|coaching|succession|labor law|overtime|minimum wage|"
            "employment contract|severance|leave|payroll|privacy"
        ),
        "ko": _terms(
            "채용|후보자|직무 기술서|소싱|다이렉트 소싱|면접|구조화 면접|평가표|오퍼|수락률|"
            "채용 기간|온보딩|퇴사율|이직률|몰입|만족도|설문|성과 평가|피드백|캘리브레이션|"
            "보상|복리후생|연봉|승진|경력 개발|교육|육성|멘토|버디|팀장|노무|제도|노동법|"
            "규정|조사|고충|갈등|중재|다양성|조직 문화|인력 계획|HRBP|HRIS|퇴사 면담|"
            "사내 추천|수습|리더십|코칭|인사팀|인사 제도|처우|채용 공고|현업|근로기준법|근로계약|"
            "임금|수당|연차|통상임금|평균임금|퇴직금|최저임금|근로시간|급여|개인정보"
        ),
    },
    "operations": {
        "en": _terms(
            "process|workflow|throughput|capacity|bottleneck|lead time|cycle time|utilization|"
            "inventory|safety stock|reorder point|forecast|demand|supply chain|supplier|"
            "vendor|procurement|logistics|warehouse|wms|erp|picking|packing|shipping|slotting|"
            "fulfillment|sla|on-time delivery|quality|defect|root cause|five whys|lean|"
            "six sigma|kaizen|kanban|standard operating procedure|sop|checklist|automation|"
            "cost|overtime|headcount|shift|scheduling|kpi|dashboard|pilot|rollout|abc analysis|"
            "sku|stockout|turnover|contingency|risk|audit|compliance|service level|order|waste|"
            "value stream|5s|rework|continuous improvement"
        ),
        "ko": _terms(
            "프로세스|업무 흐름|처리량|생산성|용량|병목|리드타임|사이클 타임|가동률|재고|"
            "안전재고|재주문점|수요 예측|수요|공급망|공급업체|협력사|구매|물류|창고|WMS|ERP|"
            "피킹|포장|출하|입고|배송|SLA|납기|품질|불량|근본 원인|린|식스 시그마|카이젠|"
            "칸반|표준 작업|SOP|체크리스트|자동화|비용|초과 근무|인력|교대|스케줄|KPI|"
            "대시보드|파일럿|ABC 분석|SKU|품절|회전율|대체 공급|비상 계획|리스크|감사|"
            "서비스 수준|주문|운영|낭비|가치 흐름|5S|재작업|개선 활동"
        ),
    },
    "customer_service": {
        "en": _terms(
            "customer|ticket|first-contact resolution|fcr|csat|nps|customer effort|"
            "average handle time|response time|resolution time|backlog|sla|escalation|"
            "knowledge base|macro|script|empathy|apology|refund|credit|complaint|churn|"
            "retention|follow-up|root cause|feedback|survey|zendesk|intercom|crm|queue|"
            "channel|chat|phone|email|self-service|faq|de-escalation|tone|policy|exception|"
            "agent|quality assurance|coaching|repeat contact|contact reason|tagging|"
            "voice of the customer|service recovery|loyalty|billing"
        ),
        "ko": _terms(
            "고객|문의|티켓|1차 해결률|첫 응대 해결|CSAT|NPS|고객 노력|평균 처리 시간|"
            "응답 시간|해결 시간|백로그|SLA|에스컬레이션|이관|지식 베이스|FAQ|매크로|스크립트|"
            "공감|사과|환불|보상|불만|클레임|이탈|재구매|후속 연락|원인|피드백|설문|젠데스크|"
            "채널톡|CRM|채팅|전화|이메일|셀프 서비스|응대|톤|정책|예외|상담사|품질 관리|"
            "코칭|재문의|문의 유형|태그|VOC|서비스 회복|충성도|청구|만족도"
        ),
    },
}

TOOLS_KO = _terms(
    "엑셀|스프레드시트|구글 시트|피그마|노션|지라|슬랙|컨플루언스|세일즈포스|허브스팟|태블로|"
    "파이썬|구글 애널리틱스|앰플리튜드|앱스플라이어|메타 광고|인스타그램|유튜브|카카오톡|"
    "네이버|깃허브|젠데스크|채널톡|레디스|쿠버네티스|도커|파워 BI|더존|링크드인|원티드|"
    "리멤버|데이터독|그라파나|키바나|스프링|장고|리액트|코틀린|자바|판다스|빅쿼리|"
    "메타 광고 관리자|구글 애즈|스마트스토어"
)


@lru_cache(maxsize=64)
def category_terms(category: str, language: str) -> tuple[str, ...]:
    """The category's terms plus the general work vocabulary (custom categories get the latter)."""
    lang = "ko" if language == "ko" else "en"
    specific = CATEGORY_TERMS.get(category, {}).get(lang, ())
    return specific + GENERAL[lang]
