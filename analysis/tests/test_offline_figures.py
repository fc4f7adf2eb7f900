"""What counts as a figure in an English answer: a measure or a count, not a vague quantity
nor the first half of a compound word."""

from __future__ import annotations

import pytest

from analysis.ai.offline.specificity import find_numbers


@pytest.mark.parametrize(
    "text",
    [
        "we found a double-charging bug in the checkout",
        "i double-checked every invoice before the release",
        "a few customers wrote to support about it",
        "several users asked for the old layout back",
    ],
)
def test_vague_quantities_and_compounds_are_not_figures(text):
    assert find_numbers(text, "en") == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("refunds doubled in a month", "doubled"),
        ("it took a few weeks to migrate", "a few weeks"),
        ("twenty customers renewed", "twenty customers"),
        ("the error rate fell by half", "half"),
        ("he delivered on time for the next three sprints", "three sprints"),
        ("we covered two shifts a day", "two shifts"),
    ],
)
def test_measures_and_counts_stay_figures(text, figure):
    assert figure in find_numbers(text, "en")
