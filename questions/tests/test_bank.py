"""The bank files themselves: complete, well-formed and without duplicates."""

from collections import Counter

import pytest

from core.choices import BANK_CATEGORIES, Difficulty
from questions.bank import MIN_PER_CATEGORY_DIFFICULTY, load_bank, validate_bank


def test_the_bank_is_sound():
    bank = load_bank()
    assert validate_bank(bank) == []


def test_the_bank_has_enough_questions_in_each_language():
    per_language = Counter(q.language for q in load_bank())
    minimum = len(BANK_CATEGORIES) * len(Difficulty) * MIN_PER_CATEGORY_DIFFICULTY
    assert minimum == 240
    assert per_language["ko"] >= minimum
    assert per_language["en"] >= minimum


def test_every_question_has_keywords_a_sample_answer_and_criteria():
    for question in load_bank():
        assert question.expected_keywords, question.key
        assert len(question.sample_answer) >= 100, question.key
        assert set(question.evaluation_criteria) == {
            "understanding",
            "logic",
            "specificity",
            "job_fit",
        }


def test_korean_keywords_are_bare_stems():
    particles = ("을", "를", "이", "가", "은", "는", "에서", "으로")
    endings = ("했습니다", "합니다", "하고", "했고")
    for question in load_bank(languages=["ko"]):
        for keyword in question.expected_keywords:
            assert not keyword.endswith(endings), (question.key, keyword)
            # A particle glued to a noun of 2+ syllables ("협업을") is the form to avoid.
            if len(keyword) >= 4 and keyword.endswith(particles[:2]):
                raise AssertionError((question.key, keyword))


def test_validation_catches_problems():
    bank = load_bank(languages=["en"], categories=["design"])
    broken = [*bank, bank[0]]
    problems = validate_bank(broken)
    assert any("duplicate key" in p for p in problems)
    assert any("ko/design/easy: 0 questions" in p for p in problems)


def test_the_question_filterset_refuses_an_invalid_value_instead_of_ignoring_it(db):
    from interview_platform.api.errors import ApplicationError
    from questions.selectors import question_list

    with pytest.raises(ApplicationError) as refused:
        question_list(filters={"category": "astronaut"})
    assert refused.value.code == "invalid_filter"
    assert "category" in refused.value.details["fields"]
