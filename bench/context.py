"""What a scenario sees: the server's address, the seeded fixtures, the API's own schema (to
tell "not built yet" from "broken") and access tokens for the seeded users."""

from __future__ import annotations

import threading
from typing import Any

from .driver import HttpClient, Response, snippet
from .registry import normalize_endpoint

LOGIN_ENDPOINT = "/api/auth/login"


class Context:
    def __init__(self, *, host: str, port: int, fixtures: dict[str, Any]) -> None:
        self.host = host
        self.port = port
        self.fixtures = fixtures
        self.notes: list[str] = []
        self._endpoints: set[tuple[str, str]] | None = None
        self._spelling: dict[str, str] = {}
        self.schema_error: str | None = None
        self._tokens: dict[str, str] = {}
        self._lock = threading.Lock()
        self._login_failed = False

    # --- HTTP -----------------------------------------------------------------------------
    def client(self) -> HttpClient:
        return HttpClient(self.host, self.port)

    def call(
        self, method: str, path: str, body: Any = None, *, token: str | None = None
    ) -> Response:
        """One request outside the measurement (setup steps, token fetching)."""
        client = self.client()
        try:
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            return client.request(method, path, body, headers)
        finally:
            client.close()

    # --- the schema: which endpoints exist ------------------------------------------------
    def load_schema(self) -> None:
        try:
            response = self.call("GET", "/api/schema?format=json")
            if response.status != 200:
                raise RuntimeError(snippet(response.status, response.body))
            paths = response.json().get("paths", {})
        except Exception as exc:  # without a schema, requirement checks fall back to probing
            self.schema_error = f"{type(exc).__name__}: {exc}"[:300]
            return
        self._endpoints = set()
        for path, operations in paths.items():
            self._spelling.setdefault(normalize_endpoint(path), path)
            for method in operations:
                self._endpoints.add((method.upper(), normalize_endpoint(path)))

    def has_endpoint(self, method: str, endpoint: str) -> bool | None:
        """True/False from the OpenAPI schema; None when the schema could not be read."""
        if self._endpoints is None:
            return None
        return (method.upper(), normalize_endpoint(endpoint)) in self._endpoints

    def api_path(self, path: str) -> str:
        """`path` with the trailing slash the schema uses (`/api/x` vs `/api/x/`), query kept."""
        bare, _, query = path.partition("?")
        spelled = self._spelling.get(normalize_endpoint(bare))
        if spelled is not None and spelled.endswith("/") and not bare.endswith("/"):
            bare += "/"
        return f"{bare}?{query}" if query else bare

    # --- users and tokens -----------------------------------------------------------------
    @property
    def users(self) -> list[dict[str, Any]]:
        return self.fixtures.get("users", [])

    def user(self, index: int) -> dict[str, Any]:
        if not self.users:
            raise LookupError("no seeded users")
        return self.users[index % len(self.users)]

    def login_available(self) -> bool:
        return bool(self.has_endpoint("POST", LOGIN_ENDPOINT))

    def token(self, index: int = 0) -> str:
        """An access token of the `index`-th seeded user (round robin)."""
        return self.token_for(self.user(index))

    def token_for(self, user: dict[str, Any]) -> str:
        """An access token for a seeded user (a dict with email, password, accessToken):
        obtained by logging in when the login endpoint exists, else the one the seeding step
        minted with simplejwt. Cached per user for the run."""
        with self._lock:
            cached = self._tokens.get(user["email"])
            if cached:
                return cached
            token = None
            if self.login_available() and not self._login_failed:
                token = self._login(user)
            token = token or user["accessToken"]
            self._tokens[user["email"]] = token
            return token

    def _login(self, user: dict[str, Any]) -> str | None:
        response = self.call(
            "POST",
            self.api_path(LOGIN_ENDPOINT),
            {"email": user["email"], "password": user["password"]},
        )
        body = response.json() if response.status == 200 else None
        if isinstance(body, dict) and body.get("accessToken"):
            return body["accessToken"]
        self._login_failed = True
        self.notes.append(
            "tokens: login did not give one ("
            + snippet(response.status, response.body)
            + "); using the tokens minted at seeding"
        )
        return None

    def token_source(self) -> str:
        if self.login_available() and not self._login_failed:
            return "POST /api/auth/login"
        return "minted at seeding (accounts.tokens.token_pair_for)"
