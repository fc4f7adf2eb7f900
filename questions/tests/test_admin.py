"""Staff tools in Django admin: filters, bulk actions, import/export."""

import json

import pytest
import tablib
from django.urls import reverse

from questions.models import Question
from questions.resources import QuestionResource

from .factories import QuestionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_the_changelist_filters_and_searches(admin_client):
    QuestionFactory(question="Explain a window function.", language="ko")
    QuestionFactory(question="Explain eventual consistency.", language="en")
    url = reverse("admin:questions_question_changelist")
    response = admin_client.get(url, {"language__exact": "ko"})
    assert response.status_code == 200
    assert b"window function" in response.content
    assert b"eventual consistency" not in response.content
    assert b"window function" in admin_client.get(url, {"q": "window"}).content


def test_bulk_deactivate_hides_questions_from_users_at_once(admin_client, auth_client):
    questions = QuestionFactory.create_batch(3)
    assert auth_client.get(reverse("question-list")).json()["count"] == 3  # now cached
    response = admin_client.post(
        reverse("admin:questions_question_changelist"),
        {"action": "deactivate", "_selected_action": [str(q.pk) for q in questions[:2]]},
    )
    assert response.status_code == 302
    assert Question.objects.filter(is_active=False).count() == 2
    assert auth_client.get(reverse("question-list")).json()["count"] == 1


def test_a_non_staff_user_cannot_open_the_admin(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:questions_question_changelist"))
    assert response.status_code == 302


def test_export_then_import_round_trips_as_csv_and_json():
    original = QuestionFactory(tags=["sql", "databases"], expected_keywords=["window", "partition"])
    resource = QuestionResource()
    for format_name in ("csv", "json"):
        exported = resource.export().export(format_name)
        assert "window" in exported
        Question.objects.filter(pk=original.pk).update(question="changed", tags=[])
        dataset = tablib.Dataset().load(exported, format=format_name)
        result = resource.import_data(dataset, dry_run=False, raise_errors=True)
        assert not result.has_errors()
        original.refresh_from_db()
        assert original.tags == ["sql", "databases"]
        assert original.question.startswith("Tell me about a time")


def test_import_creates_questions_and_invalidates_the_cache(auth_client):
    assert auth_client.get(reverse("question-list")).json()["count"] == 0
    rows = [
        {
            "id": "",
            "key": "",
            "category": "sales",
            "custom_category": "",
            "difficulty": "easy",
            "type": "behavioral",
            "language": "en",
            "source": "admin",
            "question": "How do you handle a price objection?",
            "tags": json.dumps(["negotiation"]),
            "expected_keywords": json.dumps(["value", "discount"]),
            "sample_answer": "I restate the value ...",
            "evaluation_criteria": json.dumps(
                {"understanding": "u", "logic": "l", "specificity": "s", "job_fit": "j"}
            ),
            "is_active": "1",
        }
    ]
    dataset = tablib.Dataset(headers=list(rows[0]))
    for row in rows:
        dataset.append(list(row.values()))
    result = QuestionResource().import_data(dataset, dry_run=False, raise_errors=True)
    assert result.totals["new"] == 1
    assert auth_client.get(reverse("question-list")).json()["count"] == 1
