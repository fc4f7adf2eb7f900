"""What the pages do when a service says no: the user sees why, and keeps what they typed."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from analysis.models import AnalysisResult
from sessions_app.models import InterviewSession, SessionQuestion
from sessions_app.services import session_start

pytestmark = pytest.mark.django_db(transaction=True)

LONG_ENOUGH = "I split the migration into three releases and measured errors after each one."


def _start(browser, language="en", count=2) -> InterviewSession:
    return session_start(
        user=browser.user,
        category="software_engineering",
        language=language,
        question_count=count,
    )


def _current(session) -> SessionQuestion:
    return session.session_questions.order_by("-order").first()


def _in(language: str, message: str, **params) -> str:
    """A service's message as the user reads it (the owning app translates it)."""
    with translation.override(language):
        return gettext(message) % params


def _textarea(page: str) -> str:
    return html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S).group(1))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_too_short_answer_is_refused_and_kept(make_browser, bank, language):
    browser = make_browser(language)
    message = _in(language, "The answer is too short: write at least %(n)s characters.", n=10)
    session = _start(browser, language)
    typed = "Short <b>"
    response = browser.post(
        reverse("web:answer", args=[session.pk]),
        {"session_question": str(_current(session).pk), "answer": typed},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert _textarea(page) == typed
    assert "&lt;b&gt;" in page  # escaped, never rendered as markup
    assert 'aria-invalid="true"' in page
    assert not AnalysisResult.objects.exists()
    assert _current(session).answered_at is None


def test_profanity_is_refused_and_the_answer_kept(browser, bank):
    session = _start(browser)
    typed = "This whole project was bullshit but I fixed the deploy pipeline anyway."
    response = browser.post(
        reverse("web:answer", args=[session.pk]),
        {"session_question": str(_current(session).pk), "answer": typed},
    )
    assert response.status_code == 400
    # The refusal names the word (escaped in the page).
    assert "Please rephrase the answer without &quot;bullshit&quot;." in response.content.decode()
    assert _textarea(response.content.decode()) == typed


def test_the_answer_rate_limit_is_shown_and_the_answer_kept(browser, bank, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "1/m", "analysis": "100/m"}
    session = _start(browser, count=3)
    first = browser.post(
        reverse("web:answer", args=[session.pk]),
        {"session_question": str(_current(session).pk), "answer": LONG_ENOUGH},
    )
    assert first.status_code == 302
    browser.post(reverse("web:next", args=[session.pk]))
    second = _current(session)
    typed = LONG_ENOUGH + " Then I wrote the runbook."
    response = browser.post(
        reverse("web:answer", args=[session.pk]),
        {"session_question": str(second.pk), "answer": typed},
    )
    page = response.content.decode()
    assert response.status_code == 429
    # A countdown (app.js ticks it) instead of an error, the answer kept and the button held.
    countdown = re.search(r'data-countdown="(\d+)"', page)
    assert countdown and 0 < int(countdown.group(1)) <= 60
    assert "you can send it in <strong data-countdown-seconds>" in page
    assert re.search(r"<button[^>]*data-submit disabled", page)
    assert _textarea(page) == typed
    second.refresh_from_db()
    assert second.answered_at is None


def test_an_answer_to_a_question_already_answered_is_not_sent_twice(browser, bank, relaxed_limits):
    session = _start(browser)
    served = str(_current(session).pk)
    url = reverse("web:answer", args=[session.pk])
    assert browser.post(url, {"session_question": served, "answer": LONG_ENOUGH}).status_code == 302
    again = browser.post(url, {"session_question": served, "answer": LONG_ENOUGH}, follow=True)
    assert "That question has already been answered." in again.content.decode()
    assert AnalysisResult.objects.count() == 1


def test_a_second_active_session_is_refused_with_a_way_back(browser, bank):
    session = _start(browser)
    response = browser.post(
        reverse("web:start"),
        {"category": "marketing", "difficulty": "hard", "language": "en", "question_count": 4},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "You already have an active session. Finish or abandon it first." in page
    assert f'href="{reverse("web:practice", args=[session.pk])}"' in page
    assert f'action="{reverse("web:finish", args=[session.pk])}"' in page
    # What was chosen stays chosen.
    assert re.search(r'value="marketing"[^>]*checked', page)
    assert re.search(r'value="hard"[^>]*checked', page)
    assert 'value="4"' in page


def test_the_daily_limit_is_explained_in_the_users_language(make_browser, bank, settings):
    settings.SESSIONS_PER_DAY_FREE = 1
    browser = make_browser("ko")
    session = _start(browser, "ko")
    browser.post(reverse("web:finish", args=[session.pk]))
    response = browser.post(
        reverse("web:start"),
        {
            "category": "software_engineering",
            "difficulty": "easy",
            "language": "ko",
            "question_count": 2,
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="ko">' in page
    message = (
        "You have started %(n)s sessions today, the daily limit of your plan. It resets "
        "at midnight UTC, in %(hours)s h %(minutes)s min."
    )
    resets = re.search(r"지금부터 (\d+)시간 (\d+)분 뒤에 초기화됩니다", page)
    assert resets, "the Korean message says when the limit resets"
    hours, minutes = map(int, resets.groups())
    assert _in("ko", message, n=1, hours=hours, minutes=minutes) in page


def test_asking_past_the_last_question_is_explained(browser, bank, relaxed_limits):
    session = _start(browser, count=1)
    browser.post(
        reverse("web:answer", args=[session.pk]),
        {"session_question": str(_current(session).pk), "answer": LONG_ENOUGH},
    )
    response = browser.post(reverse("web:next", args=[session.pk]), follow=True)
    assert "All 1 questions of this session have been asked." in response.content.decode()
    assert session.session_questions.count() == 1


def test_another_users_session_is_not_found(make_browser, bank, relaxed_limits):
    owner, stranger = make_browser("en"), make_browser("en")
    session = _start(owner)
    served = _current(session)
    get_urls = [
        reverse("web:practice", args=[session.pk]),
        reverse("web:report", args=[session.pk]),
        reverse("web:question-feedback", args=[session.pk, served.pk]),
    ]
    for url in get_urls:
        assert stranger.get(url).status_code == 404, url
    post_urls = [
        reverse("web:answer", args=[session.pk]),
        reverse("web:next", args=[session.pk]),
        reverse("web:finish", args=[session.pk]),
        reverse("web:rerun", args=[session.pk, served.pk]),
    ]
    for url in post_urls:
        response = stranger.post(url, {"session_question": str(served.pk), "answer": LONG_ENOUGH})
        assert response.status_code == 404, url
    session.refresh_from_db()
    served.refresh_from_db()
    assert session.status == "active"
    assert served.answered_at is None
    assert session.session_questions.count() == 1


def test_a_running_analysis_shows_progress_that_refreshes(browser, bank):
    session = _start(browser)
    served = _current(session)
    served.answer, served.answered_at = LONG_ENOUGH, served.started_at
    served.save()
    analysis = AnalysisResult.objects.create(
        user=browser.user,
        session=session,
        session_question=served,
        question=served.question,
        user_answer=LONG_ENOUGH,
        language="en",
    )
    page = browser.get(reverse("web:practice", args=[session.pk])).content.decode()
    assert "Analysing your answer…" in page
    assert f'data-poll-url="{reverse("analysis-detail", args=[analysis.pk])}"' in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    # The page polls the API with the same session cookie.
    status = browser.get(reverse("analysis-detail", args=[analysis.pk]))
    assert status.status_code == 200
    assert status.json()["status"] == "pending"


def test_a_failed_analysis_can_be_run_again(browser, bank, relaxed_limits):
    session = _start(browser)
    served = _current(session)
    served.answer, served.answered_at = LONG_ENOUGH, served.started_at
    served.save()
    analysis = AnalysisResult.objects.create(
        user=browser.user,
        session=session,
        session_question=served,
        question=served.question,
        user_answer=LONG_ENOUGH,
        language="en",
        status="failed",
        failure_reason="test",
    )
    page = browser.get(reverse("web:practice", args=[session.pk])).content.decode()
    assert "We could not analyse this answer" in page
    rerun = browser.post(reverse("web:rerun", args=[session.pk, served.pk]))
    assert rerun["Location"] == reverse("web:question-feedback", args=[session.pk, served.pk])
    analysis.refresh_from_db()
    assert analysis.status == "completed"
    assert analysis.total_score is not None


def test_the_start_page_offers_the_session_in_progress(korean_browser, bank):
    session = _start(korean_browser, "ko")
    page = korean_browser.get(reverse("web:start")).content.decode()
    assert "진행 중인 세션이 있습니다" in page
    assert f'href="{reverse("web:practice", args=[session.pk])}"' in page
    assert f'action="{reverse("web:finish", args=[session.pk])}"' in page
