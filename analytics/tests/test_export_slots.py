"""An export that finds every export slot taken waits in its queue, and fails with its reason
once it has waited as long as an export may run (the worker's threads cannot stop one that
never ends, so its slot may never come back)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from analytics.models import ExportJob
from analytics.tasks import EXPORT_WAIT_LONGEST, EXPORT_WAITS, export_run_task
from interview_platform.tests.test_slots import every_slot_taken, sends_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def slots_taken(settings):
    with every_slot_taken(settings, "EXPORT_SLOTS"):
        yield


@pytest.fixture
def sent(monkeypatch):
    return sends_of(export_run_task, monkeypatch)


def test_an_export_without_a_slot_waits_in_its_queue(user, slots_taken, sent):
    job = ExportJob.objects.create(user=user, format="json")

    assert export_run_task(str(job.pk), postponed=3) == "postponed"

    (((job_id,), kwargs), options), *_ = sent
    assert (job_id, kwargs) == (str(job.pk), {"postponed": 4})
    assert options["countdown"] == EXPORT_WAIT_LONGEST
    job.refresh_from_db()
    assert job.status == "pending"


def test_an_export_that_waited_as_long_as_an_export_may_run_fails_with_its_reason(
    auth_client, user, slots_taken, sent
):
    job = ExportJob.objects.create(user=user, format="json")

    assert export_run_task(str(job.pk), postponed=EXPORT_WAITS) == "failed"

    assert sent == []
    body = auth_client.get(reverse("analytics-export-detail", args=[job.pk])).json()
    assert body["status"] == "failed"
    assert body["error"] == "not started: busy; request the export again"


def test_a_job_another_delivery_started_is_left_to_it(user, slots_taken, sent):
    job = ExportJob.objects.create(user=user, format="json", status="processing")

    assert export_run_task(str(job.pk), postponed=EXPORT_WAITS) == "skipped"

    job.refresh_from_db()
    assert job.status == "processing"


def test_an_export_with_a_free_slot_runs(user, settings, sent):
    settings.EXPORT_SLOTS = 1
    job = ExportJob.objects.create(user=user, format="json")

    assert export_run_task(str(job.pk)) == "completed"
    assert sent == []


def test_an_export_that_cannot_be_queued_again_fails_with_its_reason(
    auth_client, user, slots_taken, monkeypatch
):
    """A delivery is acknowledged even when its task raises, and nothing sweeps `pending`
    exports: one the broker would not take back must not stay `pending` for ever."""
    from kombu.exceptions import OperationalError

    def broker_down(*args, **options):
        raise OperationalError("Error 111 connecting to redis")

    monkeypatch.setattr(export_run_task, "apply_async", broker_down)
    job = ExportJob.objects.create(user=user, format="json")

    assert export_run_task(str(job.pk)) == "failed"

    body = auth_client.get(reverse("analytics-export-detail", args=[job.pk])).json()
    assert body["status"] == "failed"
    assert body["error"] == "not started: the queue was unavailable; request the export again"
