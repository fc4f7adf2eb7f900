"""Error pages: 404 and 403 are always the product's own pages, in the visitor's language.

Django's handlers (`handler404`, `handler403`, `handler500` in the root URL conf) serve them when
DEBUG is off. With DEBUG on, Django answers a 404 with its debug page, which lists every URL
pattern of the site: `ErrorPageMiddleware` replaces any HTML 404 or 403 outside the API with
ours, so that page never reaches a user even under `make run` (DEBUG on by default in
development). A 500 keeps Django's traceback when DEBUG is on, for the developer running it;
with DEBUG off it is the standalone `500.html`. Under /api/ every error is the JSON envelope
(interview_platform.api.middleware).
"""

from __future__ import annotations

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token

from interview_platform.api.i18n import request_language

ERROR_TEMPLATES = {403: "403.html", 404: "404.html"}


def _language(request) -> str:
    try:
        return request_language(request, header_first=False)
    except Exception:  # the error page must render even when the user cannot be read
        return (translation.get_language() or "en")[:2]


def error_page(request, status: int):
    with translation.override(_language(request)):
        response = render(request, ERROR_TEMPLATES[status], status=status)
    response.product_error_page = True
    return response


@requires_csrf_token
def page_not_found(request, exception=None):
    return error_page(request, 404)


@requires_csrf_token
def permission_denied(request, exception=None):
    return error_page(request, 403)


@requires_csrf_token
def server_error(request):
    # Nothing from the database: the failure may be the database.
    return HttpResponseServerError(loader.get_template("500.html").render({}, None))


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


class ErrorPageMiddleware:
    """Replaces Django's own (debug) 404 and 403 pages outside /api/ with the product's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code in ERROR_TEMPLATES
            and not _is_api(request)
            and not getattr(response, "product_error_page", False)
            and not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            return error_page(request, response.status_code)
        return response
