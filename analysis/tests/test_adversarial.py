"""The adversarial set (`make eval`): attacks on the offline scorer, each paired with an honest
answer to the same question, and the relations the issue's "done when" demands of every case."""

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.eval.adversarial import (
    TARGET_SHARE,
    load_adversarial_set,
    run_adversarial,
)

ATTACKS_IN_BOTH = {
    "off_topic",
    "padding",
    "copied_question",
    "repetition",
    "rambling",
    "other_language",
    "evaluator_directed",
    "profanity_trap",
    "abuse",
    "abusive_tone",
}


@pytest.fixture(scope="module")
def questions():
    return load_adversarial_set()


@pytest.fixture(scope="module")
def report(questions, django_db_blocker):
    with django_db_blocker.unblock():
        return run_adversarial(questions, OfflineAIService())


def test_the_set_covers_every_attack_in_both_languages(questions):
    for language in ("ko", "en"):
        kinds = {a.kind for q in questions if q.language == language for a in q.attacks}
        assert kinds >= ATTACKS_IN_BOTH, ATTACKS_IN_BOTH - kinds
    kinds = {a.kind for q in questions for a in q.attacks}
    assert {"ko_surface", "ko_register", "ko_fillers", "en_surface", "ideal_answer"} <= kinds


@pytest.mark.parametrize("language", ["ko", "en", None], ids=["ko", "en", "overall"])
def test_the_offline_scorer_holds_the_expectations(report, language):
    assert report.share(language=language) >= TARGET_SHARE


@pytest.mark.parametrize(
    ("attack", "expectation"),
    [
        ("off_topic", "below honest by 20"),
        ("off_topic", "flag off_topic"),
        ("padding", "not above honest"),
        ("repetition", "at most 35"),
        ("copied_question", "at most 35"),
        ("evaluator_directed", "not above honest"),
        ("honest_clean", "honest answer accepted, scored, no flag"),
        ("abuse", "validation refuse"),
        ("profanity_trap", "validation accept"),
    ],
)
def test_what_must_hold_for_every_case(report, attack, expectation):
    rows = [o for o in report.outcomes if o.attack == attack and o.expectation == expectation]
    assert rows
    assert [o for o in rows if not o.held] == []


def test_a_refusal_names_the_word(report):
    rows = [o for o in report.outcomes if o.expectation.startswith("refusal names")]
    assert len(rows) >= 4
    assert all(o.held for o in rows)


def test_text_addressed_to_the_evaluator_is_never_quoted(report):
    rows = [
        o
        for o in report.outcomes
        if o.attack == "evaluator_directed" and o.expectation.startswith("feedback excludes")
    ]
    assert rows and all(o.held for o in rows)
