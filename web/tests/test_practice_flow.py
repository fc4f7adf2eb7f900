"""A whole practice session through the pages: start → answer → feedback → next → finish →
report, in Korean and in English, with the Django test client."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from analysis.models import AnalysisResult
from sessions_app.models import InterviewSession, SessionQuestion

# Analyses are queued when the request's transaction commits, so these tests really commit.
pytestmark = pytest.mark.django_db(transaction=True)

ANSWERS = {
    "en": (
        "At my previous company I owned the payments service. When checkout latency rose to "
        "900 ms during a sale, I profiled the slow queries, added an index and a Redis cache, and "
        "load-tested with k6. Latency dropped to 120 ms and conversion rose 4% the next month."
    ),
    "ko": (
        "이전 회사에서 결제 서비스를 담당했습니다. 세일 기간에 응답 시간이 900ms까지 늘어나자 제가 "
        "느린 쿼리를 분석하고 인덱스와 Redis 캐시를 추가했으며 k6로 부하 테스트를 진행했습니다. "
        "그 결과 응답 시간이 120ms로 줄었고 다음 달 전환율이 4% 올랐습니다."
    ),
}

# What each language's pages must say (the UI follows preferences["language"]).
TEXT = {
    "en": {
        "start": "Start a practice session",
        "submit": "Submit answer",
        "score": "Score",
        "strengths": "Strengths",
        "improve": "To improve",
        "ideal": "Ideal answer",
        "sample": "Sample answer",
        "next": "Next question",
        "finish": "Finish and see the report",
        "report": "Session report",
        "rubric": ("Understanding", "Logic", "Specificity", "Job fit"),
        "category": "Software engineering",
        "answered": "2 of 2 questions answered",
    },
    "ko": {
        "start": "연습 시작하기",
        "submit": "답변 제출",
        "score": "점수",
        "strengths": "잘한 점",
        "improve": "보완할 점",
        "ideal": "모범 답변",
        "sample": "예시 답변",
        "next": "다음 질문",
        "finish": "마치고 리포트 보기",
        "report": "세션 리포트",
        "rubric": ("질문 이해도", "논리성", "구체성", "직무 적합성"),
        "category": "소프트웨어 개발",
        "answered": "2개 질문 중 2개 답변",
    },
}


def _served_id(html: str) -> str:
    return re.search(r'name="session_question" value="([0-9a-f-]{36})"', html).group(1)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_whole_session_through_the_pages(make_browser, bank, relaxed_limits, language):
    browser = make_browser(language)
    text = TEXT[language]

    start_page = browser.get(reverse("web:start")).content.decode()
    assert f'<html lang="{language}">' in start_page
    assert text["start"] in start_page
    assert text["category"] in start_page
    # The user's preferences are the form's defaults.
    assert re.search(r'value="software_engineering"[^>]*checked', start_page)
    assert re.search(rf'name="language" value="{language}"[^>]*checked', start_page)

    started = browser.post(
        reverse("web:start"),
        {
            "category": "software_engineering",
            "difficulty": "medium",
            "language": language,
            "question_count": 2,
        },
        HTTP_USER_AGENT="pytest-browser/1.0",
    )
    session = InterviewSession.objects.get(user=browser.user)
    assert started.status_code == 302
    assert started["Location"] == reverse("web:practice", args=[session.pk])
    assert session.metadata["session_source"] == "web"
    assert session.metadata["user_agent"] == "pytest-browser/1.0"

    for order in (1, 2):
        page = browser.get(reverse("web:practice", args=[session.pk])).content.decode()
        served = SessionQuestion.objects.get(session=session, order=order)
        assert served.question.question in page.replace("&#x27;", "'").replace("&quot;", '"')
        assert text["submit"] in page
        assert 'maxlength="5000"' in page

        answered = browser.post(
            reverse("web:answer", args=[session.pk]),
            {"session_question": _served_id(page), "answer": ANSWERS[language]},
        )
        assert answered.status_code == 302
        assert answered["Location"] == reverse("web:practice", args=[session.pk])

        analysis = AnalysisResult.objects.get(session_question=served)
        assert analysis.status == "completed"  # embedded mode: eager, done on commit
        feedback = browser.get(answered["Location"]).content.decode()
        assert f"<span>{analysis.total_score}</span><small>/100</small>" in feedback
        for label in (*text["rubric"], text["strengths"], text["improve"], text["ideal"]):
            assert label in feedback
        if served.kind == "main":  # a follow-up quotes the user: it has no sample answer
            assert text["sample"] in feedback
        assert analysis.strengths[0].replace('"', "&quot;") in feedback
        if order == 1:
            assert text["next"] in feedback
            assert browser.post(reverse("web:next", args=[session.pk])).status_code == 302
        else:
            assert text["next"] not in feedback  # every question has been served
        assert text["finish"] in feedback

    finished = browser.post(reverse("web:finish", args=[session.pk]))
    assert finished.status_code == 302
    assert finished["Location"] == reverse("web:report", args=[session.pk])
    session.refresh_from_db()
    assert session.status == "completed"
    assert session.total_score is not None

    report = browser.get(finished["Location"]).content.decode()
    assert text["report"] in report
    assert f"<span>{session.total_score}</span><small>/100</small>" in report
    assert text["answered"] in report
    for label in text["rubric"]:
        assert label in report
    for entry in session.report["questions"]:
        url = reverse("web:question-feedback", args=[session.pk, entry["session_question_id"]])
        assert f'href="{url}"' in report
    assert session.report["top_strengths"][0].replace('"', "&quot;") in report

    # The practice page of a finished session is its report.
    again = browser.get(reverse("web:practice", args=[session.pk]))
    assert again["Location"] == reverse("web:report", args=[session.pk])
    dashboard = browser.get(reverse("web:dashboard")).content.decode()
    assert reverse("web:report", args=[session.pk]) in dashboard
    assert str(session.total_score) in dashboard


def test_a_custom_role_is_asked_for_and_kept(browser, bank, relaxed_limits):
    refused = browser.post(
        reverse("web:start"),
        {
            "category": "custom",
            "custom_category": " ",
            "difficulty": "easy",
            "language": "en",
            "question_count": 3,
        },
    )
    assert refused.status_code == 400
    assert "Name the role for a custom category." in refused.content.decode()
    assert not InterviewSession.objects.filter(user=browser.user).exists()

    started = browser.post(
        reverse("web:start"),
        {
            "category": "custom",
            "custom_category": "Game producer",
            "difficulty": "easy",
            "language": "en",
            "question_count": 1,
        },
    )
    session = InterviewSession.objects.get(user=browser.user)
    assert started["Location"] == reverse("web:practice", args=[session.pk])
    page = browser.get(started["Location"]).content.decode()
    assert "Game producer" in page
