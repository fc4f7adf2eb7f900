"""The language a response speaks: the user's preference, else Accept-Language, else English."""

from __future__ import annotations

from django.utils.translation import get_language_from_request

SUPPORTED = ("ko", "en")


def request_language(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        preferred = (getattr(user, "preferences", None) or {}).get("language")
        if preferred in SUPPORTED:
            return preferred
    django_request = getattr(request, "_request", request)
    language = (get_language_from_request(django_request) or "en")[:2]
    return language if language in SUPPORTED else "en"
