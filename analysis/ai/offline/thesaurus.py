"""A small bilingual thesaurus of interview concepts: for each concept (as content_stem gives
it), the words an answer about it uses although the question does not. Data for topicality.py
and bankmatch.py."""

# Interview concepts and the words an answer about them uses although the question does not.
# Stems as content_stem gives them (English suffixes stripped; Korean particle-free).
THESAURUS_EN = {
    "perform": "fast faster slow slower speed latency hour minut second millisecond ms profil "
    "optimiz bottleneck throughput p95 p99 timeout load quick",
    "slow": "fast faster speed latency hour minut second millisecond ms profil optimiz "
    "bottleneck throughput p95 p99 timeout quick",
    "url": "dns tcp tls http https ip browser domain server request",
    "browser": "dns tcp tls http https ip html dom render url",
    "conflict": "disagre disagreement argu argument oppos push back pushed compromis "
    "agre consensus debate tension",
    "disagre": "conflict argu oppos push compromis agre consensus debate",
    "colleague": "teammat coworker peer senior engineer manager developer",
    "campaign": "ads ad instagram channel launch promotion utm cpa cac roas",
    "budget": "spend cost won dollar pound cpa cac cheap",
    "measur": "metric kpi utm holdout attribution track dashboard conversion rate roi",
    "customer": "client caller buyer user",
    "angry": "upset apolog complaint frustrat calm",
    "late": "delay delayed deliver delivery carrier shipping overdue behind",
    # Accessibility, as a designer or a front-end developer works it out.
    "accessibl": "wcag aria screen reader keyboard contrast focus label assistiv zoom caption "
    "voiceover nvda",
    "design": "architectur component scale shard partition replica cache database store",
    "shorten": "short code base62 redirect hash id",
    "link": "url short code redirect",
    "deal": "contract sign signed negotiat close prospect",
    "debug": "bug log trace reproduc root cause fix incident",
    "improv": "reduc cut faster increas better",
    "production": "incident outage deploy rollback on-call error fail failing checkout alert "
    "timeout crash",
    "fix": "fixed bug root cause patch resolv repair",
    "serious": "critical outage urgent sever",
    "efficien": "fast faster hour minut overtim cost sav reduc cut throughput rate per waste "
    "manual autom productiv pick spent double duplicat twice rework paper bottleneck streamlin",
    "process": "step workflow procedur manual autom checklist handoff entry logged form "
    "paperwork template",
    "decision": "decid chose choos approv cancel drop kept",
    "analysis": "data query model dashboard found cohort chart",
    "expensiv": "price pric cost discount cheaper roi valu budget",
    "respond": "ask reply answer acknowledg",
    "prioriti": "priority roadmap backlog impact effort",
    # A child, a course of therapy and progress that stalls, as a teacher, nurse or therapist
    # tells them: the child by age or family, the therapy by its sessions and practice.
    "child": "kid boy girl son daughter toddler baby infant pupil yearold parent mum mother "
    "father dad famil school teacher class playground",
    "therapy": "therapist session treatment exercis practic clinic patient client discharg "
    "goal target",
    "progress": "improv accuracy gain milestone plateau better",
    "stall": "plateau stuck still stopp flat slow carry",
    # Deadlines, pressure and leading, as the commonest questions put them ("a tight deadline",
    # "a time you showed leadership") and answers tell them: by days, a launch or a demo; by a
    # team one ran and the people in it.
    "deadlin": "due day days hour night before friday launch demo deliver shipp ship scope "
    "schedul time late extension",
    "tight": "due day days hour night before scope rush short",
    "pressur": "deadlin stress urgent rush calm tight",
    "leadership": "led lead team coordinat organis organiz delegat motivat mentor assign "
    "charge members everyone",
    "initiativ": "noticed nobody owned own proposed volunteer pitched idea myself started set up",
    "teamwork": "team together shared split helped pair paired colleagu everyone",
    "stress": "pressur deadlin overwhelm calm list prioriti rush",
}
# Learning a skill, as a Korean answer tells it (both stems of 익히다: "익혀야", "익히는").
_LEARNING_KO = "배우 배웠 배운 공부 튜토리얼 강의 문서 따라 연습 실습 익혔 익힌"
# Work piling up at once ("몰린다면"), as an answer tells it.
_PILE_KO = "쌓인 쌓여 쌓이 쏟아 밀려 밀린 몰려 폭주 한꺼번"
THESAURUS_KO = {
    "성능": "속도 느려 느린 빠르 응답 지연 병목 처리량 부하 캐시 인덱스 쿼리 프로파일링 최적화",
    "속도": "느려 느린 빠르 응답 지연 병목 처리량 부하 캐시 인덱스 쿼리 프로파일링 최적화 ms",
    "응답": "속도 느려 지연 병목 캐시 인덱스 쿼리 APM ms",
    "충돌": "갈등 부딪 반대 논쟁 이견 설득 합의 절충 의견 동의",
    "의견": "충돌 갈등 반대 논쟁 이견 설득 합의 절충 동의 제안",
    "동료": "선임 팀원 동료 개발자분 상사 후배 선배",
    "출시": "런칭 론칭 오픈 출시 GTM 요금제 신제품",
    "전략": "타깃 채널 가격 포지셔닝 파트너 메시지 세그먼트",
    "GTM": "타깃 채널 가격 포지셔닝 파트너 출시",
    "고객": "고객님 손님 소비자 구매자",
    "배송": "택배 물류 도착 지연 주문 배송비 출고",
    "화": "사과 불만 항의 진정 공감",
    "캠페인": "광고 채널 인스타그램 프로모션 UTM CPA CAC ROAS",
    "예산": "비용 광고비 원 만원 CPA CAC",
    "원인": "병목 로그 분석 확인 APM 실행 계획",
    "개선": "줄였 단축 높였 낮췄 개선",
    "트래픽": "서버 증설 스케일 부하 동시 접속 요청",
    "느려": "속도 지연 병목 응답 캐시 인덱스 쿼리 서버 증설",
    "스키마": "마이그레이션 테이블 컬럼 인덱스 롤백 DB 데이터베이스 배포",
    "데이터베이스": "DB 테이블 쿼리 마이그레이션 인덱스 컬럼",
    "디자인": "컴포넌트 토큰 가이드 피그마 스타일 색상 버튼 디자이너 UI",
    "시스템": "컴포넌트 가이드 라이브러리 규칙 문서화",
    "우선순위": "로드맵 백로그 일정 순위 미루 먼저",
    "데이터": "지표 분석 로그 수치 숫자 앰플리튜드 GA",
    "아이": "아동 어린이 아들 딸 유아 초등학생 학생 부모 엄마 어머니 아버지 보호자 가족 학교 "
    "담임 교실 놀이터",
    "아동": "아이 어린이 아들 딸 유아 초등학생 학생 부모 엄마 어머니 보호자 가족 학교 담임 교실",
    "치료": "치료사 회기 세션 훈련 연습 재활 환자 내담자 목표 종결 과제",
    "진전": "향상 개선 정확도 나아 효과 정체",
    "정체": "멈추 제자리 그대로 여전히 더디",
    "리더십": "팀 팀원 이끌 이끌었 팀장 맡아 맡았 분담 동기 조율 책임 앞장 주도",
    "마감": "일정 기한 납기 마감일 밀려 늦어 하루 이틀 주말 야근 범위 출시 오픈",
    "기한": "일정 마감 납기 밀려 늦어 하루 이틀 주말 야근 범위",
    "압박": "마감 일정 급한 부담 스트레스",
    "팀워크": "팀 팀원 함께 같이 공유 나눠 맡아 맡았 도와 협업 분담",
    "익혀": _LEARNING_KO,
    "익히": _LEARNING_KO,
    "스트레스": "막막 부담 압박 마감 몰려 순서 목록 정리 마음 급한",
    # Enquiries piling up, as a support agent tells it: by the channel and the pile.
    "문의": "채팅 전화 상담 연락 접수 티켓 메일 질문 답변 응대",
    "몰린": _PILE_KO,
    "몰리": _PILE_KO,
    "급한": "긴급 급히 당장",
}

# What happened, as a story of it is told: by what broke, what did not work, what passed between
# two people, seldom by the question's word ("a serious outage" told by 502s and a rollback).
# Read for a question only (its related words, its vector in bankmatch.py), never for a bank
# document: expanded on both sides, two texts that merely name an incident share twenty words
# (a rate limiter's design came to read as an answer about an incident).
TOLD_BY_EN = {
    "outage": "incident downtime unavailabl error 500 502 503 504 alert pager paged oncall "
    "rollback rolled restor mitigat postmortem degrad hotfix",
    "incident": "outage downtime unavailabl error 500 502 503 504 alert pager paged oncall "
    "rollback rolled restor mitigat postmortem degrad hotfix",
    # A failure, as it is owned: what did not work and what was learned from it.
    "fail": "flop scrapp cancel retir shut nobody adopt underperform postmortem",
    # A clash with someone, told by what passed between the two.
    "conflict": "reject argu argument heated tense tension clash compromis disagre",
    "disagre": "reject argu argument heated tense tension clash compromis",
    "convinc": "argu evidence persuad objection reluct sceptic skeptic hesitant",
    "persuad": "argu evidence convinc objection reluct sceptic skeptic hesitant",
    # Automating a task, told by what now runs it and by the manual work it replaced.
    "automat": "script cron schedul macro bot manual manually by hand",
}
TOLD_BY_KO = {
    "장애": "먹통 다운 멈춰 멈춘 멈췄 중단 에러 오류 502 500 알림 경보 롤백 되돌 복구 복원 "
    "회고 재발 긴급",
    "실패": "접었 접은 철수 중단 저조 그쳤 미달 놓친 놓쳤",
    # A clash with someone, told by what happened between the two.
    "부딪": "갈등 반대 반려 논쟁 이견 설득 합의 절충 감정 언성 마찰 다툼",
    "갈등": "부딪 반대 반려 논쟁 이견 설득 합의 절충 감정 언성 마찰 다툼",
    "설득": "근거 자료 반대 망설 우려 수긍 받아들",
    # 자동화, told by what now runs the work and by the hand work it replaced.
    "자동화": "스크립트 매크로 예약 크론 스케줄 봇 수작업 수동 손으로 저절로",
}

# Everyday words a question is paraphrased with: each group is one meaning. Not interview
# concepts (those are the thesaurus above): the verbs and adverbs of any question.
PARAPHRASE_GROUPS = (
    "drop dropped fall fell decline decreas down lower plung shrink",
    "rise rose increas grow grew climb jump up higher",
    "sudden suddenly overnight abrupt quick quickly rapid sharp sharply night singl",
    "reason cause why root explain",
    "find figur identify discover work out determin",
    "decid choos chose pick select",
    "prevent avoid stop keep",
    "ensur sure guarante",
    "return come back again recur",
    "percent percentag",
    "request ask want",
    "conflict clash compet contradict",
    "customer client",
    "seller owner vendor",
    "import key crucial essential critical vital",
    # A question's "accurate … off by 20%" is restated as "precise … wrong by twenty percent".
    "accur precis correct exact wrong incorrect inaccur miss",
    "production live prod",
    "predict prediction forecast estimat",
    "seem look appear",
    "lesson class",
    "떨어 떨어지 하락 감소 줄어 줄 낮아 내려",
    "오르 올랐 올라 상승 증가 늘 늘어 높아 높아졌 급등",
    "갑자기 급격히 급히 급 하룻밤 돌연",
    "원인 이유 왜 까닭",
    "방법 방식 접근",
    "바꾸 바꾼 바꿨 변경 수정 조정",
    "나누 나눌 나눠 배분 분배",
    "멈추 멈춰 멈춘 중단 정지 중지 끊",
    "행사 이벤트",
    "접속 트래픽 방문 유입",
    "외부 바깥",
    "유출 새어 빠져나",
    "신고 제보",
    "내부 안에 사내",
    "준비 대비",
    "충돌 상충 맞지 않는 엇갈",
    "동시 같은 시기 한꺼번",
    "고객 소비자 손님 사용자",
    "비율 율 률",
)

# Words a keyword of the question is said with in an answer: one part of a keyword each, its
# everyday equivalents ("재발 방지" is said "재발을 막았습니다"; "incident response" is "handled
# the incident"). Keys are the keyword parts as `term_parts` reads them (Korean nouns, English
# stems); values are answer words in the same form.
KEYWORD_EQUIVALENTS = {
    "방지": ("막", "예방", "차단"),
    "대응": ("대처", "조치", "처리", "수습"),
    "분석": ("살펴", "조사", "파악", "추적"),
    "모니터링": ("알림", "알람", "대시보드", "감시"),
    "공유": ("알리", "알렸", "전달", "공지"),
    "prevent": ("stop", "avoid", "block"),
    "respons": ("respond", "handl", "mitig"),
    "respond": ("respons", "handl", "mitig"),
    "analysis": ("analyz", "investig", "trac"),
    "monitor": ("alert", "dashboard", "alarm"),
    # "Digging into the traces, I found…", "the culprit was…", "it was caused by…"
    "root": ("trac", "culprit", "caus", "diagnos"),
    "caus": ("trac", "culprit", "diagnos"),
    # Empathy is shown, not named: "I listened first", "acknowledged how she felt".
    "empathy": ("listen", "acknowledg", "apologis", "apologiz", "reassur"),
    "공감": ("경청", "사과드", "사과했", "마음을 헤아"),
    # An upset customer is told as angry, furious or frustrated; a solution by what fixed it.
    "upset": ("angry", "furious", "frustrat", "annoy", "irat"),
    "solution": ("solv", "fix", "resolv", "workaround"),
    "listen": ("heard", "hear"),
    "ownership": ("personally", "owned"),
    "segment": ("cohort", "breakdown"),
    # "세그먼트" said as the groups it splits users into.
    "세그먼트": ("코호트", "세분화", "집단별"),
}
# A keyword named as a noun is told with its verb, whose stem the stemmer gives another form
# ("a rollback" -> "I reverted it", "migration" -> "we migrated", "failure" -> "it failed");
# "rollback" as "rolled … back" is a compound's particle (see below). The question's own words
# are said that way too ("a decision you made" -> "I decided").
VERB_FORMS = {
    "rollback": ("revert", "undid"),
    "revert": ("rollback",),
    "migr": ("migrat",),
    "failur": ("fail",),
    "recovery": ("recover",),
    "resolution": ("resolv",),
    "decision": ("decid",),
    "apology": ("apologiz", "apologis"),
    "reproduction": ("reproduc",),
    "verific": ("verify",),
}
KEYWORD_EQUIVALENTS.update(VERB_FORMS)
# English verb-particle compounds written as one keyword ("rollback", "failover", "follow-up"):
# in an answer they are a verb and its particle ("rolled the deploy back").
COMPOUND_PARTICLES = ("back", "over", "up", "out", "down", "off")

# What a typed question's people and events are called in an answer ("manager" told as "boss",
# "불만" as "항의"): words for one thing stand in for each other; a colleague may be told as a
# senior or a junior, but a question about mentoring a junior is not answered by being mentored
# (STAND_INS_ONE_WAY). Unlike the thesaurus above (the words *around* a concept), only true
# stand-ins, matched as whole words (standins.py): "directly" is no "director", "동기화" no "동기",
# "과장한" no "과장님". Left out for what else they mean at work: team (every story has one),
# dispute (a card dispute), friction (checkout friction), error (error codes), 동기 (지원 동기),
# 오류 (오류 코드), 과장 (exaggerate), 충돌 as a stand-in (머지 충돌). Kept although they have other
# senses, because a story told honestly uses them far more often: guest (a hotel's customer) and
# wrong ("I got the dose wrong"): a missed off-topic answer costs less than an honest one told
# it is off topic.
STAND_INS = (
    # Words for one thing, each as clear in a question as in an answer: any of them stands in
    # for any other.
    "colleague coworker",
    "manager boss supervisor",
    "customer client",
    "supplier vendor",
    "conflict clash clashed disagreement disagreed disagree",
    "unhappy upset angry furious irate dissatisfied",
    "mistake blunder wrong",
    "동료 팀원",
    "상사 윗분 윗사람 상급자",
    "고객 고객님 손님",
    "갈등 마찰 언쟁 다툼 다퉜 이견 부딪 언성 엇갈",
    "불만 항의 컴플레인 클레임 민원 불평",
    "실수 잘못 착오 실책",
)
# One way (question words -> answer words): a colleague may be told as a senior or a junior, a
# superior by a title, a customer as a guest or a consumer; but as the question's word these
# mean something else ("a guest speaker", "peer review", "a film director", "소비자 트렌드",
# "frustrated with my own progress", "the target audience" for a quota), and a story of being
# mentored or of one's own 상사 answers no question about mentoring or about leading a team.
# "팀장님" (someone else, with the honorific) is answered by 상사; "팀장으로서" is not.
STAND_INS_ONE_WAY = {
    "colleague coworker": "peer",
    "manager boss supervisor": "director",
    "customer client": "patron guest",
    "unhappy upset angry": "frustrated",
    "target": "quota",
    "동료 팀원": "선배 선임 후배 사수",
    "상사": "팀장 매니저 부장 부장님 과장님 차장 차장님 실장 실장님 본부장 본부장님 파트장 점장",
    "팀장님": "상사 윗분",
    "고객 손님": "소비자 구매자 이용자",
    "충돌": "갈등 마찰 부딪",
}
# Korean verb roots among them, said with any ending ("부딪혔", "엇갈렸", "다퉜던").
STAND_IN_ROOTS = ("부딪", "엇갈", "다퉜")

# Qualities a question asks to see shown ("a time you showed leadership", "리더십을 발휘했던
# 경험"): the story that shows one seldom names it.
COMPETENCIES = (
    "leadership teamwork initiative creativity integrity adaptability resilience stress "
    "리더십 팀워크 주도성 창의성 책임감 적응력 협업 스트레스"
)
