"""Follow-up questions on the pages: chosen on the start page, served in the practice flow as a
thread that quotes the answer it digs into, and shown under their parent in the report."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from sessions_app.models import InterviewSession, SessionQuestion
from sessions_app.tests.test_followups import ANSWERS

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = {
    "en": {"badge": "Follow-up", "answered": "You answered:", "depth": "Under follow-up questions"},
    "ko": {"badge": "꼬리질문", "answered": "내 답변:", "depth": "꼬리질문에서의 답변"},
}


def _start(client, language, follow_ups, count=3):
    response = client.post(
        reverse("web:start"),
        {
            "category": "software_engineering",
            "difficulty": "medium",
            "language": language,
            "question_count": count,
            "follow_ups": follow_ups,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return InterviewSession.objects.get(user=client.user)


def _answer(client, session, text):
    current = SessionQuestion.objects.filter(session=session, answered_at__isnull=True).get()
    response = client.post(
        reverse("web:answer", args=[session.pk]),
        {"session_question": current.pk, "answer": text},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return current


def _next(client, session):
    response = client.post(reverse("web:next", args=[session.pk]))
    assert response.status_code == 302
    return client.get(reverse("web:practice", args=[session.pk])).content.decode()


@pytest.mark.parametrize("follow_ups", ["off", "one", "two"])
def test_the_start_page_starts_a_session_with_the_chosen_follow_ups(make_browser, bank, follow_ups):
    client = make_browser("en")
    page = client.get(reverse("web:start")).content.decode()
    assert 'name="follow_ups" value="one"' in page
    assert re.search(r'name="follow_ups" value="one"[^>]*checked', page)
    assert _start(client, "en", follow_ups).follow_ups == follow_ups


def test_practise_again_keeps_the_follow_up_choice(browser, bank):
    session = _start(browser, "en", "two", count=1)
    browser.post(reverse("web:finish", args=[session.pk]))
    page = browser.get(reverse("web:report", args=[session.pk])).content.decode()
    again = re.search(r'href="(/practice/\?[^"]+)"', page).group(1).replace("&amp;", "&")
    assert "follow_ups=two" in again
    start = browser.get(again).content.decode()
    assert re.search(r'name="follow_ups" value="two"[^>]*checked', start)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_follow_up_is_a_thread_quoting_the_answer_on_the_practice_page_and_report(
    make_browser, bank, relaxed_limits, language
):
    client = make_browser(language)
    session = _start(client, language, "one")
    answer = ANSWERS[(language, "result")]
    parent = _answer(client, session, answer)
    page = _next(client, session)

    follow_up = SessionQuestion.objects.get(session=session, order=2)
    assert follow_up.parent_id == parent.pk and follow_up.follow_up_target == "result"
    assert "data-follow-up" in page and TEXT[language]["badge"] in page
    thread = page.split('class="thread"', 1)[1].split("</ol>", 1)[0]
    assert escape(parent.question.question) in thread  # the question it digs into
    assert (
        TEXT[language]["answered"] in thread and escape(answer[:60]) in thread
    )  # the answer, quoted
    assert escape(follow_up.question.question) in page

    _answer(client, session, ANSWERS[(language, "lesson")])
    feedback = client.get(reverse("web:practice", args=[session.pk])).content.decode()
    assert "data-follow-up" in feedback and 'class="thread"' in feedback
    main = _next(client, session)  # one follow-up per question: back to a main question
    assert "data-follow-up" not in main and 'class="thread"' not in main

    client.post(reverse("web:finish", args=[session.pk]))
    report = client.get(reverse("web:report", args=[session.pk])).content.decode()
    rows = re.findall(r"<tr( class=\"report-follow-up[^>]*)?>\s*<td>(\d+)</td>", report)
    assert [(bool(cls), order) for cls, order in rows] == [
        (False, "1"),
        (True, "2"),
        (False, "3"),
    ]
    assert f'data-parent="{parent.pk}"' in report
    assert TEXT[language]["depth"] in report and "data-depth" in report


def test_with_follow_ups_off_the_next_question_is_a_main_one(browser, bank, relaxed_limits):
    session = _start(browser, "en", "off")
    _answer(browser, session, ANSWERS[("en", "result")])
    page = _next(browser, session)
    assert "data-follow-up" not in page
    assert SessionQuestion.objects.get(session=session, order=2).kind == "main"
    browser.post(reverse("web:finish", args=[session.pk]))
    report = browser.get(reverse("web:report", args=[session.pk])).content.decode()
    assert "data-depth" not in report
