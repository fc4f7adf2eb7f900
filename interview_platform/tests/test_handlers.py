"""Only requests that may write run in the request transaction (interview_platform/handlers.py)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from interview_platform.handlers import ApiWSGIHandler
from questions.tests.factories import QuestionFactory


def _probe(seen: list[bool]):
    def view(request):
        seen.append(connection.in_atomic_block)
        return HttpResponse()

    return view


@pytest.mark.django_db(transaction=True)
def test_the_served_handler_wraps_unsafe_methods_only():
    seen: list[bool] = []
    view = ApiWSGIHandler().make_view_atomic(_probe(seen))
    factory = RequestFactory()
    for request in (factory.get("/"), factory.head("/"), factory.options("/")):
        view(request)
    for request in (factory.post("/"), factory.put("/"), factory.patch("/"), factory.delete("/")):
        view(request)
    assert seen == [False, False, False, True, True, True, True]


@pytest.mark.django_db(transaction=True)
def test_a_non_atomic_view_stays_outside_a_transaction_for_every_method():
    seen: list[bool] = []
    view = ApiWSGIHandler().make_view_atomic(transaction.non_atomic_requests(_probe(seen)))
    view(RequestFactory().post("/"))
    assert seen == [False]


def test_wsgi_serves_through_the_project_handler():
    from interview_platform.wsgi import application

    assert isinstance(application, ApiWSGIHandler)


def test_a_read_through_the_client_opens_no_transaction(auth_client, django_assert_num_queries):
    QuestionFactory.create_batch(2)
    with django_assert_num_queries(3) as captured:  # count, page, answered
        assert auth_client.get(reverse("question-list")).status_code == 200
    assert not [q for q in captured.captured_queries if "SAVEPOINT" in q["sql"].upper()]


def test_an_error_answer_to_a_read_leaves_the_surrounding_transaction_alone(auth_client):
    # A read has no request transaction: the error handler must not mark whatever atomic block
    # surrounds it (here the test's own) for rollback.
    response = auth_client.get(reverse("auth-mfa-recovery-codes"))
    assert response.status_code == 403
    assert not connection.needs_rollback
    QuestionFactory()  # the connection still works


def test_an_error_answer_of_a_non_atomic_view_leaves_the_surrounding_transaction_alone(
    auth_client,
):
    # Session start is non_atomic_requests: it has no request transaction to roll back, and
    # marking the test's own for rollback made the next request in the test a 500.
    response = auth_client.post(reverse("session-list"), {"category": "custom"}, format="json")
    assert response.status_code == 400
    assert not connection.needs_rollback
    QuestionFactory()  # the connection still works
