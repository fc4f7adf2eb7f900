"""The quality harness and `manage.py evaluate_analysis`, and the targets the offline provider
must meet on the project's graded set and on the held-out set."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from analysis.ai.offline import OfflineAIService
from analysis.eval.harness import (
    DEFAULT_FILE,
    HOLDOUT_FILE,
    TARGET_GAP,
    TARGET_PAIR_SHARE,
    evaluate,
    infer_category,
    load_graded_set,
)


@pytest.fixture(scope="module")
def graded_report():
    return evaluate(load_graded_set(DEFAULT_FILE), OfflineAIService(), provider="offline")


@pytest.fixture(scope="module")
def holdout_report():
    return evaluate(load_graded_set(HOLDOUT_FILE), OfflineAIService(), provider="offline")


def test_the_graded_set_has_the_documented_shape():
    questions = load_graded_set(DEFAULT_FILE)
    assert len(questions) >= 40
    assert sum(q.language == "ko" for q in questions) == sum(q.language == "en" for q in questions)
    assert all({a.label for a in q.answers} == {"good", "ok", "bad"} for q in questions)


@pytest.mark.parametrize("group", ["ko", "en", "overall"])
def test_the_offline_provider_meets_the_targets_on_the_graded_set(graded_report, group):
    stats = graded_report.groups[group]
    assert stats.share >= TARGET_PAIR_SHARE
    assert stats.gap >= TARGET_GAP


@pytest.mark.parametrize("group", ["ko", "en", "overall"])
def test_the_offline_provider_meets_the_targets_on_the_held_out_set(holdout_report, group):
    stats = holdout_report.groups[group]
    assert stats.share >= TARGET_PAIR_SHARE
    assert stats.gap >= TARGET_GAP


def test_the_held_out_set_is_bilingual_and_separate():
    holdout = load_graded_set(HOLDOUT_FILE)
    graded = {q.question for q in load_graded_set(DEFAULT_FILE)}
    assert sum(q.language == "ko" for q in holdout) >= 5
    assert sum(q.language == "en" for q in holdout) >= 5
    assert not graded & {q.question for q in holdout}


@pytest.mark.parametrize(
    ("role", "category"),
    [
        ("Software Engineer", "software_engineering"),
        ("Backend Developer", "software_engineering"),
        ("Data Scientist", "data_science"),
        ("Product Manager", "product_management"),
        ("Product Designer", "design"),
        ("Marketing Manager", "marketing"),
        ("Account Executive", "sales"),
        ("Financial Analyst", "finance"),
        ("Accountant", "finance"),
        ("Finance Controller", "finance"),
        ("HR Specialist", "human_resources"),
        ("Recruiter", "human_resources"),
        ("Operations Manager", "operations"),
        ("Customer Service Representative", "customer_service"),
        ("Customer Support Lead", "customer_service"),
    ],
)
def test_roles_map_to_job_categories(role, category):
    assert infer_category(role) == (category, "")


def test_an_unknown_role_becomes_a_custom_category():
    assert infer_category("Clinic Manager") == ("custom", "Clinic Manager")
    # A controller who is not a finance one keeps their own role.
    assert infer_category("Air Traffic Controller") == ("custom", "Air Traffic Controller")


def test_a_malformed_line_is_reported_with_its_number(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.jsonl:1"):
        load_graded_set(path)


def test_the_command_prints_the_figures_per_language_and_overall():
    out = StringIO()
    call_command("evaluate_analysis", file=str(HOLDOUT_FILE), no_timing=True, stdout=out)
    text = out.getvalue()
    for label in ("ko ", "en ", "overall", "targets:", "met", "baseline, longer answer wins"):
        assert label in text


def test_the_command_fails_a_check_when_the_targets_are_missed(tmp_path):
    # The same questions with the grades reversed: a sensible scorer must now "fail".
    flipped = {"good": "bad", "bad": "good", "ok": "ok"}
    lines = []
    for line in HOLDOUT_FILE.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        row["answers"] = [{**a, "label": flipped[a["label"]]} for a in row["answers"]]
        lines.append(json.dumps(row, ensure_ascii=False))
    path = tmp_path / "flipped.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CommandError, match="targets not met"):
        call_command(
            "evaluate_analysis", file=str(path), no_timing=True, check=True, stdout=StringIO()
        )


def test_the_command_refuses_a_missing_file():
    with pytest.raises(CommandError, match="no graded set"):
        call_command("evaluate_analysis", file="nope.jsonl", stdout=StringIO())


def test_the_command_explains_an_unavailable_provider(settings):
    settings.OPENAI_API_KEY = ""
    with pytest.raises(CommandError, match="not available"):
        call_command("evaluate_analysis", provider="openai", no_timing=True, stdout=StringIO())
