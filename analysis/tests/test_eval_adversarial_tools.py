"""`make eval`'s own tools: the language the coaching is written in, determinism across
processes, the held-out set kept apart, and README figures that are the ones `make eval` prints."""

import dataclasses
import re
from pathlib import Path

import pytest

from analysis.ai.offline import OfflineAIService
from analysis.ai.types import AnalysisContext, QuestionContext
from analysis.eval.adversarial import (
    DEFAULT_FILES,
    HELDOUT2_FILES,
    HELDOUT3_FILES,
    HELDOUT4_FILES,
    HELDOUT5_FILES,
    HELDOUT6_FILES,
    HELDOUT7_FILES,
    HELDOUT8_FILES,
    HELDOUT9_FILES,
    HELDOUT10_FILES,
    HELDOUT_FILES,
    TYPED_DEV_FILES,
    _check,
    coaching_language,
    load_adversarial_set,
    run_adversarial,
)
from analysis.eval.determinism import check_determinism
from analysis.management.commands.evaluate_analysis import HELDOUT_SETS

QUESTION = QuestionContext(
    text="Tell me about a time you fixed a slow API.", category="software_engineering"
)
ANSWER = (
    "Our order API took 1.8 seconds at peak. I profiled it and found an N+1 query, rewrote it "
    "with a join and added an index. Latency fell to 200 ms at p95."
)
README = Path(__file__).resolve().parents[2] / "README.md"


def _analyse(text, language):
    return OfflineAIService().analyze_answer(
        QUESTION, text, AnalysisContext(job_category="software_engineering", language=language)
    )


def test_coaching_language_reads_our_words_not_the_quotes():
    out = _analyse(ANSWER, "en")
    assert coaching_language(out) == "en"
    korean = _analyse(
        "주문 API가 피크 때 1.8초 걸렸습니다. 프로파일링으로 N+1 쿼리를 찾아 조인으로 바꾸고 "
        "인덱스를 추가했습니다. 그 결과 p95 응답 시간이 200ms로 줄었습니다.",
        "ko",
    )
    assert coaching_language(korean) == "ko"


def test_determinism_is_checked_in_a_fresh_process_too():
    cases = [("a", QUESTION, ANSWER), ("b", QUESTION, ANSWER + " I learned to measure first.")]
    report = check_determinism(cases)
    assert report.held
    assert report.cases == report.same_process == report.fresh_process == 2


def test_the_held_out_set_is_apart_from_the_development_set():
    development = load_adversarial_set(DEFAULT_FILES)
    held_out = load_adversarial_set(HELDOUT_FILES)
    assert {q.id for q in development}.isdisjoint({q.id for q in held_out})
    assert {q.honest for q in development}.isdisjoint({q.honest for q in held_out})
    for language in ("ko", "en"):
        kinds = {a.kind for q in held_out if q.language == language for a in q.attacks}
        assert kinds >= {"off_topic", "padding", "copied_question", "repetition"}
        assert kinds >= {"other_language", "evaluator_directed"}


def test_the_second_held_out_set_is_new_and_covers_every_attack():
    earlier = [*load_adversarial_set(DEFAULT_FILES), *load_adversarial_set(HELDOUT_FILES)]
    second = load_adversarial_set(HELDOUT2_FILES)
    assert {q.id for q in earlier}.isdisjoint({q.id for q in second})
    assert {q.honest for q in earlier}.isdisjoint({q.honest for q in second})
    texts = {a.text for q in earlier for a in q.attacks}
    assert not texts & {a.text for q in second for a in q.attacks if a.text != q.honest}
    common = {
        "off_topic",
        "padding",
        "copied_question",
        "repetition",
        "rambling",
        "other_language",
        "evaluator_directed",
        "abusive_tone",
        "profanity_trap",
        "abuse",
    }
    for language, surface in (("ko", "ko_surface"), ("en", "en_surface")):
        attacks = [a for q in second if q.language == language for a in q.attacks]
        assert len(attacks) >= 25
        assert {a.kind for a in attacks} >= common | {surface}
        # text for the evaluator in several wordings, not one phrase
        assert len({a.text for a in attacks if a.kind == "evaluator_directed"}) >= 4


# Every set in the order it was written; each held-out set from the third on is checked against
# all the sets before it.
SETS_IN_ORDER = (DEFAULT_FILES, *(files for files, _ in HELDOUT_SETS))
# How many typed questions (no expected keywords) each language must have: the sixth set was
# written to a brief that gave every question its keywords (typed questions are in the others).
TYPED = {"third": 2, "fourth": 2, "fifth": 2, "sixth": 0, "seventh": 2}


@pytest.mark.parametrize(
    ("earlier_files", "new_files", "typed"),
    [(SETS_IN_ORDER[: k + 3], SETS_IN_ORDER[k + 3], n) for k, n in enumerate(TYPED.values())],
    ids=list(TYPED),
)
def test_a_later_held_out_set_is_new_and_covers_every_attack(earlier_files, new_files, typed):
    earlier = [q for files in earlier_files for q in load_adversarial_set(files)]
    third = load_adversarial_set(new_files)
    assert {q.id for q in earlier}.isdisjoint({q.id for q in third})
    assert {q.question for q in earlier}.isdisjoint({q.question for q in third})
    assert {q.honest for q in earlier}.isdisjoint({q.honest for q in third})
    texts = {a.text for q in earlier for a in q.attacks}
    assert not texts & {a.text for q in third for a in q.attacks if a.text != q.honest}
    common = {
        "off_topic",
        "padding",
        "copied_question",
        "repetition",
        "rambling",
        "other_language",
        "evaluator_directed",
        "abusive_tone",
        "profanity_trap",
        "abuse",
        "ideal_answer",
        "feedback_truth",
    }
    for language, surface in (
        ("ko", {"ko_surface", "ko_register", "ko_fillers"}),
        ("en", {"en_surface"}),
    ):
        questions = [q for q in third if q.language == language]
        attacks = [a for q in questions if q.language == language for a in q.attacks]
        assert len(questions) >= 10
        assert len(attacks) >= 40
        assert {a.kind for a in attacks} >= common | surface
        assert len({a.text for a in attacks if a.kind == "evaluator_directed"}) >= 4
        # typed questions with no expected keywords, as a custom question would be
        assert sum(not q.expected_keywords for q in questions) >= typed


def test_an_ideal_answer_with_a_figure_the_answer_never_gave_is_caught():
    out = _analyse(ANSWER, "en")
    expect = {"ideal_no_new_figures": True}
    kept = dataclasses.replace(
        out, ideal_answer="Latency fell from 1.8 seconds to 200 ms [p99: …]."
    )
    invented = dataclasses.replace(out, ideal_answer="Latency fell to 200 ms, a 90% cut.")
    assert _check(expect, out, kept, "") == [
        ("ideal invents no figure", True, "not in the answer: []")
    ]
    assert _check(expect, out, invented, "") == [
        ("ideal invents no figure", False, "not in the answer: ['90']")
    ]


def test_the_readme_states_the_figures_make_eval_prints(django_db_blocker):
    text = README.read_text(encoding="utf-8")
    service = OfflineAIService()
    for name, files in (
        ("development", DEFAULT_FILES),
        ("first held-out", HELDOUT_FILES),
        ("second held-out", HELDOUT2_FILES),
        ("third held-out", HELDOUT3_FILES),
        ("fourth held-out", HELDOUT4_FILES),
        ("fifth held-out", HELDOUT5_FILES),
        ("sixth held-out", HELDOUT6_FILES),
        ("seventh held-out", HELDOUT7_FILES),
        ("eighth held-out", HELDOUT8_FILES),
        ("ninth held-out", HELDOUT9_FILES),
        ("tenth held-out", HELDOUT10_FILES),
        ("typed-question development", TYPED_DEV_FILES),
    ):
        with django_db_blocker.unblock():
            report = run_adversarial(load_adversarial_set(files), service)
        figures = {g: report.count(language=g) for g in ("ko", "en", None)}
        stated = re.search(
            rf"(?<![\w-]){name}\s+set:\s+(\d+)/(\d+)\s+expectations\s+\(ko\s+(\d+)/(\d+),\s+en\s+(\d+)/(\d+)\)",
            text,
        )
        assert stated, f"README states no {name} figures"
        numbers = [int(x) for x in stated.groups()]
        assert numbers == [*figures[None], *figures["ko"], *figures["en"]], name
