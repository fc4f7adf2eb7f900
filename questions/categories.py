"""Localized names and descriptions of job categories and difficulties (ko, en)."""

from __future__ import annotations

from core.choices import Difficulty, JobCategory

CATEGORY_TEXT: dict[str, dict[str, tuple[str, str]]] = {
    JobCategory.SOFTWARE_ENGINEERING: {
        "en": ("Software engineering", "Backend, frontend, mobile and platform engineering roles."),
        "ko": ("소프트웨어 개발", "백엔드, 프론트엔드, 모바일, 플랫폼 개발 직무"),
    },
    JobCategory.DATA_SCIENCE: {
        "en": ("Data science and analytics", "Data analysts, data scientists and ML engineers."),
        "ko": ("데이터 분석·과학", "데이터 분석가, 데이터 사이언티스트, 머신러닝 엔지니어 직무"),
    },
    JobCategory.PRODUCT_MANAGEMENT: {
        "en": ("Product management", "Product managers and service planners."),
        "ko": ("서비스 기획·PM", "프로덕트 매니저와 서비스 기획자 직무"),
    },
    JobCategory.DESIGN: {
        "en": ("Design", "Product, UX/UI and visual designers."),
        "ko": ("디자인", "프로덕트, UX/UI, 비주얼 디자이너 직무"),
    },
    JobCategory.MARKETING: {
        "en": ("Marketing", "Performance, brand, content and growth marketing."),
        "ko": ("마케팅", "퍼포먼스, 브랜드, 콘텐츠, 그로스 마케팅 직무"),
    },
    JobCategory.SALES: {
        "en": ("Sales", "B2B and B2C sales, account management and business development."),
        "ko": ("영업", "B2B·B2C 영업, 고객 관리, 사업 개발 직무"),
    },
    JobCategory.FINANCE: {
        "en": ("Finance and accounting", "Financial analysis, accounting, treasury and FP&A."),
        "ko": ("재무·회계", "재무 분석, 회계, 자금, 경영 기획 직무"),
    },
    JobCategory.HUMAN_RESOURCES: {
        "en": ("Human resources", "Recruiting, people operations, compensation and culture."),
        "ko": ("인사·HR", "채용, 인사 운영, 평가·보상, 조직문화 직무"),
    },
    JobCategory.OPERATIONS: {
        "en": ("Operations", "Operations, supply chain, logistics and process improvement."),
        "ko": ("운영·SCM", "운영 관리, 공급망, 물류, 프로세스 개선 직무"),
    },
    JobCategory.CUSTOMER_SERVICE: {
        "en": ("Customer service", "Customer support, success and service quality."),
        "ko": ("고객 서비스·CS", "고객 상담, 고객 성공, 서비스 품질 관리 직무"),
    },
    JobCategory.CUSTOM: {
        "en": ("Custom role", "Any other role: questions are generated for the role you name."),
        "ko": ("직접 입력", "원하는 직무를 입력하면 그 직무에 맞는 질문을 생성합니다"),
    },
}

DIFFICULTY_TEXT: dict[str, dict[str, str]] = {
    Difficulty.EASY: {"en": "Easy", "ko": "쉬움"},
    Difficulty.MEDIUM: {"en": "Medium", "ko": "보통"},
    Difficulty.HARD: {"en": "Hard", "ko": "어려움"},
}


def category_text(category: str, language: str) -> tuple[str, str]:
    texts = CATEGORY_TEXT[category]
    return texts.get(language) or texts["en"]


def difficulty_name(difficulty: str, language: str) -> str:
    names = DIFFICULTY_TEXT[difficulty]
    return names.get(language) or names["en"]
