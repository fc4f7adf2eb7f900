"""Follow-up threads and practice for a job, in Chromium, at desktop and phone size."""

from __future__ import annotations

import pytest

from accounts.models import default_preferences
from accounts.tests.factories import UserFactory
from jobprep.tests.files import image_only_pdf, text_pdf
from jobprep.tests.test_job_practice import BACKEND_JD_EN, RESUME_LINES
from questions.bank import load_bank
from questions.services import questions_seed
from sessions_app.tests.test_followups import ANSWERS

from .conftest import shoot, sign_in

BADGE = {"en": "Follow-up", "ko": "꼬리질문"}


@pytest.fixture
def bank(transactional_db):
    questions_seed(bank=load_bank(categories=["software_engineering"]))


@pytest.fixture
def relaxed(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m", "analysis": "100/m"}


def _user(language: str):
    return UserFactory(name="Mina Kim", preferences={**default_preferences(), "language": language})


def _submit(page, text):
    page.fill("textarea[name=answer]", text)
    page.locator("[data-submit]").click()
    page.locator("#score-title").wait_for()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_follow_up_session_shows_the_thread_and_the_report_nests_it(
    context, page, live_server, bank, relaxed, language
):
    sign_in(context, _user(language), live_server)
    page.goto(f"{live_server.url}/practice/")
    page.locator(f"input[name=language][value={language}]").check()
    page.locator("input[name=follow_ups][value=one]").check()
    page.fill("input[name=question_count]", "4")
    shoot(page, f"start-follow-ups-{language}")
    page.locator("form.stack button[type=submit]").last.click()
    page.wait_for_url("**/practice/*/")
    assert not page.locator("[data-follow-up]").count()

    no_result = ANSWERS[(language, "result")]
    _submit(page, no_result)
    page.locator("form[action$='/next/'] button").click()
    page.locator("[data-follow-up]").wait_for()
    assert page.locator("[data-follow-up]").inner_text() == BADGE[language]
    quoted = page.locator(".thread-answer").inner_text()
    assert no_result[:40] in quoted  # the answer it digs into, quoted
    question = page.locator("#question-title").inner_text()
    assert '"' in question  # the follow-up quotes what was said
    assert question.split('"')[1].rstrip("…") in no_result
    shoot(page, f"follow-up-question-{language}")

    _submit(page, ANSWERS[(language, "lesson")])
    assert page.locator(".thread").is_visible()
    shoot(page, f"follow-up-feedback-{language}")
    page.locator("form[action$='/next/'] button").click()
    page.locator("textarea[name=answer]").wait_for()
    assert not page.locator("[data-follow-up]").count()  # one per question: a main one next

    # An answer whose figure has no method gets another follow-up: about that figure.
    unmeasured = ANSWERS[(language, "method")]
    _submit(page, unmeasured)
    page.locator("form[action$='/next/'] button").click()
    page.locator("[data-follow-up]").wait_for()
    second = page.locator("#question-title").inner_text()
    assert second != question
    assert "35%" in second.split('"')[1] and second.split('"')[1].rstrip("…") in unmeasured
    shoot(page, f"follow-up-method-{language}")
    _submit(page, ANSWERS[(language, "lesson")])

    page.locator("form[action$='/finish/'] button").first.click()
    page.wait_for_url("**/report/")
    rows = page.locator("tr.report-follow-up")
    assert rows.count() == 2 and BADGE[language] in rows.first.inner_text()
    assert page.locator("[data-depth]").is_visible()
    shoot(page, f"report-follow-ups-{language}")


def test_a_job_description_run_from_paste_to_fit_report(
    context, page, live_server, watch, bank, relaxed, tmp_path
):
    sign_in(context, _user("en"), live_server)
    page.goto(f"{live_server.url}/practice/")
    page.locator("a[href='/practice/job/']").first.click()
    page.wait_for_url("**/practice/job/")
    shoot(page, "job-paste-en")

    # A scanned résumé is refused with a clear message, and the pasted text stays.
    watch.expected_statuses.add(400)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_only_pdf())
    page.fill("textarea[name=description]", BACKEND_JD_EN)
    page.locator("input[name=language][value=en]").check()
    page.set_input_files("input[name=resume]", str(scan))
    page.locator("[data-job-form] button[type=submit]").click()
    error = page.locator(".has-error .errors")
    error.wait_for()
    assert "no text we can read" in error.inner_text()
    assert "REST APIs" in page.locator("textarea[name=description]").input_value()
    shoot(page, "job-paste-error-en")

    resume = tmp_path / "cv.pdf"
    resume.write_bytes(text_pdf(RESUME_LINES))
    page.set_input_files("input[name=resume]", str(resume))
    page.locator("[data-job-form] button[type=submit]").click()
    page.locator("[data-confirm-form]").wait_for()
    texts = [
        page.locator(f"input[name=req-{i}-text]").input_value()
        for i in range(page.locator("[data-requirement-row]").count())
    ]
    assert {"Python", "PostgreSQL", "Redis"} <= set(texts)
    assert page.get_by_text("Payments platform rebuild").count()
    shoot(page, "job-confirm-en")

    empty = texts.index("")
    page.fill(f"input[name=req-{empty}-text]", "Kafka")
    page.fill("input[name=question_count]", "2")
    page.locator("input[name=follow_ups][value=off]").check()
    page.locator("button[name=action][value=start]").click()
    page.wait_for_url("**/practice/*/")
    _submit(
        page,
        "At my last company I designed the REST APIs of our payments service in Python with "
        "PostgreSQL. I added indexing and Redis caching, and p95 latency fell from 900 ms to "
        "120 ms within a month.",
    )
    page.locator("form[action$='/finish/'] button").first.click()
    page.wait_for_url("**/report/")
    page.locator("a[href$='/fit/']").click()
    page.wait_for_url("**/fit/")
    covered = page.locator("[data-covered]").inner_text()
    missing = page.locator("[data-missing]").inner_text()
    assert "Redis" in covered and "120 ms" in covered
    assert "Kafka" in missing
    shoot(page, "job-fit-en")
