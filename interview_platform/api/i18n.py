"""The language a response speaks.

API: an explicit `Accept-Language` whose first choice is a language we speak (ko, en) wins, so a
client can ask for either language whatever the account says; without one, the user's saved
`preferences.language`; else English. Pages: the saved language wins (browsers send the header
on every request, and the site's language switch saves the user's choice), else the cookie of
that switch, else the header.
"""

from __future__ import annotations

from django.utils.translation import get_language_from_request
from django.utils.translation.trans_real import parse_accept_lang_header

SUPPORTED = ("ko", "en")


def _header_language(request) -> str | None:
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    choices = parse_accept_lang_header(header) if header else ()
    for code, _quality in choices:
        if code == "*":
            return None
        language = code[:2].lower()
        if language in SUPPORTED:
            return language
    return None


def _saved_language(request) -> str | None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        preferred = (getattr(user, "preferences", None) or {}).get("language")
        if preferred in SUPPORTED:
            return preferred
    return None


def request_language(request, *, header_first: bool = True) -> str:
    django_request = getattr(request, "_request", request)
    if header_first:
        explicit = _header_language(django_request)
        if explicit:
            return explicit
    saved = _saved_language(request)
    if saved:
        return saved
    language = (get_language_from_request(django_request) or "en")[:2]
    return language if language in SUPPORTED else "en"
