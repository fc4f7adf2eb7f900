"""Integrity flags read as sentences on the feedback page and on the session report."""

from __future__ import annotations

import pytest
from django.urls import reverse

from analysis.models import AnalysisResult
from sessions_app.tests.factories import InterviewSessionFactory, SessionQuestionFactory

pytestmark = pytest.mark.django_db


def flagged_session(user, *, language="en", status="active"):
    session = InterviewSessionFactory(user=user, question_count=2, language=language, status=status)
    session_question = SessionQuestionFactory(session=session, order=1, answer="x" * 40)
    session_question.answered_at = session_question.started_at
    session_question.save()
    AnalysisResult.objects.create(
        user=user,
        session=session,
        session_question=session_question,
        question=session_question.question,
        user_answer=session_question.answer,
        language=language,
        status="completed",
        understanding=20,
        logic=15,
        specificity=10,
        job_fit=18,
        total_score=63,
        strengths=["You named the tool you used."],
        improvements=["Give the result as a number."],
        flags=[
            {"code": "repetition", "times": 3},
            {"code": "language_mismatch", "answer_language": "en" if language == "ko" else "ko"},
        ],
    )
    return session, session_question


def test_the_feedback_page_writes_each_flag_out(browser):
    session, session_question = flagged_session(browser.user)
    url = reverse("web:question-feedback", args=[session.pk, session_question.pk])
    content = browser.get(url).content.decode()
    assert '<li data-flag="repetition">The same sentence is repeated (3 times)' in content
    assert "The answer is in Korean but this session is in English." in content


def test_the_report_lists_the_flags_of_each_flagged_answer(browser):
    session, _ = flagged_session(browser.user)
    content = browser.get(reverse("web:report", args=[session.pk])).content.decode()
    assert "Check these answers" in content
    assert '<li data-flag="repetition">The same sentence is repeated (3 times)' in content
    assert "The answer is in Korean but this session is in English." in content


def test_the_report_flags_follow_the_session_language(korean_browser):
    session, _ = flagged_session(korean_browser.user, language="ko")
    content = korean_browser.get(reverse("web:report", args=[session.pk])).content.decode()
    assert 'data-flag="repetition"' in content
    assert "The same sentence" not in content


def test_a_report_without_flags_has_no_flags_section(browser):
    session, session_question = flagged_session(browser.user)
    AnalysisResult.objects.filter(session_question=session_question).update(flags=[])
    content = browser.get(reverse("web:report", args=[session.pk])).content.decode()
    assert "data-flag" not in content
