"""A local identity provider on 127.0.0.1, standing in for Google and LinkedIn in tests.

It has its own RSA key and serves what allauth fetches: Google's certificate list, token and
userinfo endpoints, and for LinkedIn an OpenID Connect discovery document, JWKS, token and
userinfo endpoints. Tests mint ID tokens with it (or with a stranger's key) and register
authorization codes it will exchange.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from jwt.algorithms import RSAAlgorithm

GOOGLE_ISSUER = "https://accounts.google.com"
GOOGLE_CLIENT_ID = "test-client.apps.googleusercontent.com"
LINKEDIN_CLIENT_ID = "linkedin-test-client"
CLIENT_SECRET = "test-secret"


def _new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _self_signed_certificate(key: rsa.RSAPrivateKey) -> str:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fake-idp.test")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


class FakeIdentityProvider:
    kid = "fake-key-1"

    def __init__(self, port: int = 0) -> None:
        self.key = _new_key()
        self.stranger_key = _new_key()  # signs tokens the provider never issued
        self.certificate = _self_signed_certificate(self.key)
        self.codes: dict[str, dict[str, Any]] = {}
        self.access_tokens: dict[str, dict[str, Any]] = {}
        self.token_requests: list[dict[str, str]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # --- lifecycle ---------------------------------------------------------------------------
    def start(self) -> FakeIdentityProvider:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def reset(self) -> None:
        self.codes.clear()
        self.access_tokens.clear()
        self.token_requests.clear()

    # --- URLs the app is configured with -------------------------------------------------------
    @property
    def google_certs_url(self) -> str:
        return f"{self.base_url}/google/certs"

    @property
    def google_token_url(self) -> str:
        return f"{self.base_url}/google/token"

    @property
    def google_userinfo_url(self) -> str:
        return f"{self.base_url}/google/userinfo"

    @property
    def linkedin_server_url(self) -> str:
        return f"{self.base_url}/linkedin"

    # --- minting ---------------------------------------------------------------------------------
    def id_token(
        self,
        *,
        issuer: str,
        audience: str,
        subject: str = "1234567890",
        email: str = "kim@example.com",
        email_verified: bool = True,
        expires_in: int = 3600,
        signed_by_stranger: bool = False,
        **claims: Any,
    ) -> str:
        now = int(time.time())
        payload = {
            "iss": issuer,
            "aud": audience,
            "sub": subject,
            "email": email,
            "email_verified": email_verified,
            "iat": now - 10,
            "exp": now + expires_in,
            "jti": secrets.token_hex(8),
            **claims,
        }
        key = self.stranger_key if signed_by_stranger else self.key
        return jwt.encode(payload, key, algorithm="RS256", headers={"kid": self.kid})

    def google_id_token(self, **kwargs: Any) -> str:
        kwargs.setdefault("issuer", GOOGLE_ISSUER)
        kwargs.setdefault("audience", GOOGLE_CLIENT_ID)
        return self.id_token(**kwargs)

    def linkedin_id_token(self, **kwargs: Any) -> str:
        kwargs.setdefault("issuer", self.linkedin_server_url)
        kwargs.setdefault("audience", LINKEDIN_CLIENT_ID)
        return self.id_token(**kwargs)

    def authorization_code(self, *, id_token: str | None, userinfo: dict[str, Any]) -> str:
        """A code the token endpoint exchanges for `id_token` and an access token for `userinfo`."""
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"id_token": id_token, "userinfo": userinfo}
        return code

    # --- HTTP ------------------------------------------------------------------------------------
    def _jwks(self) -> dict:
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def _discovery(self) -> dict:
        base = self.linkedin_server_url
        return {
            "issuer": base,
            "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token",
            "userinfo_endpoint": f"{base}/userinfo",
            "jwks_uri": f"{base}/jwks",
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "id_token_signing_alg_values_supported": ["RS256"],
        }

    def _exchange(self, form: dict[str, str]) -> tuple[int, dict]:
        self.token_requests.append(form)
        grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or form.get("client_secret") != CLIENT_SECRET:
            return 400, {"error": "invalid_grant"}
        access_token = secrets.token_urlsafe(16)
        self.access_tokens[access_token] = grant["userinfo"]
        body = {"access_token": access_token, "token_type": "Bearer", "expires_in": 3600}
        if grant["id_token"]:
            body["id_token"] = grant["id_token"]
        return 200, body

    def _userinfo(self, authorization: str) -> tuple[int, dict]:
        info = self.access_tokens.get(authorization.removeprefix("Bearer ").strip())
        return (200, info) if info is not None else (401, {"error": "invalid_token"})

    def _handler(self):
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def _send(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                path = urlparse(self.path).path
                authorization = self.headers.get("Authorization", "")
                routes = {
                    "/google/certs": lambda: (200, {idp.kid: idp.certificate}),
                    "/google/userinfo": lambda: idp._userinfo(authorization),
                    "/linkedin/.well-known/openid-configuration": lambda: (200, idp._discovery()),
                    "/linkedin/jwks": lambda: (200, idp._jwks()),
                    "/linkedin/userinfo": lambda: idp._userinfo(authorization),
                }
                route = routes.get(path)
                self._send(*(route() if route else (404, {"error": "not_found"})))

            def do_POST(self) -> None:
                path = urlparse(self.path).path
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                form = {key: values[0] for key, values in parse_qs(raw).items()}
                if path in ("/google/token", "/linkedin/token"):
                    self._send(*idp._exchange(form))
                else:
                    self._send(404, {"error": "not_found"})

        return Handler
