"""The spec's auth limit (5/min) per client IP and per account identifier, on the shared cache."""

from __future__ import annotations

from django.conf import settings

from interview_platform.api.ratelimit import enforce_rate_limit


def auth_rate() -> str:
    # Read per request, so tests and deployments can change RATE_LIMITS["auth"].
    return getattr(settings, "RATE_LIMITS", {}).get("auth", "5/m")


def body_identifier(request, field: str) -> str:
    """The account a request names (its email, uid, ...), read before validation."""
    data = request.data if isinstance(request.data, dict) else {}
    return str(data.get(field) or "").strip().lower()[:320]


def auth_rate_limit(request, *, group: str, identifier: str = "") -> None:
    """Counts the request against its IP and, when it names one, the account it targets."""
    rate = auth_rate()
    enforce_rate_limit(request, group=f"{group}:ip", key="ip", rate=rate)
    if identifier:
        enforce_rate_limit(
            request, group=f"{group}:account", key=lambda _group, _request: identifier, rate=rate
        )
