"""A local OpenAI-compatible server with a fixed latency: `python -m bench.fake_provider --port
N --latency 2`. The bench points the app's OpenAI provider at it (AI_PROVIDER=openai,
OPENAI_BASE_URL), so answers go through the real queue, the worker's threads and the SDK
over HTTP, and the provider's time is known exactly. Every chat completion answers, after
`--latency` seconds, one valid analysis in the structured schema the provider asks for; the
language it reports is the one the prompt is written in (Hangul or not)."""

from __future__ import annotations

import argparse
import json
import re
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_HANGUL = re.compile("[\uac00-\ud7a3]")


def analysis(language: str) -> dict:
    return {
        "scores": {"understanding": 20, "logic": 18, "specificity": 16, "jobFit": 19},
        "integrity": {
            "answersTheQuestion": True,
            "answerLanguage": language,
            "addressesEvaluator": False,
        },
        "strengths": ["You measured before changing anything and named the figures."],
        "improvements": ["Say what you would do differently next time: add [lesson]."],
        "detailedFeedback": {
            "grammar": "Clear and correct.",
            "structure": "Situation, task, action and result in order.",
            "content": "Specific actions with measured results.",
            "suggestions": ["Name the trade-off you accepted."],
        },
        "idealAnswer": "Last year our order API slowed down at every promotion... [lesson].",
    }


def completion(content: dict, model: str) -> dict:
    return {
        "id": "chatcmpl-bench",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": json.dumps(content, ensure_ascii=False),
                    "refusal": None,
                },
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 812, "completion_tokens": 245, "total_tokens": 1057},
        "system_fingerprint": "fp_bench",
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    latency = 2.0
    # The headers and the body are two writes: with Nagle's algorithm on, the body waited for
    # the client's delayed ACK of the headers, 40 ms on a kept-alive connection, so a
    # completion took 2.04 s instead of the latency asked for. A real provider's servers do
    # not hold a response back that way.
    disable_nagle_algorithm = True

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        started = time.monotonic()
        try:
            request = json.loads(raw or b"{}")
        except ValueError:
            request = {}
        prompt = "\n".join(str(m.get("content", "")) for m in request.get("messages", []))
        body = completion(
            analysis("ko" if _HANGUL.search(prompt) else "en"),
            request.get("model") or "gpt-4o-2024-08-06",
        )
        time.sleep(max(0.0, self.latency - (time.monotonic() - started)))
        payload = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--latency", type=float, default=2.0)
    args = parser.parse_args()
    Handler.latency = args.latency
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"fake provider on 127.0.0.1:{args.port}, {args.latency} s a completion", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
