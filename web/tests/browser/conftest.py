"""Real-browser tests: Playwright for Python driving Debian's chromium (never a downloaded one).

Each test gets a fresh browser context on pytest-django's live server. Every page the test opens
is watched: a console error, an uncaught exception, a failed request or an error response fails
the test (unless the test said it expects that status), and so does a request to any host other
than the live server: the pages must work with no network. `shoot()` writes a screenshot at
desktop and phone size into SCREENSHOT_DIR and checks that the phone layout has no horizontal
overflow.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR") or settings.BASE_DIR / "var" / "screenshots")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

SKIP_REASON = (
    f"browser tests SKIPPED: no Chromium at {CHROMIUM} "
    "(apt-get install -y chromium, or set CHROMIUM_PATH)"
)


def chromium_available() -> bool:
    return os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)


def pytest_collection_modifyitems(config, items):
    if chromium_available():
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(skip)


def pytest_report_header(config):
    if chromium_available():
        return [f"browser tests: chromium {CHROMIUM}, screenshots in {SCREENSHOT_DIR}"]
    return [SKIP_REASON]


@pytest.fixture(scope="session")
def chromium():
    # Playwright's sync API runs an event loop in this thread; the test's ORM calls between
    # browser steps are still synchronous, which Django must be told it may allow.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What went wrong while the pages were open."""

    origin: str
    problems: list[str] = field(default_factory=list)
    expected_statuses: set[int] = field(default_factory=set)
    # Outside URLs a page may try and do without (it must render all the same).
    tolerated_outside: set[str] = field(default_factory=set)

    def tolerated(self, url: str) -> bool:
        return url in self.tolerated_outside

    def on_console(self, message) -> None:
        tolerated = self.tolerated(message.location.get("url", "")) or any(
            url in message.text for url in self.tolerated_outside
        )
        # Chromium also logs the error responses the test said it expects.
        tolerated = tolerated or any(
            f"status of {status} " in message.text for status in self.expected_statuses
        )
        if message.type == "error" and not tolerated:
            self.problems.append(f"console error: {message.text} ({message.location})")

    def on_page_error(self, error) -> None:
        self.problems.append(f"uncaught exception: {error}")

    def on_request_failed(self, request) -> None:
        if request.failure and "ERR_ABORTED" in request.failure:
            # Cancelled by the page moving on (a navigation, or a favicon still loading when a
            # form submits); an answer that did arrive with an error status is caught by
            # on_response, so nothing that failed is hidden here.
            return
        if self.tolerated(request.url):
            return
        self.problems.append(f"request failed: {request.method} {request.url} {request.failure}")

    def on_response(self, response) -> None:
        if response.status >= 400 and response.status not in self.expected_statuses:
            self.problems.append(
                f"HTTP {response.status}: {response.request.method} {response.url}"
            )


@pytest.fixture
def watch(live_server) -> Watch:
    return Watch(origin=live_server.url)


@pytest.fixture
def context(chromium, live_server, watch):
    """A new browser context (cookies, storage) whose only reachable host is the live server."""
    context = chromium.new_context(viewport=DESKTOP, locale="en-US", service_workers="block")
    origin = urlsplit(live_server.url).netloc

    def offline(route):
        if urlsplit(route.request.url).netloc == origin or route.request.url.startswith("data:"):
            route.continue_()
        else:
            if not watch.tolerated(route.request.url):
                watch.problems.append(f"outside request: {route.request.url}")
            route.abort("internetdisconnected")

    context.route("**/*", offline)
    context.on("console", watch.on_console)
    context.on("weberror", lambda web_error: watch.on_page_error(web_error.error))
    context.on("requestfailed", watch.on_request_failed)
    context.on("response", watch.on_response)
    context.set_default_timeout(15_000)
    yield context
    context.close()
    assert not watch.problems, "\n".join(watch.problems)


@pytest.fixture
def page(context):
    return context.new_page()


def sign_in(context, user, live_server) -> None:
    """Gives the browser a signed-in session cookie (sign-up has its own test, through the form)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def has_horizontal_overflow(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def shoot(page, name: str, *, full_page: bool = True) -> None:
    """Screenshots of the page at desktop and phone size; the phone layout must not overflow."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(50)
    overflow = has_horizontal_overflow(page)
    page.screenshot(path=SCREENSHOT_DIR / f"{name}-phone.png", full_page=full_page)
    page.set_viewport_size(DESKTOP)
    page.wait_for_timeout(50)
    page.screenshot(path=SCREENSHOT_DIR / f"{name}-desktop.png", full_page=full_page)
    assert not overflow, f"{name}: the page is wider than a {PHONE['width']}px phone screen"
