"""The admin, as staff meet it in Korean and in English, speaks one language: the index, the
list, add and change pages of the project's own models (each with a row to show) and the
platform analytics page. The project translates its models, fields, filters and actions; the
libraries' model names that ship without Korean are in `locale/ko`
(`interview_platform/library_labels.py`). The libraries' own pages are theirs to translate."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.tests.factories import UserFactory
from analysis.models import AnalysisResult
from analytics.models import ExportJob, UserAnalytics
from jobprep.services import job_profile_create
from sessions_app.tests.factories import SessionQuestionFactory

from .test_untranslated_pages import JOB_DESCRIPTION, visible_text, wrong_language

pytestmark = pytest.mark.django_db

# Words no catalogue can reach: allauth names its MFA model without gettext ("authenticators");
# Django's admin writes the alt text of its search icon and boolean icons as plain English;
# a JSON field shows an empty value as JSON's `null`.
UNTRANSLATABLE = {"Authenticators", "Search", "True", "False", "null"}
PROJECT_APPS = {"accounts", "questions", "sessions_app", "analysis", "analytics", "jobprep"}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
MASKED_HASH = re.compile(r"^\w+\*{4,}$")  # the password field's salt and hash, masked
ANSWER = {"ko": "팀원과 합의한 기준으로 결정했습니다.", "en": "We agreed on criteria and decided."}
QUESTION = {"ko": "갈등을 해결한 경험을 말해 주세요.", "en": "Tell me about a conflict you solved."}


def _rows(staff, language: str) -> list:
    """One object of each of the project's models, so lists and change forms have data."""
    sq = SessionQuestionFactory(
        session__user=staff,
        session__language=language,
        question__language=language,
        question__question=QUESTION[language],
        question__sample_answer=ANSWER[language],
        answer=ANSWER[language],
    )
    analysis = AnalysisResult.objects.create(
        user=staff,
        session=sq.session,
        session_question=sq,
        question=sq.question,
        user_answer=sq.answer,
        language=language,
        status="completed",
        total_score=60,
    )
    export = ExportJob.objects.create(user=staff, format="json", scope="all")
    daily = UserAnalytics.objects.create(user=staff, date=sq.started_at.date())
    profile = job_profile_create(user=staff, description=JOB_DESCRIPTION[language])
    return [staff, sq.question, sq.session, analysis, export, daily, profile]


def _admin_urls(rows, request) -> list[str]:
    urls = ["/admin/"]
    for model in admin.site._registry:
        opts = model._meta
        if opts.app_label in PROJECT_APPS:
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    for row in rows:
        opts = row._meta
        urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk]))
        if admin.site._registry[type(row)].has_add_permission(request):
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    return urls


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_admin_page_speaks_the_staff_members_language(language):
    staff = UserFactory(role="admin", name="Mina Kim", preferences={"language": language})
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(staff)
    problems = {}
    rows = _rows(staff, language)
    data = [str(row) for row in rows]  # an object's own name is data, shown as it is
    request = RequestFactory().get("/admin/")
    request.user = staff
    for url in _admin_urls(rows, request):
        response = client.get(url, follow=True)
        assert response.status_code == 200, (url, response.status_code)
        chunks = [
            chunk
            for chunk in visible_text(response.content.decode(), language)
            if chunk not in UNTRANSLATABLE
            and not UUID.search(chunk)
            and not MASKED_HASH.match(chunk)
            and not any(name and name in chunk for name in data)
        ]
        found = wrong_language(chunks, language)
        if found:
            problems[url] = found
    assert problems == {}, "\n".join(f"{url}: {found}" for url, found in problems.items())


@pytest.mark.parametrize(
    "language, header",
    [("ko", "AI 면접 연습 관리"), ("en", "Interview Practice administration")],
)
def test_the_admin_carries_the_products_name(language, header):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(UserFactory(role="admin", preferences={"language": language}))
    html = client.get("/admin/").content.decode()
    assert f"| {header}</title>" in html
    assert f'<a href="/admin/">{header}</a>' in html
