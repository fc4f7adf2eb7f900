"""Connectors: 'first', 'next' and 'then' are steps when they order what was done, not
when they name which one ("my first job", "the next three months") or when ("back then"); a
purpose told by who gets what ("so screen reader users hear …") is a reason."""

from __future__ import annotations

import pytest

from analysis.ai.offline.markers import markers_for


@pytest.mark.parametrize(
    "sentence",
    [
        "in my first month i closed 14 deals.",
        "the first call went badly.",
        "our first customer churned after a week.",
        "it worked on a first attempt.",
        "that was my first job out of university.",
        "sales fell in the second quarter.",
        "we expect churn to fall over the next three months.",
        "i put a sign next to it.",
        "we agreed on next steps.",
        "back then we had no monitoring.",
    ],
)
def test_first_naming_which_one_is_no_step(sentence):
    assert markers_for("en").sequence.findall(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "first, i checked the logs.",
        "first i would ask what they like about the vendor.",
        "the first thing i did was call the customer.",
        "my first step would be to reproduce the bug.",
        "i first rolled the config back.",
        "second, i would check the contract date.",
        "next, i would call the customer.",
        "then i rolled the config back.",
        "i ran axe in ci and then tested by hand.",
    ],
)
def test_first_ordering_what_was_done_is_a_step(sentence):
    assert markers_for("en").sequence.findall(sentence) != []


@pytest.mark.parametrize(
    "sentence",
    [
        "focus moves to a summary so screen reader users hear what failed.",
        "i set up a shared calendar so the nurses could swap shifts.",
    ],
)
def test_a_purpose_told_by_who_gets_what_is_a_reason(sentence):
    assert markers_for("en").causal.findall(sentence) != []


@pytest.mark.parametrize(
    "sentence", ["so many people can attend now.", "so far we have kept it.", "i was so tired."]
)
def test_so_as_a_quantity_is_no_reason(sentence):
    assert markers_for("en").causal.findall(sentence) == []


def test_a_hyphenated_second_is_a_unit_not_a_step():
    assert markers_for("en").sequence.findall("i'd add a 60-second video to the first email.") == []


@pytest.mark.parametrize(
    "sentence",
    ["업무의 우선순위를 정했습니다.", "고객 문의를 최우선으로 처리했습니다.", "NPV를 우선합니다."],
)
def test_priority_is_no_order_of_steps(sentence):
    assert markers_for("ko").sequence.findall(sentence) == []


def test_first_of_all_in_korean_is_still_a_step():
    assert markers_for("ko").sequence.findall("우선 로그를 확인하겠습니다.") == ["우선"]
