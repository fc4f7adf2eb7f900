"""Inside Django, in the benchmark's environment: time the registered in-process benchmarks
(no HTTP) and write their samples as JSON. Run by the runner as `python -m bench.inproc`."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.inproc")
    parser.add_argument("--fixtures", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--names", required=True, help="comma-separated benchmark names")
    parser.add_argument("--requests", type=int, required=True)
    parser.add_argument("--warmup", type=int, required=True)
    parser.add_argument("--max-seconds", type=float, required=True)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interview_platform.settings")
    import django

    django.setup()
    from bench.registry import IN_PROCESS
    from bench.scenarios import load_all

    load_all()
    fixtures = json.loads(args.fixtures.read_text())
    results = {}
    for name in args.names.split(","):
        item = IN_PROCESS[name]
        prepared = item.setup(fixtures)
        if isinstance(prepared, str):
            results[name] = {"skipped": prepared}
            continue
        count = item.requests or args.requests
        for i in range(item.warmup if item.warmup is not None else args.warmup):
            prepared(i)
        samples = []
        started = time.perf_counter()
        for i in range(count):
            if time.perf_counter() - started > args.max_seconds:
                break
            t0 = time.perf_counter()
            try:
                prepared(i)
            except Exception as exc:  # recorded as this sample's error, the run goes on
                samples.append([(time.perf_counter() - t0) * 1000, f"{type(exc).__name__}: {exc}"])
                continue
            samples.append([(time.perf_counter() - t0) * 1000, None])
        results[name] = {"samples": samples, "elapsed_s": time.perf_counter() - started}
    args.out.write_text(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
