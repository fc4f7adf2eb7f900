"""Slots: a kind of work takes at most N of the worker's threads; beyond them a task is sent
back to its queue for a moment instead of waiting on a thread."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace

from interview_platform import slots


class FakeTask:
    """What `slot` and `send_again` read of a bound Celery task: its request and apply_async."""

    def __init__(self, *, eager: bool = False, retries: int = 0) -> None:
        self.request = SimpleNamespace(is_eager=eager, retries=retries)
        self.sent: list[tuple] = []

    def apply_async(self, args, kwargs, **options):
        self.sent.append((args, kwargs, options))


@contextmanager
def every_slot_taken(settings, setting: str) -> Iterator[None]:
    """One slot of `setting`, held by another task for the block."""
    setattr(settings, setting, 1)
    with slots.slot(FakeTask(), setting) as held:
        assert held
        yield


def sends_of(task, monkeypatch) -> list[tuple]:
    """What `task` sends to its queue from now on: (args, options) of each apply_async."""
    calls: list[tuple] = []
    monkeypatch.setattr(task, "apply_async", lambda *args, **options: calls.append((args, options)))
    return calls


def test_a_kind_holds_at_most_its_slots_and_gives_each_back(settings):
    settings.EXPORT_SLOTS = 2
    task = FakeTask()
    with (
        slots.slot(task, "EXPORT_SLOTS") as first,
        slots.slot(task, "EXPORT_SLOTS") as second,
        slots.slot(task, "EXPORT_SLOTS") as third,
    ):
        assert (first, second, third) == (True, True, False)
    with slots.slot(task, "EXPORT_SLOTS") as again:
        assert again


def test_a_slot_is_given_back_when_the_task_raises(settings):
    settings.EXPORT_SLOTS = 1
    task = FakeTask()
    try:
        with slots.slot(task, "EXPORT_SLOTS"):
            raise RuntimeError("the export broke")
    except RuntimeError:
        pass
    with slots.slot(task, "EXPORT_SLOTS") as free:
        assert free


def test_each_kind_counts_its_own_slots(settings):
    settings.EXPORT_SLOTS, settings.ANALYSIS_PROVIDER_SLOTS = 1, 1
    task = FakeTask()
    with (
        slots.slot(task, "EXPORT_SLOTS") as export,
        slots.slot(task, "ANALYSIS_PROVIDER_SLOTS") as provider,
    ):
        assert export and provider


def test_an_eager_task_always_has_a_slot(settings):
    """The embedded mode runs tasks in the request that queued them: there is no queue to send
    one back to (it would run again at once, in the same request)."""
    settings.EXPORT_SLOTS = 1
    with slots.slot(FakeTask(), "EXPORT_SLOTS") as held:
        assert held
        with slots.slot(FakeTask(eager=True), "EXPORT_SLOTS") as eager:
            assert eager


def test_a_task_without_a_slot_is_postponed_with_its_retry_count_and_stamp_kept():
    task = FakeTask(retries=2)
    task.request.published_at = 1234.5
    assert slots.send_again(task, "answer-id", upgrade_of=3, postponed=1, longest=60) == "postponed"
    assert task.sent == [
        (
            ("answer-id",),
            {"upgrade_of": 3, "postponed": 2},
            {"countdown": 2.0, "retries": 2, "headers": {"published_at": 1234.5}},
        )
    ]


def test_each_postponement_waits_twice_as_long_up_to_the_longest():
    waits = [slots.postponement(n, longest=10) for n in range(6)]
    assert waits == [1.0, 2.0, 4.0, 8.0, 10, 10]
    assert slots.postponement(500, longest=60) == 60


def test_a_changed_setting_makes_a_new_semaphore(settings):
    settings.EXPORT_SLOTS = 1
    task = FakeTask()
    with slots.slot(task, "EXPORT_SLOTS") as first:
        settings.EXPORT_SLOTS = 2
        with slots.slot(task, "EXPORT_SLOTS") as second, slots.slot(task, "EXPORT_SLOTS") as third:
            assert (first, second, third) == (True, True, True)
