"""'kind of' and 'sort of' hedge ("it was kind of slow") unless they name a kind ("the kind of
problem I want to work on"): only the hedge is a filler or vague."""

from __future__ import annotations

import pytest

from analysis.ai.offline.detailed import _EN_FILLERS
from analysis.ai.offline.markers import markers_for


@pytest.mark.parametrize(
    "sentence",
    [
        "that's exactly the kind of problem i want to work on next.",
        "what kind of data do we have?",
        "this sort of request comes in every week.",
    ],
)
def test_a_kind_named_is_no_hedge(sentence):
    assert not _EN_FILLERS.search(sentence)
    assert not markers_for("en").vague.search(sentence)


@pytest.mark.parametrize("sentence", ["it was kind of slow.", "i sort of fixed it."])
def test_a_hedge_is_still_one(sentence):
    assert _EN_FILLERS.search(sentence)
    assert markers_for("en").vague.search(sentence)


def test_honestly_fills_where_it_opens_what_is_said_not_after_a_verb():
    assert _EN_FILLERS.search("Honestly, I think the plan was fine.")
    assert _EN_FILLERS.search("and, honestly, it was late.")
    assert not _EN_FILLERS.search("I'd tell my leadership honestly what the risk was.")
    assert markers_for("en").opinion.search("honestly, it was the right call.")
    assert not markers_for("en").opinion.search("i told the client honestly that we would slip.")
