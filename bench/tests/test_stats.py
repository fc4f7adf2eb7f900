import statistics

import pytest

from bench.stats import (
    Sample,
    apply_baseline_and_target,
    baseline_for,
    percentile,
    ratio,
    summarize,
    verdict,
)


def test_percentile_interpolates_between_closest_ranks():
    values = [10.0, 20.0, 30.0, 40.0]
    assert percentile(values, 0) == 10.0
    assert percentile(values, 50) == 25.0
    assert percentile(values, 100) == 40.0
    # rank (4 - 1) * 0.95 = 2.85: 30 + 0.85 * 10
    assert percentile(values, 95) == pytest.approx(38.5)


def test_percentile_matches_the_inclusive_method_of_the_standard_library():
    values = [float(v) for v in (7, 1, 13, 5, 21, 3, 8, 34, 2, 55, 1, 89)]
    cut_points = statistics.quantiles(values, n=100, method="inclusive")
    for pct in (1, 25, 50, 90, 95, 99):
        assert percentile(values, pct) == pytest.approx(cut_points[pct - 1])


def test_percentile_of_one_value_is_that_value_and_order_does_not_matter():
    assert percentile([42.0], 99) == 42.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0


def test_percentile_refuses_no_values_and_out_of_range():
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_summary_takes_latency_from_successes_and_counts_errors():
    samples = [Sample(float(ms), 200) for ms in range(1, 101)]
    samples.insert(10, Sample(0.5, 500, "500: boom"))
    samples.append(Sample(3.0, None, "exception: ConnectionResetError"))
    summary = summarize("x", 2, samples, elapsed_s=2.0)
    assert summary.requests == 102
    assert summary.errors == 2
    assert summary.first_error == "500: boom"
    assert summary.p50_ms == 50.5
    assert summary.p95_ms == pytest.approx(95.05)
    assert summary.p99_ms == pytest.approx(99.01)
    assert summary.max_ms == 100.0
    assert summary.rps == 51.0
    assert summary.status_counts == {"200": 100, "500": 1, "exception": 1}


def test_summary_of_only_failures_still_shows_how_fast_they_failed():
    samples = [Sample(5.0, 500, "500: x"), Sample(7.0, 500, "500: y"), Sample(1.0, None, "exc")]
    summary = summarize("x", 1, samples, elapsed_s=1.0)
    assert summary.p50_ms == 6.0
    assert summary.errors == 3


def test_ratio_to_the_baseline():
    assert ratio(45.0, 5.0) == 9.0
    assert ratio(46.0, 3.0) == 15.3
    assert ratio(None, 5.0) is None
    assert ratio(5.0, None) is None
    assert ratio(5.0, 0.0) is None


def _summary(p95_ms, errors=0):
    samples = [Sample(p95_ms, 200)] * 20 + [Sample(1.0, 500, "500")] * errors
    return summarize("s", 1, samples, 1.0)


def test_a_target_passes_when_p95_is_within_it_and_nothing_failed():
    assert verdict(_summary(199.0), 200) == "PASS"
    assert verdict(_summary(200.0), 200) == "PASS"
    assert verdict(_summary(201.0), 200) == "FAIL"
    assert verdict(_summary(201.0), None) is None


def test_errors_fail_a_target_however_fast_the_rest_was():
    assert verdict(_summary(10.0, errors=1), 200) == "FAIL"


def test_apply_sets_ratio_target_and_verdict():
    summary = apply_baseline_and_target(_summary(40.0), baseline_p95=4.0, target_ms=300)
    assert (summary.ratio_p95, summary.target_ms, summary.verdict) == (10.0, 300, "PASS")


def test_the_baseline_is_read_at_the_same_level_or_the_nearest_below():
    base = {1: 2.0, 2: 3.0, 8: 9.0}
    assert baseline_for(2, base) == 3.0
    assert baseline_for(4, base) == 3.0
    assert baseline_for(16, base) == 9.0
    assert baseline_for(1, {2: 3.0}) == 3.0
    assert baseline_for(1, {}) is None
