"""404, 403 and 500 are the product's pages, translated, and never Django's URL list."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import path

from web.errors import server_error

pytestmark = pytest.mark.django_db

DEBUG_URL_LIST = "Using the URLconf defined in"


@pytest.fixture(params=[True, False], ids=["debug", "no-debug"])
def debug(request, settings):
    settings.DEBUG = request.param
    return request.param


def test_an_unknown_address_is_our_404_in_the_visitors_language(client, debug):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="ko-KR,ko;q=0.9")
    content = response.content.decode()
    assert response.status_code == 404
    assert DEBUG_URL_LIST not in content
    assert "admin/" not in content
    assert '<html lang="ko">' in content
    assert "페이지를 찾을 수 없습니다" in content
    assert '<link rel="stylesheet" href="/static/css/app.css">' in content

    english = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Page not found" in english
    assert DEBUG_URL_LIST not in english


def test_a_signed_in_user_gets_the_404_in_their_saved_language(korean_browser, debug):
    response = korean_browser.get(f"/practice/{uuid.uuid4()}/", HTTP_ACCEPT_LANGUAGE="en")
    content = response.content.decode()
    assert response.status_code == 404  # another user's or no session: a view's Http404
    assert "페이지를 찾을 수 없습니다" in content
    assert 'href="/dashboard/"' in content
    assert DEBUG_URL_LIST not in content


def test_a_refused_form_is_our_403(browser, debug):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(browser.user)
    response = strict.post(f"/practice/{uuid.uuid4()}/finish/")
    content = response.content.decode()
    assert response.status_code == 403
    assert "Access denied" in content
    assert "CSRF" not in content


def test_the_api_keeps_its_json_envelope(client, debug):
    response = client.get("/api/no-such-endpoint")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", _boom)]
handler500 = server_error


def test_a_server_error_is_our_standalone_500_without_debug(settings, client):
    settings.DEBUG = False
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    response = client.get("/boom/", HTTP_ACCEPT_LANGUAGE="ko")
    content = response.content.decode()
    assert response.status_code == 500
    assert "문제가 발생했습니다" in content
    assert "boom" not in content
    assert "RuntimeError" not in content


def test_the_root_urlconf_names_our_handlers():
    from interview_platform import urls

    assert urls.handler404 == "web.errors.page_not_found"
    assert urls.handler403 == "web.errors.permission_denied"
    assert urls.handler500 == "web.errors.server_error"
