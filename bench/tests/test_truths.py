from bench.report import Outcome
from bench.stats import Sample, apply_baseline_and_target, summarize
from bench.truths import render, truths


def _outcome(name, level, latencies, elapsed, *, target=None, group="g", load=3.0, errors=0):
    samples = [Sample(ms, 200) for ms in latencies] + [Sample(1.0, 500, "boom")] * errors
    summary = summarize(name, level, samples, elapsed)
    apply_baseline_and_target(summary, baseline_p95=None, target_ms=target)
    return Outcome(name, group, "http", summary=summary, load_average=load)


def _by_measure(rows):
    return {row.measure.split(" (")[0]: row for row in rows}


def test_the_ai_rows_read_answers_per_minute_and_the_p95_off_the_wait_flow():
    # 80 answers in 20 s by 8 clients: 240 a minute, each 2.0-2.2 s.
    ai = _outcome("analysis.submit-wait", 8, [2000 + i * 2.5 for i in range(80)], 20.0, load=4.5)
    rows = _by_measure(truths([ai], [], argon2_ms=None, cores=2))
    assert rows["AI answers completed per minute"].value == "240"
    assert rows["AI answers completed per minute"].result == "PASS"
    assert rows["AI answers completed per minute"].load == "4.5"
    assert rows["answer -> result available p95"].result == "PASS"
    slow = _outcome("analysis.submit-wait", 8, [8000.0] * 16, 16.0)
    rows = _by_measure(truths([slow], [], argon2_ms=None, cores=2))
    assert rows["AI answers completed per minute"].result == "FAIL"
    assert rows["answer -> result available p95"].result == "FAIL"


def test_login_passes_at_the_hash_floor_and_the_list_against_ping():
    login = _outcome("login", 8, [230.0] * 20, 5.0)
    listing = _outcome("questions.list", 8, [30.0] * 20, 1.0, target=300)
    ping = _outcome("ping/questions.list", 8, [10.0] * 20, 1.0)
    earlier_ping = _outcome("ping", 8, [5.0] * 20, 1.0)  # another moment: not the ratio's
    rows = _by_measure(truths([earlier_ping, login, listing, ping], [], argon2_ms=60.0, cores=2))
    assert rows["login p95"].result == "PASS"  # floor 60 x 8 / 2 = 240 ms
    assert "floor ~240 ms" in rows["login p95"].note
    assert rows["question list p95 / ping p95"].result == "PASS"
    assert rows["question list p95 / ping p95"].value == "30.0 / 10.0 ms = 3.0x"
    rows = _by_measure(truths([login], [], argon2_ms=20.0, cores=2))
    assert rows["login p95"].result == "FAIL"  # floor 80 ms: 230 is not the hash's doing


def test_memory_and_the_spec_rows():
    memory = [{"rss_mb": 400.0, "pss_mb": 300.0}, {"rss_mb": 350.0, "pss_mb": 250.0}]
    export = _outcome("analytics.export-json", 8, [40_000.0] * 5, 60.0, target=30_000)
    stats = _outcome("analytics.user-stats", 8, [90.0] * 20, 1.0, target=1_000, errors=1)
    rows = _by_measure(truths([export, stats], memory, argon2_ms=None, cores=2))
    assert rows["RSS after the run: web + workers"].result == "FAIL"  # 750 MB
    assert rows["spec: export < 30 s"].result == "FAIL"
    assert rows["spec: analytics < 1 s"].result == "FAIL"  # an error fails a target
    assert rows["spec: auth < 200 ms"].result == "-"  # not measured in this run
    assert all(len(line) > 10 for line in render(truths([export], memory, argon2_ms=None, cores=2)))
