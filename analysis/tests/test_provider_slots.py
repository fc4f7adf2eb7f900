"""An analysis that finds every provider slot taken waits in its queue, each wait twice the one
before (up to a minute), and keeps its offline result after about five minutes of waiting."""

from __future__ import annotations

import pytest

from analysis.tasks import PROVIDER_WAIT_LONGEST, PROVIDER_WAITS, analyze_answer_task
from interview_platform import slots
from interview_platform.tests.test_slots import FakeTask, every_slot_taken, sends_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider_slots_taken(settings):
    settings.AI_PROVIDER, settings.OPENAI_API_KEY = "openai", "sk-test-fake"
    with every_slot_taken(settings, "ANALYSIS_PROVIDER_SLOTS"):
        yield


@pytest.fixture
def sent(monkeypatch):
    return sends_of(analyze_answer_task, monkeypatch)


def test_an_analysis_without_a_slot_waits_longer_each_time(provider_slots_taken, sent):
    for postponed in (0, 1, 5, 8):
        assert analyze_answer_task("answer-id", upgrade_of=2, postponed=postponed) == "postponed"
    kwargs = [call[0][1] for call in sent]
    waits = [call[1]["countdown"] for call in sent]
    assert kwargs == [{"upgrade_of": 2, "postponed": n} for n in (1, 2, 6, 9)]
    assert waits == [1.0, 2.0, 32.0, PROVIDER_WAIT_LONGEST]


def test_after_its_waits_an_analysis_keeps_its_offline_result(provider_slots_taken, sent):
    assert analyze_answer_task("answer-id", postponed=PROVIDER_WAITS) == "provider busy"
    assert sent == []
    # About five minutes of waiting in all.
    total = sum(slots.postponement(n, PROVIDER_WAIT_LONGEST) for n in range(PROVIDER_WAITS))
    assert 240 <= total <= 360


def test_the_offline_provider_takes_no_slot(settings, sent):
    settings.AI_PROVIDER = "offline"
    settings.ANALYSIS_PROVIDER_SLOTS = 1
    with slots.slot(FakeTask(), "ANALYSIS_PROVIDER_SLOTS"):
        # No such analysis: the claim finds nothing to do, without waiting for a slot.
        assert analyze_answer_task("00000000-0000-0000-0000-000000000000") == "skipped"
    assert sent == []
