"""`make bench [BENCH_ARGS=...]`: reset the bench database, seed it, serve the app with gunicorn
in the production shape, drive every registered scenario from this process, print the table
and write var/bench/results.json. See bench/README.md."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import database, report, server, truths
from .context import Context
from .driver import measure_flow, measure_request, run_load, run_paired
from .registry import (
    BASELINE,
    PAIRED_ROUNDS,
    SCENARIOS,
    SERVER_ENV,
    InProcess,
    Scenario,
    paired_name,
    select,
)
from .scenarios import load_all
from .stats import Sample, apply_baseline_and_target, baseline_for, summarize

ROOT = server.ROOT
OUT_DIR = ROOT / "var" / "bench"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/interview_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
CPUS = os.cpu_count() or 1


@dataclass(frozen=True)
class Budget:
    requests: int
    warmup: int
    max_seconds: float


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="make bench BENCH_ARGS=...", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke test")
    parser.add_argument("--only", default="", help="comma-separated scenario names or groups")
    parser.add_argument("--requests", type=int, help="measured requests per scenario and level")
    parser.add_argument("--warmup", type=int, help="warm-up requests per scenario and level")
    parser.add_argument(
        "--max-seconds", type=float, help="time budget per scenario and level (default 60, 15)"
    )
    parser.add_argument(
        "--keep-db", action="store_true", help="reuse the bench database if it exists"
    )
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even if a target fails")
    parser.add_argument("--workers", type=int, default=CPUS, help="gunicorn workers (one a core)")
    parser.add_argument("--threads", type=int, default=8, help="gunicorn threads per worker")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    parser.add_argument("--json", type=Path, default=OUT_DIR / "results.json")
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    parser.add_argument(
        "--provider-latency",
        type=float,
        default=2.0,
        help="seconds a completion of the fake OpenAI provider takes (0: the offline provider)",
    )
    args = parser.parse_args(argv)
    for name in ("requests", "warmup", "workers", "threads"):
        value = getattr(args, name)
        if value is not None and value < (0 if name == "warmup" else 1):
            parser.error(f"--{name} must be positive")
    return args


def budget_for(item: Scenario | InProcess, level: int, args: argparse.Namespace) -> Budget:
    if args.requests:
        requests = args.requests
    else:
        requests = item.requests or 200
        if args.quick:
            requests = min(requests, 20)
    if args.warmup is not None:
        warmup = args.warmup
    elif item.warmup is not None:
        warmup = min(item.warmup, 3) if args.quick else item.warmup
    else:
        warmup = max(3, level) if args.quick else max(10, 2 * level)
    max_seconds = args.max_seconds or getattr(item, "max_seconds", None) or 60.0
    if args.quick and not args.max_seconds:
        max_seconds = min(max_seconds, 15.0)
    return Budget(requests, warmup, max_seconds)


def git_revision() -> str:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from PATH, fixed args
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{rev} (+ uncommitted changes)" if dirty else rev


def run_child(cmd: list[str], env: dict[str, str], prefix: str) -> None:
    """Run a Django-side step, echoing its output indented; stopped with us on Ctrl-C."""
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        cmd,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            print(f"{prefix}{line.rstrip()}", flush=True)
        code = proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if code:
        raise RuntimeError(f"{' '.join(cmd[1:4])} failed with exit code {code}")


def unavailable(item: Scenario, ctx: Context) -> str | None:
    """Why the scenario cannot run (None when it can)."""
    if item.endpoint and ctx.has_endpoint(item.method, item.endpoint) is False:
        return f"{item.method} {item.endpoint} not built yet (absent from the OpenAPI schema)"
    if item.auth and not ctx.users:
        return "no seeded users to authenticate as"
    if item.requires is not None:
        return item.requires(ctx)
    return None


def _only_404s(item: Scenario, ctx: Context, samples: list[Sample]) -> bool:
    """Without a schema to ask, an endpoint that answers nothing but 404 is taken as not built."""
    if ctx.has_endpoint(item.method, item.endpoint or "") is not None or not samples:
        return False
    return all(s.status == 404 for s in samples)


def measure_scenario(
    item: Scenario,
    ctx: Context,
    args: argparse.Namespace,
    levels: tuple[int, ...],
    baseline_p95: dict[int, float],
) -> list[report.Outcome]:
    outcomes = []
    reason = unavailable(item, ctx)
    if reason:
        skipped = report.Outcome(item.name, item.group, "http", item.description, skipped=reason)
        print(report.row(skipped), flush=True)
        return [skipped]

    def one(client, index: int) -> Sample:
        if item.flow is not None:
            return measure_flow(client, item, ctx, index)
        return measure_request(client, item, item.request_for(ctx, index))

    baseline = SCENARIOS[BASELINE]
    paired = item.paired_with_baseline and item.name != BASELINE

    def baseline_one(client, index: int) -> Sample:
        return measure_request(client, baseline, baseline.request_for(ctx, index))

    for level in levels:
        budget = budget_for(item, level, args)
        clients = [ctx.client() for _ in range(level)]
        base_load = None
        try:
            warm = run_load(
                one=one, clients=clients, requests=budget.warmup, max_seconds=budget.max_seconds
            )
            load = None
            if not _only_404s(item, ctx, warm.samples):
                if paired:
                    base_load, load = run_paired(
                        first=baseline_one,
                        second=one,
                        clients=clients,
                        requests=budget.requests,
                        rounds=PAIRED_ROUNDS,
                        max_seconds=budget.max_seconds,
                        first_index=budget.warmup,
                    )
                else:
                    load = run_load(
                        one=one,
                        clients=clients,
                        requests=budget.requests,
                        max_seconds=budget.max_seconds,
                        first_index=budget.warmup,
                    )
        finally:
            for client in clients:
                client.close()
        if load is None:
            reason = f"answered 404 ({warm.samples[0].error}); not built yet?"
            skipped = report.Outcome(
                item.name, item.group, "http", item.description, skipped=reason
            )
            print(report.row(skipped), flush=True)
            outcomes.append(skipped)
            break
        base = baseline_for(level, baseline_p95)
        if base_load is not None:
            alongside = summarize(
                paired_name(item.name), level, base_load.samples, base_load.elapsed_s
            )
            apply_baseline_and_target(alongside, baseline_p95=alongside.p95_ms, target_ms=None)
            outcome = report.Outcome(
                alongside.name,
                baseline.group,
                "http",
                f"{BASELINE} in rounds alternating with {item.name}, on the same connections",
                summary=alongside,
                stopped_by_time=base_load.stopped_by_time,
                load_average=round(os.getloadavg()[0], 2),
            )
            print(report.row(outcome), flush=True)
            outcomes.append(outcome)
            base = alongside.p95_ms
        summary = summarize(item.name, level, load.samples, load.elapsed_s)
        if item.name == BASELINE:
            base = summary.p95_ms
        apply_baseline_and_target(summary, baseline_p95=base, target_ms=item.target_for(level))
        outcome = report.Outcome(
            item.name,
            item.group,
            "http",
            item.description,
            summary=summary,
            stopped_by_time=load.stopped_by_time,
            load_average=round(os.getloadavg()[0], 2),
        )
        if item.name == BASELINE and summary.p95_ms is not None:
            baseline_p95[level] = summary.p95_ms
        print(report.row(outcome), flush=True)
        outcomes.append(outcome)
    return outcomes


def measure_in_process(
    items: list[InProcess],
    env: dict[str, str],
    fixtures_path: Path,
    args: argparse.Namespace,
    baseline_p95: dict[int, float],
) -> list[report.Outcome]:
    if not items:
        return []
    budget = budget_for(items[0], 1, args)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "inproc.json"
        run_child(
            [
                sys.executable,
                "-m",
                "bench.inproc",
                "--fixtures",
                str(fixtures_path),
                "--out",
                str(out),
                "--names",
                ",".join(i.name for i in items),
                "--requests",
                str(budget.requests),
                "--warmup",
                str(budget.warmup),
                "--max-seconds",
                str(budget.max_seconds),
            ],
            env,
            "  in-process | ",
        )
        results = json.loads(out.read_text())
    outcomes = []
    for item in items:
        result = results[item.name]
        if "skipped" in result:
            outcome = report.Outcome(
                item.name, item.group, "in-process", item.description, skipped=result["skipped"]
            )
            print(report.row(outcome), flush=True)
            outcomes.append(outcome)
            continue
        samples = [Sample(ms, None if error else 0, error) for ms, error in result["samples"]]
        summary = summarize(item.name, 1, samples, result["elapsed_s"])
        apply_baseline_and_target(
            summary, baseline_p95=baseline_for(1, baseline_p95), target_ms=item.target_ms
        )
        outcome = report.Outcome(
            item.name,
            item.group,
            "in-process",
            item.description,
            summary=summary,
            load_average=round(os.getloadavg()[0], 2),
        )
        print(report.row(outcome), flush=True)
        outcomes.append(outcome)
    return outcomes


def list_scenarios() -> None:
    scenarios, in_process = select(None)
    for item in scenarios:
        target = f"  p95 < {item.target_ms:.0f} ms" if item.target_ms else ""
        levels = ",".join(map(str, item.concurrency))
        where = f"{item.method} {item.endpoint}" if item.endpoint else "(flow)"
        print(f"{item.name:<24} {item.group:<12} c={levels:<6} {where}{target}")
    for item in in_process:
        target = f"  p95 < {item.target_ms:.0f} ms" if item.target_ms else ""
        print(f"{item.name:<24} {item.group:<12} in-process{target}")


def report_memory(processes: list[server.ManagedProcess]) -> list[dict]:
    """RSS (and PSS) of every process of the web server and the workers, printed and returned."""
    memory = [p for group in processes for p in server.process_memory(group)]
    if memory:
        print("\nmemory after the run (every process of gunicorn and the workers):")
        for p in memory:
            pss = f"{p['pss_mb']:.0f}" if p["pss_mb"] is not None else "-"
            kind = "main" if p["main"] else "child"
            print(
                f"  {p['role']:<20} {kind:<5} pid {p['pid']:<7} "
                f"RSS {p['rss_mb']:>6.0f} MB  PSS {pss:>5} MB"
            )
        total = sum(p["rss_mb"] for p in memory)
        pss_total = sum(p["pss_mb"] or 0 for p in memory)
        print(f"  total RSS {total:.0f} MB, PSS {pss_total:.0f} MB")
    return memory


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    load_all()
    if args.list:
        list_scenarios()
        return 0
    try:
        scenarios, in_process = select(args.only.split(","))
    except KeyError as exc:
        print(f"bench: {exc.args[0]}", file=sys.stderr)
        return 2
    # Ctrl-C, a kill or a closed terminal all end the run through the same cleanup; SIGINT is
    # set explicitly because a shell may start a background job with it ignored.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)

    # The baseline runs first, at every level the other selected scenarios use.
    baseline = next(s for s in scenarios if s.name == BASELINE)
    others = [s for s in scenarios if s.name != BASELINE]
    levels_used = sorted({level for s in scenarios for level in s.concurrency})
    plan = [(baseline, tuple(levels_used)), *((s, s.concurrency) for s in others)]

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    provider = None
    provider_url = None
    provider_port = 0
    if args.provider_latency > 0:
        provider_port = server.free_port()
        provider = server.start_fake_provider(
            port=provider_port, latency=args.provider_latency, log=OUT_DIR / "provider.log"
        )
        provider_url = f"http://127.0.0.1:{provider_port}/v1"
    env = server.bench_env(
        database_url=args.database_url,
        redis_url=args.redis_url,
        secret_key=secrets.token_urlsafe(50),
        extra=SERVER_ENV,
        provider_url=provider_url,
    )
    meta = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "git": git_revision(),
        "mode": "quick" if args.quick else "full",
        "cpus": CPUS,
        "python": platform.python_version(),
        "database": args.database_url,
        "redis": args.redis_url,
        "server": {
            "kind": "gunicorn gthread",
            "workers": args.workers,
            "threads": args.threads,
            "env": {k: env[k] for k in ("DJANGO_ENV", "DEBUG", "RATELIMIT_ENABLE", "AI_PROVIDER")},
            "scenario_settings": dict(SERVER_ENV),
        },
        "rate_limiting": "disabled (RATELIMIT_ENABLE=false): the runner measures latency",
        "latency": "from sending a request to reading its whole body, successful requests only",
    }
    rep = report.Report(meta)
    fixtures_path = OUT_DIR / "fixtures.json"
    started = time.monotonic()
    meta["load_average"] = round(os.getloadavg()[0], 2)
    print(
        f"make bench ({meta['mode']}) at {meta['git']} on {CPUS} CPU core(s), load average "
        f"{meta['load_average']} (anything else running on the machine skews the figures)"
    )
    print("  rate limiting is OFF (RATELIMIT_ENABLE=false): this measures latency, not the limiter")
    if SERVER_ENV:
        print(f"  settings from scenarios: {', '.join(f'{k}={v}' for k, v in SERVER_ENV.items())}")
    exit_code = 0
    with contextlib.ExitStack() as stack:
        try:
            if provider is not None:
                stack.callback(provider.stop)
                server.wait_listening(provider, provider_port)
                print(
                    f"  fake OpenAI provider pid {provider.pid} at {provider_url}: "
                    f"{args.provider_latency:g} s a completion (AI_PROVIDER=openai)"
                )
            else:
                print("  AI provider: offline (--provider-latency 0)")
            state = database.reset_database(args.database_url, keep=args.keep_db)
            redis_db = database.flush_redis(args.redis_url)
            print(f"  database {database.database_name(args.database_url)}: {state}")
            print(f"  redis db {redis_db}: flushed")
            print("  seeding (migrate + seeders, in the production settings):")
            run_child(
                [
                    sys.executable,
                    "-m",
                    "bench.seed",
                    "--out",
                    str(fixtures_path),
                    *(["--quick"] if args.quick else []),
                ],
                # Seeding analyses answers in process: the offline scorer, not 2 s of fake
                # provider per seeded answer (what is measured is the served run, not these).
                server.offline_env(env),
                "    ",
            )
            fixtures = json.loads(fixtures_path.read_text())

            workers = []
            roles = server.worker_roles(scenarios)
            if roles:
                for role in roles:
                    worker = server.start_worker(
                        role=role, env=env, log=OUT_DIR / f"worker-{role}.log"
                    )
                    stack.callback(worker.stop)
                    workers.append(worker)
                ready = server.wait_worker_ready(workers, args.redis_url)
                pids = ", ".join(f"{w.name} pid {w.pid}" for w in workers)
                print(f"  {pids}: {'ready' if ready else 'not ready yet'}")

            port = server.free_port()
            gunicorn = server.start_gunicorn(
                env=env,
                port=port,
                workers=args.workers,
                threads=args.threads,
                log=OUT_DIR / "gunicorn.log",
            )
            stack.callback(gunicorn.stop)
            took = server.wait_healthy(gunicorn, port)
            print(
                f"  gunicorn pid {gunicorn.pid} on 127.0.0.1:{port}: gthread, "
                f"{args.workers} worker(s) x {args.threads} threads (one worker per core: Python "
                "runs one thread at a time per process; threads cover database, Redis and ?wait= "
                f"waits), DJANGO_ENV=production DEBUG=false; healthy after {took:.1f} s"
            )
            ctx = Context(host="127.0.0.1", port=port, fixtures=fixtures)
            ctx.load_schema()
            if ctx.schema_error:
                print(f"  OpenAPI schema unreadable ({ctx.schema_error}): probing for 404s")
            print(f"  driver: pid {os.getpid()}, threads with keep-alive http.client connections")
            if ctx.users:
                ctx.token(0)  # logs in once now, so the line below says what is really used
            print(f"  access tokens: {ctx.token_source()}")
            meta["tokens"] = ctx.token_source()
            print()
            print(report.HEADER)
            print("-" * len(report.HEADER))

            baseline_p95: dict[int, float] = {}
            for item, levels in plan:
                rep.outcomes += measure_scenario(item, ctx, args, levels, baseline_p95)
            rep.outcomes += measure_in_process(in_process, env, fixtures_path, args, baseline_p95)
            meta["notes"] = ctx.notes
            memory = report_memory([gunicorn, *workers])
            meta["memory"] = memory
            argon2 = next(
                (o for o in rep.outcomes if o.name == "auth.argon2-verify" and o.summary), None
            )
            rep.truths = truths.truths(
                rep.outcomes,
                memory,
                argon2_ms=argon2.summary.p50_ms if argon2 else None,
                cores=CPUS,
            )
        except KeyboardInterrupt:
            print("\nbench: interrupted; stopping the server", file=sys.stderr)
            meta["interrupted"] = True
            exit_code = 130
        except Exception as exc:  # any setup failure ends the run with the reason, server stopped
            print(f"\nbench: {type(exc).__name__}: {exc}", file=sys.stderr)
            meta["error"] = f"{type(exc).__name__}: {exc}"
            exit_code = 2
    meta["duration_s"] = round(time.monotonic() - started, 1)
    rep.write_json(args.json)

    print()
    if rep.truths:
        print(
            f"targets (load average = 1-minute load when the row was measured, on {CPUS} cores; "
            "the machine may be shared):"
        )
        for line in truths.render(rep.truths):
            print(f"  {line}")
        print()
    for line in report.error_lines(rep):
        print(line)
    for note in meta.get("notes", []):
        print(f"note: {note}")
    shown = args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json
    print(f"\nresults: {shown}")
    print(
        f"server log: {(OUT_DIR / 'gunicorn.log').relative_to(ROOT)}; took {meta['duration_s']} s"
    )
    if exit_code:
        return exit_code
    failed_truths = [t.measure for t in rep.truths if t.result == "FAIL"]
    if rep.failures or failed_truths:
        names = ", ".join(
            [f"{o.name}@{o.summary.concurrency}" for o in rep.failures if o.summary] + failed_truths
        )
        print(f"FAILED targets: {names}" + (" (--no-fail: exit 0)" if args.no_fail else ""))
        return 0 if args.no_fail else 1
    targeted = [o for o in rep.outcomes if o.summary and o.summary.verdict]
    print(f"all {len(targeted)} targeted measurement(s) passed" if targeted else "no targets")
    return 0
