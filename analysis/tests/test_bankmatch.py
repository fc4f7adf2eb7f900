"""Relevance against the question bank (bankmatch.py): is an answer closer to a different
question of the bank than to the one asked? Bank answers of other questions, in both languages,
must read as off topic; the asked question's own sample answer must not."""

import json

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.offline.bankmatch import BANK_DIR, bank_index, match
from analysis.ai.types import AnalysisContext
from analysis.tests.bank_questions import question_context


def _bank(language):
    rows = []
    for path in sorted((BANK_DIR / language).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        rows += [(data["category"], q) for q in data["questions"]]
    return rows


_context = question_context


def test_the_index_loads_every_bank_question_of_a_language():
    for language in ("ko", "en"):
        index = bank_index(language)
        assert index is not None
        assert len(index.entries) == len(_bank(language)) >= 200


def test_a_missing_bank_gives_no_index(tmp_path):
    assert bank_index("en", str(tmp_path)) is None


def test_an_index_from_a_small_bank_on_disk(tmp_path):
    (tmp_path / "en").mkdir()
    questions = [
        {
            "key": "a",
            "question": "How do you size a database index?",
            "expectedKeywords": ["index"],
            "sampleAnswer": "I measure the query plan and add a composite index on the filter.",
        },
        {
            "key": "b",
            "question": "How do you plan a marketing campaign?",
            "expectedKeywords": [],
            "sampleAnswer": "I set a budget, pick channels and track conversions with UTM tags.",
        },
    ]
    (tmp_path / "en" / "x.json").write_text(json.dumps({"questions": questions}))
    index = bank_index("en", str(tmp_path))
    assert [e.key for e in index.entries] == ["a", "b"]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_an_answer_to_another_bank_question_is_closer_to_it(language):
    bank = _bank(language)
    misses = []
    for i in range(0, len(bank), 12):
        category, q = bank[i]
        _, other = bank[(i + 41) % len(bank)]
        context = _context(category, q, language)
        own = match(context, q["sampleAnswer"], language)
        away = match(context, other["sampleAnswer"], language)
        if not own.ratio > 1.0 > 0.6 > away.ratio:
            misses.append((q["key"], other["key"], own.ratio, away.ratio))
    assert misses == []


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_scorer_flags_an_answer_to_another_bank_question(language):
    """Sessions ask bank questions: another question's (strong) answer is off topic, scores at
    least 20 under the asked question's own, and the own answer carries no flag."""
    service = OfflineAIService()
    bank = _bank(language)
    for i in (3, 77, 151, 202):
        category, q = bank[i]
        context = _context(category, q, language, sample=False)
        analysis = AnalysisContext(job_category=category, language=language)
        own = service.analyze_answer(context, q["sampleAnswer"], analysis)
        _, other = bank[(i + 29) % len(bank)]
        away = service.analyze_answer(context, other["sampleAnswer"], analysis)
        assert "off_topic" not in {f["code"] for f in own.flags}, q["key"]
        assert "off_topic" in {f["code"] for f in away.flags}, (q["key"], other["key"])
        assert away.total <= own.total - 20, (q["key"], own.total, away.total)


def test_the_match_is_deterministic():
    category, q = _bank("en")[10]
    context = _context(category, q, "en")
    text = _bank("en")[50][1]["sampleAnswer"]
    assert match(context, text, "en") == match(context, text, "en")
