"""Practice for a job through the pages: paste a description (and a résumé), check and edit the
requirements found, start a session for them, and read the fit report."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from jobprep.models import JobProfile
from jobprep.resume import MAX_RESUME_BYTES
from jobprep.tests.files import encrypted_pdf, image_only_pdf, text_pdf
from jobprep.tests.test_job_practice import BACKEND_JD_EN, BACKEND_JD_KO, RESUME_LINES
from sessions_app.models import InterviewSession, SessionQuestion

pytestmark = pytest.mark.django_db(transaction=True)

JD_ANSWER_EN = (
    "At my last company I designed the REST APIs of our payments service in Python with "
    "PostgreSQL. I added indexing and Redis caching, and p95 latency fell from 900 ms to 120 ms "
    "within a month."
)


def _paste(client, description, **extra):
    return client.post(reverse("web:job-start"), {"description": description, **extra})


def _rows(requirements, extra=2):
    data = {
        "req-TOTAL_FORMS": str(len(requirements) + extra),
        "req-INITIAL_FORMS": str(len(requirements)),
        "req-MIN_NUM_FORMS": "0",
        "req-MAX_NUM_FORMS": "15",
    }
    for index, (kind, text) in enumerate(requirements):
        data[f"req-{index}-kind"] = kind
        data[f"req-{index}-text"] = text
    for index in range(len(requirements), len(requirements) + extra):
        data[f"req-{index}-kind"] = "skill"
        data[f"req-{index}-text"] = ""
    return data


def _confirm(client, profile, requirements, *, action="start", **options):
    data = {
        **_rows(requirements),
        "category": "software_engineering",
        "difficulty": "medium",
        "question_count": 3,
        "follow_ups": "off",
        "action": action,
        **options,
    }
    return client.post(reverse("web:job-confirm", args=[profile.pk]), data)


def test_the_job_page_says_what_to_paste(browser):
    page = browser.get(reverse("web:job-start")).content.decode()
    assert 'name="description"' in page and 'name="resume"' in page
    assert 'enctype="multipart/form-data"' in page
    assert reverse("web:job-start") in browser.get(reverse("web:start")).content.decode()


@pytest.mark.parametrize(
    ("description", "message"),
    [
        ("", "Paste the job description."),
        ("Backend role", "The job description is too short to practise for"),
    ],
)
def test_an_empty_or_short_description_is_refused_on_its_field(browser, description, message):
    response = _paste(browser, description, language="en")
    assert response.status_code == 400
    field = response.content.decode().split('name="description"', 1)[1].split("</div>", 2)[1]
    assert message in field
    assert not JobProfile.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cv.pdf", encrypted_pdf(RESUME_LINES), "password-protected"),
        ("scan.pdf", image_only_pdf(), "no text we can read"),
        ("cv.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "Upload the résumé as a PDF"),
        ("fake.pdf", b"only text named .pdf", "is not a PDF"),
        ("huge.pdf", b"%PDF-" + b"0" * MAX_RESUME_BYTES, "at most 2 MB"),
    ],
)
def test_a_bad_resume_gets_a_clear_error_and_keeps_the_description(browser, name, data, message):
    response = _paste(browser, BACKEND_JD_EN, language="en", resume=SimpleUploadedFile(name, data))
    assert response.status_code == 400
    page = response.content.decode()
    resume_field = page.split('name="resume"', 1)[1].split("</div>", 2)[1]
    assert escape(message) in resume_field
    assert escape("Design and operate high-traffic REST APIs") in page  # nothing typed is lost
    assert not JobProfile.objects.exists()


def test_a_pasted_description_and_pdf_resume_lead_to_the_requirements_to_confirm(browser):
    upload = SimpleUploadedFile("cv.pdf", text_pdf(RESUME_LINES), content_type="application/pdf")
    response = _paste(browser, BACKEND_JD_EN, language="en", resume=upload)
    profile = JobProfile.objects.get(user=browser.user)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:job-confirm", args=[profile.pk])
    page = browser.get(response["Location"]).content.decode()
    values = re.findall(r'name="req-\d+-text" [^>]*value="([^"]*)"', page)
    assert {"Python", "PostgreSQL", "Redis"} <= set(values)
    kinds = set(re.findall(r'<option value="(\w+)" selected>', page))
    assert {"skill", "responsibility", "seniority"} <= kinds
    assert "Payments platform rebuild" in page  # a résumé project the interview will ask about
    assert "cv.pdf" in page


def test_edited_requirements_are_confirmed_and_the_session_starts_for_them(browser, bank):
    _paste(browser, BACKEND_JD_EN, language="en")
    profile = JobProfile.objects.get(user=browser.user)
    kept = [(r["kind"], r["text"]) for r in profile.requirements if r["text"] != "Redis"]
    response = _confirm(browser, profile, [*kept, ("skill", "Kafka")], follow_ups="two")
    session = InterviewSession.objects.get(user=browser.user)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:practice", args=[session.pk])
    profile.refresh_from_db()
    texts = [r["text"] for r in profile.requirements]
    assert profile.confirmed and "Kafka" in texts and "Redis" not in texts
    assert session.job_session.requirements == profile.requirements
    assert session.follow_ups == "two" and session.question_count == 3


def test_removing_a_requirement_with_its_checkbox_and_saving_without_starting(browser):
    _paste(browser, BACKEND_JD_EN, language="en")
    profile = JobProfile.objects.get(user=browser.user)
    rows = [(r["kind"], r["text"]) for r in profile.requirements]
    data = {
        **_rows(rows),
        "req-0-DELETE": "on",
        "category": "software_engineering",
        "difficulty": "hard",
        "question_count": 3,
        "follow_ups": "one",
        "action": "save",
    }
    response = browser.post(reverse("web:job-confirm", args=[profile.pk]), data)
    assert response.status_code == 302
    profile.refresh_from_db()
    assert [r["text"] for r in profile.requirements] == [text for _, text in rows[1:]]
    assert profile.confirmed and profile.difficulty == "hard"
    assert not InterviewSession.objects.filter(user=browser.user).exists()


def test_confirming_no_requirement_at_all_is_refused(browser):
    _paste(browser, BACKEND_JD_EN, language="en")
    profile = JobProfile.objects.get(user=browser.user)
    response = _confirm(browser, profile, [])
    assert response.status_code == 400
    assert "Keep at least one requirement to practise for." in response.content.decode()
    profile.refresh_from_db()
    assert not profile.confirmed


def test_another_users_job_is_not_found(browser, make_browser):
    _paste(browser, BACKEND_JD_EN, language="en")
    profile = JobProfile.objects.get(user=browser.user)
    other = make_browser("en")
    assert other.get(reverse("web:job-confirm", args=[profile.pk])).status_code == 404
    assert _confirm(other, profile, [("skill", "Python")]).status_code == 404


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_fit_page_lists_covered_requirements_with_quotes_and_missing_ones(
    make_browser, bank, relaxed_limits, language
):
    client = make_browser(language)
    _paste(client, {"en": BACKEND_JD_EN, "ko": BACKEND_JD_KO}[language], language=language)
    profile = JobProfile.objects.get(user=client.user)
    _confirm(client, profile, [(r["kind"], r["text"]) for r in profile.requirements])
    session = InterviewSession.objects.get(user=client.user)
    answer = {
        "en": JD_ANSWER_EN,
        "ko": "결제 서비스의 REST API를 설계했고 Redis 캐시와 인덱스로 응답 시간을 900ms에서 "
        "120ms로 줄였습니다. 장애가 나면 제가 먼저 대응했습니다.",
    }[language]
    current = SessionQuestion.objects.get(session=session, answered_at__isnull=True)
    client.post(
        reverse("web:answer", args=[session.pk]),
        {"session_question": current.pk, "answer": answer},
    )
    report = client.get(reverse("web:report", args=[session.pk])).content.decode()
    assert reverse("web:job-fit", args=[session.pk]) in report
    page = client.get(reverse("web:job-fit", args=[session.pk])).content.decode()
    covered = page.split("data-covered", 1)[1].split("</section>", 1)[0]
    missing = page.split("data-missing", 1)[1].split("</section>", 1)[0]
    assert "Redis" in covered and "120" in covered  # the requirement, and the answer quoted
    assert reverse("web:question-feedback", args=[session.pk, current.pk]) in covered
    assert "<li>" in missing  # what never came up is listed too
    assert re.search(r"data-fit-score><span>\d+</span>", page)


def test_the_fit_page_of_a_session_not_started_for_a_job_is_not_found(browser, bank):
    browser.post(
        reverse("web:start"),
        {
            "category": "software_engineering",
            "difficulty": "medium",
            "language": "en",
            "question_count": 1,
            "follow_ups": "off",
        },
    )
    session = InterviewSession.objects.get(user=browser.user)
    assert browser.get(reverse("web:job-fit", args=[session.pk])).status_code == 404
