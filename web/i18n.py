"""The pages speak the user's language: preferences["language"], else the browser's."""

from __future__ import annotations

import functools

from django.conf import settings
from django.utils import translation

from interview_platform.api.i18n import SUPPORTED, request_language


def page_language(request) -> str:
    """The language a page speaks to this request before any saved preference: the language
    cookie (the header's switch), else the browser's Accept-Language, else English."""
    language = (translation.get_language_from_request(request) or "en")[:2]
    return language if language in SUPPORTED else "en"


def remember_language(request, response, language: str) -> None:
    # allauth's pages (sign out, password change) are rendered by LocaleMiddleware, which reads
    # this cookie: setting it here keeps them in the language the rest of the site speaks.
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 60 * 60,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )


def in_user_language(view):
    """Renders `view` in the user's language and remembers it for the pages we do not render."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        language = request_language(request, header_first=False)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, *args, **kwargs)
        if request.user.is_authenticated:
            remember_language(request, response, language)
        return response

    return wrapper
