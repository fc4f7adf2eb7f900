"""Schemathesis hooks for the OAuth pass of `.ci/schemathesis.sh`.

The fake identity provider the tests use (`accounts/tests/fake_idp.py`: Google's certificates,
token and userinfo endpoints, LinkedIn's OpenID Connect) runs in this process on
SCHEMATHESIS_IDP_PORT, the port the served instance was configured with. A positive test case
carries an ID token or an authorization code that provider issued, for a new address each time,
so sign-up runs end to end; negative cases keep their generated values and must be refused."""

from __future__ import annotations

import os
import secrets
import sys

import schemathesis

sys.path.insert(0, os.getcwd())  # the repository: the fake provider lives in the tests

from accounts.tests.fake_idp import FakeIdentityProvider

IDP = FakeIdentityProvider(port=int(os.environ["SCHEMATHESIS_IDP_PORT"])).start()


def _identity() -> tuple[str, str]:
    return secrets.token_hex(8), f"oauth-{secrets.token_hex(6)}@example.com"


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    meta = case.meta
    if meta is None or meta.generation.mode.value != "positive" or not isinstance(case.body, dict):
        return
    subject, email = _identity()
    userinfo = {"sub": subject, "email": email, "email_verified": True, "name": "OAuth"}
    if case.operation.path.endswith("/google"):
        token = IDP.google_id_token(subject=subject, email=email)
        if "idToken" in case.body:
            case.body["idToken"] = token
        else:
            case.body["code"] = IDP.authorization_code(id_token=token, userinfo=userinfo)
    elif case.operation.path.endswith("/linkedin"):
        token = IDP.linkedin_id_token(subject=subject, email=email)
        case.body["code"] = IDP.authorization_code(id_token=token, userinfo=userinfo)
