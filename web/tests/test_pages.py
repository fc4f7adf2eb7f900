"""Every page renders for a signed-in user; the private ones send strangers to sign in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from analysis.models import AnalysisResult
from sessions_app.tests.factories import InterviewSessionFactory, SessionQuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered_session(browser):
    """A session of the browser's user with one answered, analysed question."""
    session = InterviewSessionFactory(user=browser.user, question_count=2)
    session_question = SessionQuestionFactory(session=session, order=1, answer="x" * 40)
    session_question.answered_at = session_question.started_at
    session_question.save()
    AnalysisResult.objects.create(
        user=browser.user,
        session=session,
        session_question=session_question,
        question=session_question.question,
        user_answer=session_question.answer,
        language="en",
        status="completed",
        understanding=20,
        logic=15,
        specificity=10,
        job_fit=18,
        total_score=63,
        strengths=["You named the tool you used."],
        improvements=["Give the result as a number."],
        detailed_feedback={
            "grammar": "Clear sentences.",
            "structure": "Situation and action, no result.",
            "content": "One concrete action.",
            "suggestions": ["Close with the outcome."],
        },
        ideal_answer="In my last role I [situation] ...",
    )
    return session, session_question


def _private_pages(session, session_question):
    return [
        reverse("web:dashboard"),
        reverse("web:history"),
        reverse("web:start"),
        reverse("web:practice", args=[session.pk]),
        reverse("web:report", args=[session.pk]),
        reverse("web:question-feedback", args=[session.pk, session_question.pk]),
    ]


def test_every_page_renders_for_a_signed_in_user(browser, answered_session):
    pages = [reverse("web:home"), *_private_pages(*answered_session)]
    for url in pages:
        response = browser.get(url)
        assert response.status_code == 200, url
        assert b'<link rel="stylesheet" href="/static/css/app.css">' in response.content
        assert b'<html lang="en">' in response.content


def test_anonymous_users_are_sent_to_sign_in(client, answered_session):
    for url in _private_pages(*answered_session):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_anonymous_posts_are_sent_to_sign_in_and_change_nothing(client, answered_session):
    session, _ = answered_session
    for name in ("web:answer", "web:next", "web:finish"):
        url = reverse(name, args=[session.pk])
        response = client.post(url, {"answer": "a" * 50})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    session.refresh_from_db()
    assert session.status == "active"
    assert session.session_questions.count() == 1


def test_the_home_page_is_public_and_invites_to_practise(client, db):
    response = client.get(reverse("web:home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Practise job interviews and get coaching on every answer" in content
    assert f'href="{reverse("account_signup")}?next={reverse("web:start")}"' in content


def test_the_home_page_offers_to_continue_an_active_session(browser, answered_session):
    session, _ = answered_session
    content = browser.get(reverse("web:home")).content.decode()
    assert reverse("web:practice", args=[session.pk]) in content
    assert "Continue your session" in content


def test_the_feedback_page_shows_scores_feedback_and_answers(browser, answered_session):
    session, session_question = answered_session
    response = browser.get(reverse("web:question-feedback", args=[session.pk, session_question.pk]))
    content = response.content.decode()
    for text in (
        "63",
        "pct-80",  # understanding 20/25
        "You named the tool you used.",
        "Give the result as a number.",
        "Situation and action, no result.",
        "Close with the outcome.",
        "In my last role I [situation] ...",
        session_question.question.sample_answer,
        session_question.question.question,
    ):
        assert text in content


def test_the_history_lists_the_users_sessions_only(browser, answered_session):
    other = InterviewSessionFactory(custom_category="Someone else's role", category="custom")
    content = browser.get(reverse("web:history")).content.decode()
    assert reverse("web:practice", args=[answered_session[0].pk]) in content
    assert str(other.pk) not in content
    assert "Someone else&#x27;s role" not in content


def test_csrf_is_enforced_on_the_pages_forms(browser, answered_session):
    from django.test import Client

    session, _ = answered_session
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(browser.user)
    response = strict.post(reverse("web:finish", args=[session.pk]))
    assert response.status_code == 403
    session.refresh_from_db()
    assert session.status == "active"
