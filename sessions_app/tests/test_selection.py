"""The adaptive selector: no repeats, fresh questions first, mixed types, adaptive difficulty."""

import random

import pytest

from accounts.tests.factories import UserFactory
from analysis.models import AnalysisResult
from questions.models import Question
from sessions_app.selection import question_select_next, target_difficulty

from .factories import InterviewSessionFactory, SessionQuestionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("base", "scores", "expected"),
    [
        ("medium", [], "medium"),
        ("medium", [85, 90], "hard"),
        ("hard", [85, 90], "hard"),  # already at the top of the bank's range
        ("medium", [40, 30], "easy"),
        ("easy", [10, 20], "easy"),
        ("medium", [90, 40], "medium"),
        ("medium", [30, 85], "medium"),
        ("medium", [20, 85, 95], "hard"),  # the last two decide
    ],
)
def test_target_difficulty(base, scores, expected):
    assert target_difficulty(base=base, recent_scores=scores) == expected


def serve(session, question, order, score=None):
    sq = SessionQuestionFactory(session=session, question=question, order=order)
    if score is not None:
        parts = [score // 4 + (1 if i < score % 4 else 0) for i in range(4)]
        AnalysisResult.objects.create(
            user=session.user,
            session=session,
            session_question=sq,
            question=question,
            user_answer="An answer of enough length.",
            status="completed",
            understanding=parts[0],
            logic=parts[1],
            specificity=parts[2],
            job_fit=parts[3],
            total_score=score,
        )
    return sq


def test_never_repeats_within_a_session(bank):
    session = InterviewSessionFactory(category="marketing", language="en")
    seen = set()
    for order in range(1, 21):
        question = question_select_next(session=session, rng=random.Random(order))
        assert question is not None
        assert question.pk not in seen
        seen.add(question.pk)
        SessionQuestionFactory(session=session, question=question, order=order)
    assert len(seen) == 20


def test_moves_up_after_two_strong_answers(bank):
    session = InterviewSessionFactory(category="marketing", language="en", difficulty="medium")
    pool = Question.objects.filter(category="marketing", language="en", difficulty="medium")
    serve(session, pool[0], 1, score=85)
    serve(session, pool[1], 2, score=92)
    assert question_select_next(session=session).difficulty == "hard"


def test_moves_down_after_two_weak_answers(bank):
    session = InterviewSessionFactory(category="marketing", language="ko", difficulty="medium")
    pool = Question.objects.filter(category="marketing", language="ko", difficulty="medium")
    serve(session, pool[0], 1, score=30)
    serve(session, pool[1], 2, score=45)
    assert question_select_next(session=session).difficulty == "easy"


def test_mixes_types(bank):
    session = InterviewSessionFactory(category="marketing", language="en", difficulty="easy")
    last = Question.objects.filter(
        category="marketing", language="en", difficulty="easy", type="behavioral"
    )[0]
    serve(session, last, 1)
    for seed in range(10):
        assert question_select_next(session=session, rng=random.Random(seed)).type != "behavioral"


def test_prefers_questions_not_seen_in_recent_sessions(bank):
    user = UserFactory()
    pool = list(Question.objects.filter(category="marketing", language="en", difficulty="easy"))
    earlier = InterviewSessionFactory(
        user=user, category="marketing", language="en", status="completed"
    )
    for order, question in enumerate(pool[:-1], start=1):
        SessionQuestionFactory(session=earlier, question=question, order=order)
    session = InterviewSessionFactory(
        user=user, category="marketing", language="en", difficulty="easy"
    )
    assert question_select_next(session=session).pk == pool[-1].pk


def test_falls_back_to_nearby_difficulties_when_a_level_is_exhausted(bank):
    session = InterviewSessionFactory(category="marketing", language="en", difficulty="hard")
    for order, question in enumerate(
        Question.objects.filter(category="marketing", language="en", difficulty="hard"), 1
    ):
        SessionQuestionFactory(session=session, question=question, order=order)
    assert question_select_next(session=session).difficulty == "medium"


def test_returns_none_for_custom_roles_and_an_empty_bank(db):
    assert question_select_next(session=InterviewSessionFactory(category="custom")) is None
    assert question_select_next(session=InterviewSessionFactory(category="finance")) is None


def test_two_strong_answers_move_up_one_level_only(bank):
    session = InterviewSessionFactory(category="marketing", language="en", difficulty="easy")
    easy = Question.objects.filter(category="marketing", language="en", difficulty="easy")
    medium = Question.objects.filter(category="marketing", language="en", difficulty="medium")
    serve(session, easy[0], 1, score=90)
    serve(session, easy[1], 2, score=95)
    serve(session, medium[0], 3)  # served after the move up, not answered yet
    # The easy-level scores moved the session to medium once; they do not count again.
    assert question_select_next(session=session).difficulty == "medium"
