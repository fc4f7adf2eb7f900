"""`?wait=`: a waiting request wakes when the outcome is written, not at its next poll."""

from __future__ import annotations

import threading
import time

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import UserFactory
from analysis.models import AnalysisResult, AnalysisStatus
from analysis.services import polling
from analysis.services.outcome import analysis_complete
from questions.tests.factories import QuestionFactory

needs_redis = pytest.mark.skipif(
    "django_redis" not in settings.CACHES["default"]["BACKEND"], reason="needs Redis (pub/sub)"
)


def _processing_analysis() -> AnalysisResult:
    return AnalysisResult.objects.create(
        user=UserFactory(),
        question=QuestionFactory(),
        user_answer="An answer long enough to analyse.",
        status=AnalysisStatus.PROCESSING,
    )


def _complete_later(analysis: AnalysisResult, delay: float) -> tuple[threading.Thread, list]:
    landed: list[float] = []

    def complete():
        time.sleep(delay)
        analysis_complete(
            analysis,
            {"total_score": 71, "understanding": 18, "logic": 18, "specificity": 17, "job_fit": 18},
        )
        landed.append(time.monotonic())
        connection.close()

    thread = threading.Thread(target=complete)
    thread.start()
    return thread, landed


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_a_waiting_request_wakes_when_the_outcome_lands(monkeypatch):
    # Rechecks far apart: only the announcement can end the wait early.
    monkeypatch.setattr(polling, "RECHECK_SECONDS", 5.0)
    analysis = _processing_analysis()
    thread, landed = _complete_later(analysis, 0.8)
    with CaptureQueriesContext(connection) as reads:
        result = polling.wait_for_completion(analysis_id=analysis.pk, seconds=8)
    woke = time.monotonic()
    thread.join()
    assert result.status == AnalysisStatus.COMPLETED
    assert result.total_score == 71
    assert woke - landed[0] < 0.3
    # The status: first, at the subscription's confirmation at most, after the wake-up; then
    # the whole row once.
    assert len(reads.captured_queries) <= 4
    assert sum('"user_answer"' in q["sql"] for q in reads.captured_queries) == 1


@pytest.mark.django_db(transaction=True)
def test_without_redis_the_wait_polls_in_short_steps(monkeypatch):
    monkeypatch.setattr(polling, "_redis", lambda: None)
    analysis = _processing_analysis()
    thread, landed = _complete_later(analysis, 0.6)
    result = polling.wait_for_completion(analysis_id=analysis.pk, seconds=5)
    woke = time.monotonic()
    thread.join()
    assert result.status == AnalysisStatus.COMPLETED
    assert woke - landed[0] < max(polling.POLL_STEPS) + 0.15


@pytest.mark.django_db(transaction=True)
def test_the_wait_ends_at_its_deadline_with_the_analysis_as_it_is():
    analysis = _processing_analysis()
    started = time.monotonic()
    result = polling.wait_for_completion(analysis_id=analysis.pk, seconds=0.4)
    assert result.status == AnalysisStatus.PROCESSING
    assert 0.35 < time.monotonic() - started < 1.5


@pytest.mark.django_db(transaction=True)
def test_the_wait_reads_the_status_until_the_end_and_the_whole_row_once(monkeypatch):
    monkeypatch.setattr(polling, "_redis", lambda: None)  # polling: several reads
    analysis = _processing_analysis()
    thread, _ = _complete_later(analysis, 0.5)
    with CaptureQueriesContext(connection) as reads:
        result = polling.wait_for_completion(analysis_id=analysis.pk, seconds=5)
    thread.join()
    assert result.status == AnalysisStatus.COMPLETED
    assert result.user_answer == "An answer long enough to analyse."
    whole_rows = [q for q in reads.captured_queries if '"user_answer"' in q["sql"]]
    assert len(reads.captured_queries) >= 4
    assert len(whole_rows) == 1
