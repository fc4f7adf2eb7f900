"""The role's key requirements from a job description (skills, responsibilities, seniority) and
the projects of a résumé, in Korean or English. Offline: rules over a vocabulary of skills and
the description's own lines. OpenAI: a structured extraction, with the offline rules on failure."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from analysis.ai.base import AIServiceError
from analysis.ai.openai_provider.jobs import job_requirements_extract
from analysis.ai.registry import get_ai_service, resolve_provider_name
from core.choices import JobCategory

logger = logging.getLogger("jobprep")

MAX_REQUIREMENTS = 12
MAX_RESPONSIBILITIES = 6
MAX_PROJECTS = 3

# A skill and the spellings that name it (lower-case; Korean and English).
SKILLS: dict[str, tuple[str, ...]] = {
    "Python": ("python", "파이썬"),
    "Java": ("java", "자바"),
    "JavaScript": ("javascript", "자바스크립트"),
    "TypeScript": ("typescript", "타입스크립트"),
    "Go": ("golang",),
    "Kotlin": ("kotlin", "코틀린"),
    "SQL": ("sql",),
    "PostgreSQL": ("postgresql", "postgres"),
    "MySQL": ("mysql",),
    "Redis": ("redis", "레디스"),
    "Kafka": ("kafka", "카프카"),
    "Docker": ("docker", "도커"),
    "Kubernetes": ("kubernetes", "k8s", "쿠버네티스"),
    "AWS": ("aws",),
    "GCP": ("gcp", "google cloud"),
    "React": ("react", "리액트"),
    "Vue": ("vue",),
    "CSS": ("css",),
    "HTML": ("html",),
    "Django": ("django", "장고"),
    "Spring": ("spring", "스프링"),
    "REST API": ("rest api", "restful", "api 설계", "api design", "rest"),
    "GraphQL": ("graphql",),
    "Microservices": ("microservice", "마이크로서비스", "msa"),
    "Distributed systems": ("distributed system", "분산 시스템", "분산 환경"),
    "Databases": ("database", "데이터베이스", "db 설계", "rdbms"),
    "Transactions": ("transaction", "트랜잭션"),
    "Caching": ("caching", "cache", "캐시"),
    "Performance": ("performance", "latency", "성능", "응답 시간", "대용량 트래픽", "high traffic"),
    "System design": (
        "system design",
        "시스템 설계",
        "아키텍처",
        "architecture",
        "scalab",
        "확장성",
    ),
    "Testing": ("testing", "unit test", "테스트", "tdd"),
    "CI/CD": ("ci/cd", "continuous integration", "배포 자동화", "ci "),
    "Observability": ("monitoring", "observability", "모니터링", "로깅", "tracing"),
    "Incident response": ("incident", "on-call", "장애 대응", "장애"),
    "Security": ("security", "보안"),
    "Accessibility": ("accessibility", "a11y", "웹 접근성", "접근성"),
    "Machine learning": ("machine learning", "머신러닝", "딥러닝", "ml "),
    "Statistics": ("statistic", "통계", "a/b test", "ab 테스트", "실험 설계"),
    "Data analysis": ("data analysis", "데이터 분석", "analytics", "분석"),
    "Data pipelines": ("pipeline", "파이프라인", "etl", "airflow"),
    "Figma": ("figma", "피그마"),
    "User research": ("user research", "사용자 조사", "usability", "사용성", "ux research"),
    "SEO": ("seo", "검색 엔진 최적화"),
    "Content marketing": ("content marketing", "콘텐츠 마케팅", "콘텐츠"),
    "Performance marketing": ("performance marketing", "퍼포먼스 마케팅", "paid ads", "광고 운영"),
    "CRM": ("crm", "salesforce", "hubspot"),
    "Negotiation": ("negotiat", "협상"),
    "Financial modeling": ("financial model", "재무 모델", "valuation", "가치 평가"),
    "Accounting": ("accounting", "회계", "ifrs", "gaap"),
    "Recruiting": ("recruit", "채용", "talent acquisition"),
    "Roadmapping": ("roadmap", "로드맵", "prioritiz", "우선순위"),
    "Stakeholder management": ("stakeholder", "이해관계자", "cross-functional", "유관 부서"),
    "Leadership": ("leadership", "lead a team", "리더십", "팀을 이끌", "team lead", "리드"),
    "Mentoring": ("mentor", "멘토링", "코칭", "coaching", "주니어 육성", "육성"),
    "Communication": ("communication", "커뮤니케이션", "소통", "의사소통"),
    "Collaboration": ("collaborat", "협업", "teamwork"),
    "Project management": ("project management", "프로젝트 관리", "일정 관리", "agile", "scrum"),
    "Code review": ("code review", "코드 리뷰"),
    "Customer support": ("customer support", "고객 지원", "고객 응대", "cs "),
}

# A Korean description's requirements read in Korean: the skills that are not product names.
SKILL_LABELS_KO = {
    "Microservices": "마이크로서비스",
    "Distributed systems": "분산 시스템",
    "Databases": "데이터베이스",
    "Transactions": "트랜잭션",
    "Caching": "캐시",
    "Performance": "성능",
    "System design": "시스템 설계",
    "Testing": "테스트",
    "Observability": "모니터링",
    "Incident response": "장애 대응",
    "Security": "보안",
    "Accessibility": "웹 접근성",
    "Machine learning": "머신러닝",
    "Statistics": "통계",
    "Data analysis": "데이터 분석",
    "Data pipelines": "데이터 파이프라인",
    "User research": "사용자 조사",
    "Content marketing": "콘텐츠 마케팅",
    "Performance marketing": "퍼포먼스 마케팅",
    "Negotiation": "협상",
    "Financial modeling": "재무 모델링",
    "Accounting": "회계",
    "Recruiting": "채용",
    "Roadmapping": "로드맵 수립",
    "Stakeholder management": "이해관계자 관리",
    "Leadership": "리더십",
    "Mentoring": "멘토링",
    "Communication": "커뮤니케이션",
    "Collaboration": "협업",
    "Project management": "프로젝트 관리",
    "Code review": "코드 리뷰",
    "Customer support": "고객 지원",
}

CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    JobCategory.SOFTWARE_ENGINEERING: (
        "engineer",
        "developer",
        "backend",
        "frontend",
        "개발자",
        "엔지니어",
        "백엔드",
        "프론트엔드",
        "소프트웨어",
    ),
    JobCategory.DATA_SCIENCE: (
        "data scientist",
        "data analyst",
        "데이터 분석가",
        "데이터 사이언티스트",
    ),
    JobCategory.PRODUCT_MANAGEMENT: (
        "product manager",
        "product owner",
        "기획자",
        "서비스 기획",
        "pm",
    ),
    JobCategory.DESIGN: ("designer", "디자이너", "ux", "ui"),
    JobCategory.MARKETING: ("marketer", "marketing", "마케터", "마케팅"),
    JobCategory.SALES: ("sales", "account executive", "영업"),
    JobCategory.FINANCE: ("finance", "accountant", "재무", "회계"),
    JobCategory.HUMAN_RESOURCES: ("recruiter", "human resources", "hr ", "인사", "채용 담당"),
    JobCategory.OPERATIONS: ("operations", "운영 매니저", "물류", "supply chain"),
    JobCategory.CUSTOMER_SERVICE: ("customer service", "customer support", "고객 지원", "상담"),
}

_RESPONSIBILITY = re.compile(
    r"\b(?:design|build|develop|own|lead|manage|maintain|operate|analy[sz]e|improve|drive|"
    r"define|collaborate|work with|mentor|run|deliver|implement|scale|plan|support)\w*\b|"
    r"(?:개발|설계|구축|운영|관리|분석|개선|기획|담당|주도|협업|리딩|멘토링|수행|고도화)",
    re.IGNORECASE,
)
_YEARS = re.compile(
    r"(\d+)\s*\+?\s*(?:years?|yrs?)|(\d+)\s*년\s*(?:이상|차)|경력\s*(\d+)\s*년", re.IGNORECASE
)
_SENIOR = re.compile(r"\b(?:senior|lead|staff|principal)\b|시니어|리드|팀장", re.IGNORECASE)
_JUNIOR = re.compile(r"\b(?:junior|entry[- ]level|new grad|graduate)\b|신입|주니어", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•·▪■□◦]|\d+[.)])\s*")
_PROJECT = re.compile(r"project|프로젝트|built|developed|launched|구축|개발|출시", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z+#./-]{2,}|[가-힣]{2,}")
_PARTICLES = re.compile(r"(?:을|를|이|가|은|는|의|에서|에게|으로|로|과|와|및|등|하는|하고|한|할)$")
STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "our",
        "you",
        "your",
        "will",
        "are",
        "have",
        "has",
        "that",
        "this",
        "from",
        "who",
        "what",
        "work",
        "team",
        "years",
        "year",
        "experience",
        "ability",
        "strong",
        "skills",
        "skill",
        "plus",
        "including",
        "across",
        "using",
        "such",
        "관련",
        "경험",
        "이상",
        "우대",
        "능력",
        "업무",
        "있는",
        "분",
        "위한",
        "통한",
        "대한",
        "가능한",
        "기반",
        "보유",
    ]
)


@dataclass(frozen=True)
class Extraction:
    requirements: list[dict] = field(default_factory=list)
    projects: list[dict] = field(default_factory=list)
    category: str = JobCategory.SOFTWARE_ENGINEERING
    difficulty: str = "medium"
    title: str = ""
    provider: str = "offline"


def _lines(text: str) -> list[str]:
    parts = []
    for line in text.splitlines():
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        parts.extend(p.strip() for p in re.split(r"(?<=[.!?])\s+", line) if p.strip())
    return parts


def keywords(text: str, *, limit: int = 8) -> list[str]:
    """The content words of a requirement (lower-case, Korean particles stripped), plus the
    spellings of the skills it names."""
    lowered = text.lower()
    found: list[str] = []
    for name, spellings in SKILLS.items():
        if any(s.strip() in lowered for s in spellings):
            found.extend(s.strip() for s in spellings[:2])
            found.append(name.lower())
    for word in _WORD.findall(lowered):
        word = _PARTICLES.sub("", word)
        if len(word) >= 2 and word not in STOPWORDS:
            found.append(word)
    unique = list(dict.fromkeys(w for w in found if w))
    return unique[: limit + 4]


def requirement(kind: str, text: str, index: int) -> dict:
    text = " ".join(text.split())[:300]
    return {"id": f"r{index}", "kind": kind, "text": text, "keywords": keywords(text)}


def _seniority(text: str, language: str) -> tuple[str, str | None]:
    years = None
    if match := _YEARS.search(text):
        years = int(next(g for g in match.groups() if g))
    if _SENIOR.search(text) or (years is not None and years >= 5):
        difficulty = "hard"
    elif _JUNIOR.search(text) or (years is not None and years <= 1):
        difficulty = "easy"
    else:
        difficulty = "medium"
    labels = {
        "ko": {"hard": "시니어", "medium": "경력", "easy": "신입·주니어"},
        "en": {"hard": "Senior", "medium": "Mid-level", "easy": "Junior"},
    }[language if language == "ko" else "en"]
    if years is not None:
        label = (
            f"{labels[difficulty]} ({years}년 이상 경력)"
            if language == "ko"
            else f"{labels[difficulty]} ({years}+ years of experience)"
        )
    elif difficulty == "medium" and not _SENIOR.search(text):
        return difficulty, None
    else:
        label = labels[difficulty]
    return difficulty, label


def _category(text: str) -> str:
    lowered = f" {text.lower()} "
    votes = {
        category: sum(lowered.count(word) for word in words)
        for category, words in CATEGORY_WORDS.items()
    }
    best = max(votes, key=lambda c: (votes[c], c == JobCategory.SOFTWARE_ENGINEERING))
    return best if votes[best] else JobCategory.SOFTWARE_ENGINEERING


def resume_projects(resume_text: str) -> list[dict]:
    projects = []
    for line in _lines(resume_text):
        if _PROJECT.search(line) and len(line) >= 15:
            title = line if len(line) <= 80 else line[:77].rsplit(" ", 1)[0] + "…"
            projects.append({"title": title, "text": line[:400]})
        if len(projects) >= MAX_PROJECTS:
            break
    return projects


def extract_offline(*, description: str, resume_text: str = "", language: str) -> Extraction:
    lowered = description.lower()
    requirements: list[dict] = []
    for name, spellings in SKILLS.items():
        if any(s.strip() and s in lowered for s in spellings):
            label = SKILL_LABELS_KO.get(name, name) if language == "ko" else name
            requirements.append(requirement("skill", label, len(requirements) + 1))
        if len(requirements) >= MAX_REQUIREMENTS - MAX_RESPONSIBILITIES:
            break
    responsibilities = [
        line for line in _lines(description) if _RESPONSIBILITY.search(line) and len(line) >= 8
    ]
    for line in responsibilities[:MAX_RESPONSIBILITIES]:
        requirements.append(requirement("responsibility", line, len(requirements) + 1))
    difficulty, seniority = _seniority(description, language)
    if seniority:
        requirements.append(requirement("seniority", seniority, len(requirements) + 1))
    first_line = next((line for line in description.splitlines() if line.strip()), "")
    return Extraction(
        requirements=requirements,
        projects=resume_projects(resume_text) if resume_text else [],
        category=_category(description),
        difficulty=difficulty,
        title=first_line.strip()[:200],
    )


def extract(*, description: str, resume_text: str = "", language: str) -> Extraction:
    """With the configured provider: OpenAI when chosen (offline rules on failure), else offline."""
    offline = extract_offline(description=description, resume_text=resume_text, language=language)
    if resolve_provider_name() != "openai":
        return offline
    try:
        found = job_requirements_extract(
            get_ai_service(), description=description, resume_text=resume_text, language=language
        )
    except AIServiceError as exc:
        logger.warning("requirement extraction failed (%s): offline rules used", exc.reason)
        return Extraction(**{**offline.__dict__, "provider": "offline_fallback"})
    requirements = [
        requirement(kind, text, index)
        for index, (kind, text) in enumerate(
            [("skill", s) for s in found.skills]
            + [("responsibility", r) for r in found.responsibilities]
            + ([("seniority", found.seniority)] if found.seniority else []),
            start=1,
        )
    ][: MAX_REQUIREMENTS + 1]
    category = found.category if found.category in JobCategory.values else offline.category
    return Extraction(
        requirements=requirements,
        projects=[{"title": p[:80], "text": p[:400]} for p in found.projects[:MAX_PROJECTS]]
        or offline.projects,
        category=category,
        difficulty=offline.difficulty,
        title=offline.title,
        provider="openai",
    )
