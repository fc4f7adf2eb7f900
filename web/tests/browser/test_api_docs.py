"""/api/docs and /api/redoc render from the project's own files, with no network at all."""

from __future__ import annotations

from .conftest import shoot


def test_swagger_ui_renders_offline(page, live_server):
    page.goto(f"{live_server.url}/api/docs")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "Interview Practice API" in page.locator(".swagger-ui .info .title").inner_text()
    # The operations come from the schema: the UI loaded it and drew it.
    page.locator(".opblock-tag-section").first.wait_for()
    assert page.locator(".opblock").count() > 20
    shoot(page, "api-docs", full_page=False)


def test_redoc_renders_offline(page, live_server, watch):
    # Redoc's bundle always asks Redocly's CDN for the little logo of its "API docs by Redocly"
    # footer and hides it when that fails; the page's CSP blocks it (a console message), and
    # nothing else may leave the machine.
    watch.tolerated_outside.add("https://cdn.redoc.ly/redoc/logo-mini.svg")
    page.goto(f"{live_server.url}/api/redoc")
    heading = page.locator("h1", has_text="Interview Practice API")
    heading.wait_for()
    assert page.locator("[data-section-id^='tag/'], [data-section-id^='operation/']").count() > 5
    shoot(page, "api-redoc", full_page=False)
