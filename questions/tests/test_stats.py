import threading
from decimal import Decimal

import pytest
from django.db import connection

from questions.services import question_record_score, question_record_usage

from .factories import QuestionFactory


@pytest.mark.django_db
def test_usage_and_average_are_updated():
    question = QuestionFactory()
    question_record_usage(question_id=question.id)
    question_record_usage(question_id=question.id)
    for score in (80, 60, 71):
        question_record_score(question_id=question.id, score=score)
    question.refresh_from_db()
    assert question.usage_count == 2
    assert question.scored_count == 3
    assert question.average_score == Decimal("70.33")


@pytest.mark.django_db(transaction=True)
def test_concurrent_scores_are_not_lost():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serializes all writers; the race needs PostgreSQL")
    question = QuestionFactory()
    scores = [50, 100] * 10
    errors = []

    def record(score):
        try:
            question_record_score(question_id=question.id, score=score)
            question_record_usage(question_id=question.id)
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=record, args=(score,)) for score in scores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    question.refresh_from_db()
    assert question.scored_count == 20
    assert question.usage_count == 20
    assert question.average_score == Decimal("75.00")
