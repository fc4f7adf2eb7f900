"""Schemathesis hooks for the second pass of `.ci/schemathesis.sh`: every test case of the
operations that end or change a sign-in (logout, MFA, password, e-mail, account deletion) runs
as a user of its own, registered and freshly re-authenticated for it, so no case can sign out
or lock out the next one."""

from __future__ import annotations

import json
import os
import secrets
import urllib.request

import schemathesis

BASE = os.environ["SCHEMATHESIS_BASE_URL"]


def _post(path: str, body: dict, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(  # noqa: S310 (our own server, http)
        BASE + path, data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read() or b"{}")


@schemathesis.auth(refresh_interval=None)
class FreshUser:
    def get(self, case, context):
        password = f"Fresh-{secrets.token_urlsafe(12)}"
        session = _post(
            "/api/auth/register",
            {
                "email": f"fresh-{secrets.token_hex(8)}@example.com",
                "password": password,
                "name": "Fresh",
            },
        )
        token = session["accessToken"]
        # Recovery codes, MFA off, e-mail, password and deletion need a recent re-authentication.
        _post("/api/auth/reauthenticate", {"password": password}, token)
        return token

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}
