"""Offline question generation: per type and language, deterministic, never a duplicate."""

import re

import pytest

from analysis.ai.base import PermanentAIError
from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.generator import SIMILARITY_LIMIT, _similar
from analysis.ai.offline.text import content_stems
from core.choices import BANK_CATEGORIES, Difficulty, QuestionType


def _generate(category="software_engineering", difficulty="medium", previous=(), **kwargs):
    kwargs.setdefault("language", "en")
    return OfflineAIService().generate_question(category, difficulty, list(previous), **kwargs)


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("question_type", QuestionType.values)
@pytest.mark.parametrize("difficulty", Difficulty.values)
def test_it_generates_each_type_in_each_language(language, question_type, difficulty):
    q = _generate(difficulty=difficulty, language=language, question_type=question_type)
    assert q.type == question_type
    assert q.language == language
    assert q.difficulty == difficulty
    assert bool(re.search(r"[가-힣]", q.question)) == (language == "ko")
    assert "{" not in q.question and "}" not in q.question
    assert len(q.expected_keywords) >= 3
    assert set(q.evaluation_criteria) == {"understanding", "logic", "specificity", "jobFit"}
    assert "[" in q.sample_answer  # an outline with placeholders, not an invented story


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("category", [c.value for c in BANK_CATEGORIES])
def test_generated_questions_never_repeat_previous_ones(language, category):
    previous: list[str] = []
    for i in range(12):
        q = _generate(
            category=category,
            language=language,
            question_type=QuestionType.values[i % 3],
            previous=previous,
        )
        stems = set(content_stems(q.question))
        assert q.question not in previous
        assert all(_similar(stems, set(content_stems(p))) < SIMILARITY_LIMIT for p in previous)
        previous.append(q.question)


def test_it_avoids_an_existing_question_and_its_near_duplicates():
    first = _generate(question_type="technical")
    near_copy = first.question.replace("?", "? ").upper()
    second = _generate(question_type="technical", previous=[near_copy])
    assert second.question != first.question


def test_the_same_request_gives_the_same_question():
    args = {"language": "ko", "question_type": "situational", "previous": ["이전 질문입니다."]}
    assert _generate(**args) == _generate(**args)


def test_korean_particles_agree_with_the_topic():
    for i in range(20):
        q = _generate(language="ko", question_type="behavioral", previous=[str(i)])
        assert not re.search(r"[가-힣]/[가-힣]", q.question.split("?")[0])
        assert not re.search(r"[^\s가-힣]?(?:을를|이가|과와)", q.question)


def test_it_says_so_when_every_variant_is_taken():
    previous: list[str] = []
    with pytest.raises(PermanentAIError) as caught:
        for _ in range(200):
            q = _generate(difficulty="easy", question_type="behavioral", previous=previous)
            previous.append(q.question)
    assert caught.value.reason == "no_unique_question"
    assert len(set(previous)) == len(previous) > 5


def test_a_job_description_steers_the_topic():
    q = _generate(
        question_type="technical",
        job_description="You will run our on-call rotation, lead incident postmortems and own "
        "the monitoring stack (Datadog, Kubernetes).",
    )
    assert "This role involves" in q.question
    assert {"incident", "postmortem", "monitoring"} & set(q.expected_keywords)


def test_a_custom_category_names_the_role_and_uses_general_topics():
    q = _generate(category="custom", custom_category="Game designer", language="en")
    assert q.question.startswith("For a Game designer role:")
    assert q.custom_category == "Game designer"
    ko = _generate(category="custom", custom_category="게임 기획자", language="ko")
    assert ko.question.startswith("게임 기획자 직무 질문입니다.")


def test_an_unknown_question_type_is_refused():
    with pytest.raises(PermanentAIError):
        _generate(question_type="riddle")
