"""Score ranges are enforced by the database, not only by serializers."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.tests.factories import UserFactory
from analysis.models import AnalysisResult
from questions.models import Question

pytestmark = pytest.mark.django_db


def make_question():
    return Question.objects.create(
        category="design", difficulty="easy", type="behavioral", language="en", question="Why?"
    )


@pytest.mark.parametrize("field", ["understanding", "logic", "specificity", "job_fit"])
def test_a_rubric_score_above_25_is_refused(field):
    scores = {"understanding": 10, "logic": 10, "specificity": 10, "job_fit": 10}
    scores[field] = 26
    with pytest.raises(IntegrityError), transaction.atomic():
        AnalysisResult.objects.create(
            user=UserFactory(),
            question=make_question(),
            user_answer="An answer long enough.",
            total_score=sum(scores.values()),
            **scores,
        )


def test_a_total_that_is_not_the_sum_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        AnalysisResult.objects.create(
            user=UserFactory(),
            question=make_question(),
            user_answer="An answer long enough.",
            understanding=20,
            logic=20,
            specificity=20,
            job_fit=20,
            total_score=99,
        )


def test_valid_scores_are_stored():
    result = AnalysisResult.objects.create(
        user=UserFactory(),
        question=make_question(),
        user_answer="An answer long enough.",
        understanding=25,
        logic=20,
        specificity=15,
        job_fit=10,
        total_score=70,
    )
    assert result.scores == {"understanding": 25, "logic": 20, "specificity": 15, "jobFit": 10}


def test_a_session_total_score_above_100_is_refused():
    from sessions_app.models import InterviewSession

    with pytest.raises(IntegrityError), transaction.atomic():
        InterviewSession.objects.create(
            user=UserFactory(),
            category="design",
            total_score=101,
            expires_at=timezone.now(),
        )


def test_a_question_average_above_100_is_refused():
    question = make_question()
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(pk=question.pk).update(average_score=100.5)


def test_emails_are_unique_regardless_of_case():
    UserFactory(email="kim@example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(email="KIM@example.com")
