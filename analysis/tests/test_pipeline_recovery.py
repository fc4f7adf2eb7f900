"""Recovery: a dead worker, a lost enqueue, an analysis deleted mid-run, a failure in a session."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from analysis.models import AnalysisResult
from analysis.services.outcome import analysis_complete, analysis_fail
from analysis.services.run import analysis_run
from analysis.tasks import requeue_stale_analyses_task
from questions.tests.factories import QuestionFactory

from .test_pipeline_api import EN_ANSWER

pytestmark = pytest.mark.django_db(transaction=True)


def stranded(user, *, status="processing", minutes_ago=None):
    minutes_ago = minutes_ago or settings.ANALYSIS_STALE_AFTER_SECONDS / 60 + 1
    result = AnalysisResult.objects.create(
        user=user, question=QuestionFactory(language="en"), user_answer=EN_ANSWER, language="en"
    )
    AnalysisResult.objects.filter(pk=result.pk).update(
        status=status, attempts=1, updated_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return result


def test_a_row_left_processing_by_a_dead_worker_is_claimed_again(user):
    result = stranded(user)
    assert analysis_run(analysis_id=result.pk) == "completed"
    result.refresh_from_db()
    assert (result.status, result.attempts) == ("completed", 2)


def test_a_row_being_processed_right_now_is_not_claimed_twice(user):
    result = stranded(user, minutes_ago=1)
    assert analysis_run(analysis_id=result.pk) == "skipped"


def test_the_sweep_queues_stranded_and_never_queued_analyses(user):
    dead_worker = stranded(user)
    lost_enqueue = stranded(user, status="pending")
    fresh = stranded(user, status="pending", minutes_ago=1)
    assert requeue_stale_analyses_task() == 2
    statuses = dict(AnalysisResult.objects.values_list("pk", "status"))
    assert statuses[dead_worker.pk] == statuses[lost_enqueue.pk] == "completed"
    assert statuses[fresh.pk] == "pending"


def test_rerun_accepts_a_stranded_analysis_but_not_a_running_one(auth_client):
    running = stranded(auth_client.user, minutes_ago=1)
    response = auth_client.post(reverse("analysis-rerun", args=[running.pk]))
    assert response.json()["error"]["code"] == "analysis_in_progress"
    dead = stranded(auth_client.user)
    assert auth_client.post(reverse("analysis-rerun", args=[dead.pk])).status_code == 202
    dead.refresh_from_db()
    assert dead.status == "completed"


def test_an_analysis_deleted_during_the_provider_call_is_not_written_back(user):
    result = stranded(user, minutes_ago=1)
    AnalysisResult.objects.filter(pk=result.pk).delete()
    assert (
        analysis_complete(
            result,
            {"understanding": 10, "logic": 10, "specificity": 10, "job_fit": 10, "total_score": 40},
        )
        is False
    )
    assert not AnalysisResult.objects.filter(pk=result.pk).exists()


def test_a_failed_analysis_settles_its_completed_sessions_report(auth_client, settings):
    from questions.bank import load_bank
    from questions.services import questions_seed
    from sessions_app.models import InterviewSession

    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m"}
    questions_seed(bank=load_bank(languages=["en"], categories=["marketing"]))
    session = auth_client.post(
        reverse("session-list"),
        {"category": "marketing", "language": "en", "questionCount": 1},
        format="json",
    ).json()
    from interview_platform.celery import app

    app.conf.task_always_eager = False  # the answer's task is queued on the broker, not run
    try:
        auth_client.post(
            reverse("analysis-answer"),
            {
                "sessionId": session["id"],
                "sessionQuestionId": session["currentQuestion"]["id"],
                "answer": EN_ANSWER,
            },
            format="json",
        )
    finally:
        app.conf.task_always_eager = True
    done = auth_client.post(reverse("session-complete", args=[session["id"]])).json()
    assert done["report"]["pendingAnalyses"] == 1 and done["totalScore"] is None
    analysis = AnalysisResult.objects.get(session_id=session["id"])
    AnalysisResult.objects.filter(pk=analysis.pk).update(status="processing")
    analysis_fail(analysis, reason="offline: empty_answer")
    report = InterviewSession.objects.get(pk=session["id"]).report
    assert report["pending_analyses"] == 0
