"""The pages as a user meets them, in Chromium: sign-up, a whole session, settings, limits."""

from __future__ import annotations

import pytest

from accounts.models import User, default_preferences
from accounts.tests.factories import UserFactory
from questions.bank import load_bank
from questions.services import questions_seed

from ..test_flags import flagged_session
from ..test_practice_flow import ANSWERS
from .conftest import shoot, sign_in

SIGNUP_TEXT = {"en": "Welcome, Mina", "ko": "환영합니다, Mina님"}


@pytest.fixture
def bank(transactional_db):
    questions_seed(bank=load_bank(categories=["software_engineering"]))


def _user(language: str):
    return UserFactory(name="Mina Kim", preferences={**default_preferences(), "language": language})


@pytest.mark.parametrize("language", ["en", "ko"])
def test_sign_up_in_each_language(chromium, live_server, watch, language):
    context = chromium.new_context(locale={"en": "en-US", "ko": "ko-KR"}[language])
    context.on("console", watch.on_console)
    context.on("requestfailed", watch.on_request_failed)
    context.on("response", watch.on_response)
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    shoot(page, f"home-{language}")
    page.goto(f"{live_server.url}/accounts/signup/?next=/dashboard/")
    assert page.locator("html").get_attribute("lang") == language
    shoot(page, f"signup-{language}")
    page.fill("input[name=name]", "Mina")
    page.fill("input[name=email]", f"mina.{language}@example.com")
    page.fill("input[name=password1]", "a-long-and-unusual-passphrase")
    page.fill("input[name=password2]", "a-long-and-unusual-passphrase")
    page.locator("form.auth-form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")
    assert page.locator("html").get_attribute("lang") == language
    assert SIGNUP_TEXT[language] in page.locator("h1").inner_text()
    shoot(page, f"dashboard-new-{language}")
    user = User.objects.get(email=f"mina.{language}@example.com")
    assert user.preferences["language"] == language
    assert user.name == "Mina"
    context.close()
    assert not watch.problems, "\n".join(watch.problems)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_whole_practice_session_with_feedback_and_report(
    context, page, live_server, bank, settings, language
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m", "analysis": "100/m"}
    sign_in(context, _user(language), live_server)
    page.goto(f"{live_server.url}/practice/")
    shoot(page, f"start-{language}")
    page.locator(f"input[name=language][value={language}]").check()
    page.fill("input[name=question_count]", "2")
    page.locator("form.stack button[type=submit]").last.click()
    page.wait_for_url("**/practice/*/")
    for order in (1, 2):
        page.locator("textarea[name=answer]").wait_for()
        if order == 1:
            shoot(page, f"question-{language}")
        page.fill("textarea[name=answer]", ANSWERS[language])
        page.locator("[data-submit]").click()
        page.locator("#score-title").wait_for()
        assert page.locator(".check-list li").count() >= 1  # strengths
        if order == 1:
            shoot(page, f"feedback-{language}")
            page.locator("form[action$='/next/'] button").click()
    page.locator("form[action$='/finish/'] button").first.click()
    page.wait_for_url("**/report/")
    shoot(page, f"report-{language}")
    for path, name in (("/dashboard/", "dashboard"), ("/history/", "history")):
        page.goto(f"{live_server.url}{path}")
        shoot(page, f"{name}-{language}")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_settings_page_changes_name_language_and_sets_up_mfa(
    context, page, live_server, language
):
    user = _user(language)
    sign_in(context, user, live_server)
    page.goto(f"{live_server.url}/settings/")
    shoot(page, f"settings-{language}")
    page.fill("#profile input[name=name]", "Mina Park")
    page.locator("#profile form").first.locator("button").click()
    page.wait_for_url("**/settings/#profile")
    assert page.locator("#profile input[name=name]").input_value() == "Mina Park"
    other = "ko" if language == "en" else "en"
    page.select_option("#preferences select[name=language]", other)
    page.locator("#preferences button").click()
    page.wait_for_url("**/settings/#preferences")
    assert page.locator("html").get_attribute("lang") == other
    page.locator("a[href='/settings/mfa/']").click()
    page.locator("img.qr").wait_for()
    shoot(page, f"settings-mfa-{language}")
    user.refresh_from_db()
    assert user.name == "Mina Park"
    assert user.preferences["language"] == other


def test_the_rate_limit_counts_down_and_keeps_the_answer(
    context, page, live_server, watch, bank, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "1/m", "analysis": "100/m"}
    watch.expected_statuses.add(429)
    sign_in(context, _user("en"), live_server)
    page.goto(f"{live_server.url}/practice/")
    page.locator("input[name=language][value=en]").check()
    page.fill("input[name=question_count]", "3")
    page.locator("form.stack button[type=submit]").last.click()
    page.fill("textarea[name=answer]", ANSWERS["en"])
    page.locator("[data-submit]").click()
    page.locator("form[action$='/next/'] button").click()
    typed = ANSWERS["en"] + " Then I wrote the runbook."
    page.fill("textarea[name=answer]", typed)
    page.locator("[data-submit]").click()
    countdown = page.locator("[data-countdown]")
    countdown.wait_for()
    assert page.locator("textarea[name=answer]").input_value() == typed
    assert page.locator("[data-submit]").is_disabled()
    first = int(page.locator("[data-countdown-seconds]").inner_text())
    shoot(page, "rate-limit-countdown-en")
    # django-ratelimit's windows are per key, so the wait left can be anything from 1 to 60 s:
    # a long wait must tick down, a short one must end with the kept answer sendable again.
    page.wait_for_timeout(2200)
    if first > 2:
        assert int(page.locator("[data-countdown-seconds]").inner_text()) < first
        assert page.locator("[data-submit]").is_disabled()
    else:
        page.locator("[data-countdown-done]").wait_for()
        assert page.locator("[data-submit]").is_enabled()
        assert page.locator("textarea[name=answer]").input_value() == typed


def test_a_draft_survives_a_refresh(context, page, live_server, bank):
    sign_in(context, _user("ko"), live_server)
    page.goto(f"{live_server.url}/practice/")
    page.locator("input[name=language][value=en]").check()
    page.fill("input[name=question_count]", "1")
    page.locator("form.stack button[type=submit]").last.click()
    page.locator("textarea[name=answer]").wait_for()
    page.locator("textarea[name=answer]").press_sequentially(
        "이전 회사에서 저는 결제 서비스를 맡아 장애 대응을 이끌었습니다"
    )
    assert page.locator("[data-language-warning]").is_visible()  # Korean in an English session
    page.reload()
    assert (
        page.locator("textarea[name=answer]").input_value()
        == "이전 회사에서 저는 결제 서비스를 맡아 장애 대응을 이끌었습니다"
    )
    assert page.locator("[data-draft-restored]").is_visible()
    shoot(page, "draft-restored-ko")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_report_and_feedback_show_integrity_flags(context, page, live_server, language):
    user = _user(language)
    session, session_question = flagged_session(user, language=language, status="completed")
    sign_in(context, user, live_server)
    page.goto(f"{live_server.url}/practice/{session.pk}/report/")
    flags = page.locator("#flags-title-report + h3 + ul.flag-list li")
    assert flags.count() == 2
    assert all(text.strip() for text in flags.all_inner_texts())
    assert page.locator("li[data-flag=repetition]").inner_text().count("3") == 1
    shoot(page, f"report-flags-{language}")
    page.locator("#flags-title-report + h3 a").click()
    page.wait_for_url(f"**/questions/{session_question.pk}/")
    assert page.locator("ul.flag-list li[data-flag=language_mismatch]").inner_text().strip()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_missing_page_is_ours_without_the_url_list(
    context, page, live_server, watch, settings, language
):
    settings.DEBUG = True  # the default of `make run`
    watch.expected_statuses.add(404)
    sign_in(context, _user(language), live_server)
    page.goto(f"{live_server.url}/no-such-page/")
    assert page.locator("html").get_attribute("lang") == language
    assert "URLconf" not in page.content()
    assert page.locator("a[href='/dashboard/']").count() >= 1
    shoot(page, f"not-found-{language}")
