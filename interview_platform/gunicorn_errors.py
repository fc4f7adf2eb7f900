"""gunicorn's own error answers (over-long request line, bad headers, ...) in the API's error
envelope instead of gunicorn's HTML page.

gunicorn answers these before any request reaches Django, through `gunicorn.util.write_error`;
`gunicorn.conf.py` installs `write_error` below in its place. No Django import: it runs in
gunicorn's master before the application is loaded.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

_CODES = {
    400: ("validation_error", "bad_request", "The request is malformed."),
    403: ("auth_error", "permission_denied", "The request is not allowed."),
    414: ("validation_error", "uri_too_long", "The request line is too long."),
    417: ("validation_error", "expectation_failed", "The Expect header cannot be met."),
    431: ("validation_error", "headers_too_large", "The request headers are too large."),
    500: ("internal_error", "internal_error", "Something went wrong on our side."),
    501: ("validation_error", "not_implemented", "The transfer coding is not supported."),
}


def envelope_response(status_int: int, reason: str) -> bytes:
    """A complete HTTP/1.1 response with the error envelope as its JSON body."""
    error_type, code, message = _CODES.get(
        status_int, ("validation_error", "bad_request", "The request is malformed.")
    )
    request_id = str(uuid.uuid4())
    body = json.dumps(
        {
            "success": False,
            "error": {"type": error_type, "message": message, "code": code, "details": None},
            "requestId": request_id,
            "timestamp": datetime.now(UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
        }
    ).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/json\r\n"
        "Cache-Control: no-store\r\n"
        f"X-Request-ID: {request_id}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode("latin-1")
    return head + body


def write_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """Drop-in for `gunicorn.util.write_error`; gunicorn's own text (`mesg`) is not echoed."""
    from gunicorn.util import write_nonblock

    write_nonblock(sock, envelope_response(int(status_int), reason))


def install() -> None:
    import gunicorn.util

    gunicorn.util.write_error = write_error
