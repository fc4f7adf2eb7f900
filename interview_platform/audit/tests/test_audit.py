"""Every staff write, through the API (bearer token) or the admin, leaves an audit entry with
who, what, when and the change; users' own writes leave none; the log is readable in the admin."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from accounts.tests.factories import UserFactory
from accounts.tokens import token_pair_for
from analysis.models import AnalysisResult
from analysis.services.run import analysis_run
from interview_platform.audit.recording import CONCEALED
from questions.models import Question
from questions.tests.factories import QuestionFactory
from sessions_app.flows import AnswerIn, answer_store

pytestmark = pytest.mark.django_db

ANSWER = (
    "I led the Hanbit migration: I planned the cut-over, wrote the runbook and moved 40 services "
    "in two weekends without downtime."
)


def bearer(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_pair_for(user).access}")
    return client


def entries_for(obj) -> list[LogEntry]:
    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
        ).order_by("timestamp")
    )


def test_a_staff_edit_through_the_api_is_recorded_with_who_what_when_and_the_change():
    staff = UserFactory(role="admin")
    question = QuestionFactory(difficulty="easy")
    response = bearer(staff).patch(
        reverse("admin-question-detail", args=[question.pk]),
        {"difficulty": "hard"},
        format="json",
    )
    assert response.status_code == 200, response.content
    (entry,) = entries_for(question)
    assert entry.actor == staff
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.changes["difficulty"] == ["easy", "hard"]
    assert entry.timestamp is not None
    assert entry.remote_addr == "127.0.0.1"


def test_a_staff_delete_and_a_bulk_deactivation_through_the_api_are_recorded():
    staff = UserFactory(role="admin")
    unused, used = QuestionFactory(), QuestionFactory()
    user = UserFactory()
    answer_store(user=user, item=AnswerIn(answer=ANSWER, question_id=used.pk))
    client = bearer(staff)
    assert client.delete(reverse("admin-question-detail", args=[unused.pk])).status_code == 204
    assert client.delete(reverse("admin-question-detail", args=[used.pk])).status_code in (200, 204)
    deleted = LogEntry.objects.get(object_pk=str(unused.pk))
    assert deleted.action == LogEntry.Action.DELETE and deleted.actor == staff
    (deactivated,) = entries_for(used)
    assert deactivated.changes == {"is_active": ["True", "False"]}
    assert deactivated.actor == staff


def test_a_staff_edit_in_the_admin_is_recorded(client):
    staff = UserFactory(role="admin", is_superuser=True)
    target = UserFactory(subscription_type="free")
    client.force_login(staff)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "deactivate_users", "_selected_action": [str(target.pk)]},
    )
    assert response.status_code == 302
    (entry,) = entries_for(target)
    assert entry.actor == staff
    assert entry.changes == {"is_active": ["True", "False"]}

    listing = client.get(reverse("admin:auditlog_logentry_changelist"), {"q": staff.email})
    assert listing.status_code == 200
    assert target.email in listing.content.decode()
    detail = client.get(reverse("admin:auditlog_logentry_change", args=[entry.pk]))
    assert detail.status_code == 200


def test_fields_encrypted_at_rest_are_recorded_as_changed_without_their_values(client):
    user = UserFactory()
    result = answer_store(user=user, item=AnswerIn(answer=ANSWER, question_id=QuestionFactory().pk))
    analysis_run(analysis_id=result.pk)
    staff = UserFactory(role="admin", is_superuser=True)
    client.force_login(staff)
    # Any staff save through the admin's code path: a model save while the staff request runs.
    from auditlog.context import auditlog_value, set_actor

    analysis = AnalysisResult.objects.get(pk=result.pk)
    analysis.ideal_answer = "Staff rewrote it: Hanbit migration, 40 services."
    try:
        with set_actor(staff):
            analysis.save()
    finally:
        auditlog_value.set({})  # the library's set_actor leaves its context variable behind
    (entry,) = entries_for(analysis)
    assert entry.changes["ideal_answer"] == [CONCEALED, CONCEALED]
    assert "Hanbit" not in str(entry.changes) + entry.changes_text + str(entry.serialized_data)


def test_users_own_writes_are_not_audited():
    user = UserFactory()
    client = bearer(user)
    response = client.patch(reverse("users-profile"), {"name": "New name"}, format="json")
    assert response.status_code == 200, response.content
    question = QuestionFactory(language="en")
    response = client.post(
        reverse("analysis-answer"),
        {"questionId": str(question.pk), "answer": ANSWER},
        format="json",
    )
    assert response.status_code == 202, response.content
    assert not LogEntry.objects.exists(), list(LogEntry.objects.values("object_repr"))
    # Nor a write outside any request right after one (the actor does not linger on the thread).
    Question.objects.filter(pk=question.pk).get().save()
    User.objects.get(pk=user.pk).save()
    assert not LogEntry.objects.exists(), list(LogEntry.objects.values("object_repr"))


@pytest.mark.parametrize("source", ["user", "admin"])
def test_a_staff_edit_of_question_text_records_the_field_without_the_text(source):
    staff = UserFactory(role="admin")
    question = QuestionFactory(
        source=source,
        created_by=UserFactory() if source == "user" else None,
        question="Tell me about the Hanbit payroll outage you handled?",
    )
    response = bearer(staff).patch(
        reverse("admin-question-detail", args=[question.pk]),
        {"question": "Tell me about the Saebyeok rollout you led last spring?"},
        format="json",
    )
    assert response.status_code == 200, response.content
    (entry,) = entries_for(question)
    assert entry.changes["question"] == [CONCEALED, CONCEALED]
    recorded = str(entry.changes) + entry.changes_text + str(entry.serialized_data)
    assert "Hanbit" not in recorded and "Saebyeok" not in recorded
