"""Inside Django, in the benchmark's environment: migrate, then run every registered seeder
and write the fixtures the scenarios read. Run by the runner as `python -m bench.seed`."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.seed")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interview_platform.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from bench.registry import ordered_seeders
    from bench.scenarios import load_all

    started = time.perf_counter()
    out = io.StringIO()
    call_command("migrate", interactive=False, verbosity=1, stdout=out)
    applied = sum(1 for line in out.getvalue().splitlines() if line.strip().endswith("OK"))
    print(f"migrate: {applied} migration(s) applied in {time.perf_counter() - started:.1f} s")

    load_all()
    fixtures: dict = {}
    for name, seed in ordered_seeders():
        step = time.perf_counter()
        print(f"[{name}] ", end="", flush=True)
        fixtures.update(seed(fixtures, quick=args.quick) or {})
        print(f"  ({time.perf_counter() - step:.1f} s)", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(fixtures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
