"""A local, scriptable OpenAI-compatible HTTP server for tests of the OpenAI provider.

The official SDK talks to it over real HTTP on 127.0.0.1 (its transport cannot be mocked), so
retries, timeouts, headers and status-code handling are exercised exactly as in production.

Each test queues the responses it wants (`enqueue`, `enqueue_completion`, `enqueue_error`); every
request the server receives is recorded in `requests`. An unscripted request gets a 418 with an
explanation, which the SDK does not retry, so a test that forgot a response fails at once.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DEFAULT_MODEL = "gpt-4o-2024-08-06"
DEFAULT_USAGE = {"prompt_tokens": 812, "completion_tokens": 245, "total_tokens": 1057}


@dataclass(frozen=True)
class ScriptedResponse:
    status: int = 200
    body: Any = None  # dict/list → JSON; str/bytes → sent as is
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-cased names
    raw_body: bytes
    received_at: float  # time.monotonic()

    @property
    def json(self) -> Any:
        return json.loads(self.raw_body) if self.raw_body else None

    @property
    def messages(self) -> list[dict[str, Any]]:
        return (self.json or {}).get("messages", [])

    @property
    def prompt_text(self) -> str:
        """Every message's content, joined: what the model was shown."""
        return "\n".join(str(m.get("content", "")) for m in self.messages)


def chat_completion(
    content: str | dict[str, Any] | None,
    *,
    model: str = DEFAULT_MODEL,
    finish_reason: str = "stop",
    refusal: str | None = None,
    usage: dict[str, int] | None = DEFAULT_USAGE,
) -> dict[str, Any]:
    """A chat.completion body as the API returns it; a dict `content` is JSON-encoded."""
    if isinstance(content, dict):
        content = json.dumps(content, ensure_ascii=False)
    body: dict[str, Any] = {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": refusal},
                "logprobs": None,
                "finish_reason": finish_reason,
            }
        ],
        "system_fingerprint": "fp_fake",
    }
    if usage is not None:
        body["usage"] = usage
    return body


def error_body(message: str, *, type_: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the SDK's pooled client expects
    server: _Server

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        fake = self.server.fake
        fake._record(
            RecordedRequest(
                method=self.command,
                path=self.path,
                headers={k.lower(): v for k, v in self.headers.items()},
                raw_body=raw,
                received_at=time.monotonic(),
            )
        )
        scripted = fake._next_response(self.command, self.path)
        # Waiting on the stop event (not time.sleep) lets the server shut down mid-delay.
        if scripted.delay and fake._stopping.wait(scripted.delay):
            return
        body = scripted.body
        if isinstance(body, str):
            payload, content_type = body.encode(), "text/plain; charset=utf-8"
        elif isinstance(body, bytes):
            payload, content_type = body, "application/octet-stream"
        else:
            payload = json.dumps(body, ensure_ascii=False).encode()
            content_type = "application/json"
        try:
            self.send_response(scripted.status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            for name, value in scripted.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (a timeout test): nothing left to tell it

    do_GET = do_POST = do_PUT = do_DELETE = _handle

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean; `requests` is the log


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeOpenAIServer


class FakeOpenAIServer:
    """Start with `start()` (or `with FakeOpenAIServer() as fake:`); point the SDK at `base_url`."""

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self._queue: deque[ScriptedResponse] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start the fake server first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> FakeOpenAIServer:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # Scripting

    def enqueue(
        self,
        status: int = 200,
        body: Any = None,
        *,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
    ) -> None:
        with self._lock:
            self._queue.append(ScriptedResponse(status, body, dict(headers or {}), delay))

    def enqueue_completion(
        self,
        content: str | dict[str, Any] | None,
        *,
        delay: float = 0.0,
        headers: dict[str, str] | None = None,
        **completion: Any,
    ) -> None:
        """A 200 chat completion whose message content is `content` (see `chat_completion`)."""
        self.enqueue(200, chat_completion(content, **completion), headers=headers, delay=delay)

    def enqueue_error(
        self,
        status: int,
        message: str,
        *,
        type_: str = "invalid_request_error",
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.enqueue(status, error_body(message, type_=type_, code=code), headers=headers)

    @property
    def last_request(self) -> RecordedRequest:
        assert self.requests, "the fake server received no request"
        return self.requests[-1]

    # Called from handler threads

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _next_response(self, method: str, path: str) -> ScriptedResponse:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        return ScriptedResponse(
            418,
            error_body(
                f"fake OpenAI server: no scripted response for {method} {path}", type_="test"
            ),
        )
