"""A typed question's type is read from its wording, so the coaching asks for what it asks."""

from __future__ import annotations

import pytest

from questions.bank import load_bank
from questions.question_types import infer_question_type

CASES = [
    ("en", "behavioral", "Describe a serious outage you handled."),
    ("en", "behavioral", "Walk me through an incident you were responsible for."),
    ("en", "behavioral", "What is the hardest bug you have ever fixed?"),
    ("en", "behavioral", "Have you ever had to deliver bad news to a client?"),
    ("en", "behavioral", "Tell me about yourself."),
    ("en", "technical", "How would you design a rate limiter for a public API?"),
    ("en", "technical", "What happens when you type a URL into a browser and press enter?"),
    ("en", "technical", "How do you decide between SQL and NoSQL for a new service?"),
    (
        "en",
        "situational",
        "Two days before a major release, you discover that a teammate's code introduces a "
        "security vulnerability. What do you do?",
    ),
    ("en", "situational", "If you joined our team tomorrow, what would you do first?"),
    ("ko", "behavioral", "업무를 자동화해 본 경험이 있으신가요?"),
    ("ko", "behavioral", "가장 크게 실패했던 프로젝트는 무엇인가요?"),
    ("ko", "behavioral", "고객의 불만을 해결해 본 적이 있나요?"),
    ("ko", "behavioral", "본인의 강점과 약점은 무엇인가요?"),
    ("ko", "technical", "REST API와 GraphQL의 차이를 설명해 주세요."),
    ("ko", "technical", "사용자 경험을 해치지 않고 로딩 속도를 줄이는 방법은 무엇인가요?"),
    ("ko", "technical", "트래픽이 급증하는 서비스를 어떻게 설계하시겠습니까?"),
    ("ko", "situational", "출시 이틀 전 동료 코드에서 보안 취약점을 발견했다면 어떻게 하시겠어요?"),
    ("ko", "situational", "팀장이 보고서 수치를 유리하게 바꾸라고 지시한다면 어떻게 하시겠어요?"),
]


@pytest.mark.parametrize(("language", "expected", "text"), CASES)
def test_a_typed_question_gets_the_type_its_wording_asks_for(language, expected, text):
    assert infer_question_type(text, language) == expected


def test_the_bank_questions_are_read_as_their_authors_typed_them():
    questions = [(q.language, q.type, q.question) for q in load_bank()]
    assert len(questions) >= 400
    story = sum(
        (infer_question_type(text, language) == "behavioral") == (kind == "behavioral")
        for language, kind, text in questions
    )
    exact = sum(infer_question_type(text, language) == kind for language, kind, text in questions)
    # A story or not is what changes the coaching most; situational and technical overlap.
    assert story / len(questions) >= 0.98
    assert exact / len(questions) >= 0.92
