"""The statistics' definitions, on hand-computed values."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from analytics import stats


def test_ols_slope_of_a_straight_line_is_its_step():
    assert stats.ols_slope([10, 12, 14, 16]) == 2


def test_ols_slope_by_hand():
    # x = 0..4, y = 50, 60, 55, 70, 65: x̄ = 2, ȳ = 60;
    # Σ(x-x̄)(y-ȳ) = (-2)(-10) + (-1)(0) + 0 + (1)(10) + (2)(5) = 40; Σ(x-x̄)² = 10 → 4.
    assert stats.ols_slope([50, 60, 55, 70, 65]) == 4


def test_ols_slope_needs_two_points():
    assert stats.ols_slope([70]) is None


def test_trend_needs_five_answers():
    assert stats.trend_slope([10, 20, 30, 40]) is None
    assert stats.classify_trend(None) == "stable"


def test_trend_exactly_at_the_threshold_is_improving():
    # Slope 0.5 points per answer exactly: 60, 60.5, ... as halves of integers.
    scores = [Fraction(120 + i, 2) for i in range(6)]
    assert stats.trend_slope(scores) == Fraction(1, 2)
    assert stats.classify_trend(stats.trend_slope(scores)) == "improving"


def test_trend_at_and_below_the_threshold():
    # 60, 60, 61, 61, 62: slope = Σ(x-2)(y-60.8) / 10 = (1.6 + 0.8 + 0 + 0.2 + 2.4) / 10 = 0.5
    assert stats.trend_slope([60, 60, 61, 61, 62]) == Fraction(1, 2)
    assert stats.classify_trend(Fraction(1, 2)) == "improving"
    # 60, 60, 61, 61, 61: ȳ = 60.6; Σ(x-2)(y-ȳ) = 1.2 + 0.6 + 0 + 0.4 + 0.8 = 3 → 0.3: stable
    assert stats.trend_slope([60, 60, 61, 61, 61]) == Fraction(3, 10)
    assert stats.classify_trend(Fraction(3, 10)) == "stable"


def test_declining_threshold_is_symmetric():
    assert stats.classify_trend(Fraction(-1, 2)) == "declining"
    assert stats.classify_trend(Fraction(-49, 100)) == "stable"


def test_dimension_scores_are_put_on_the_100_scale_first():
    # 10, 11, 12, 13, 14 out of 25 = 40, 44, 48, 52, 56 out of 100: slope 4.
    assert stats.trend_slope([10, 11, 12, 13, 14], scale_max=25) == 4


def test_only_the_last_twenty_answers_count():
    # 20 answers rising by 1, after 10 answers falling steeply: only the rise is seen.
    scores = [100 - 10 * i for i in range(10)] + list(range(40, 60))
    assert stats.trend_slope(scores) == 1


def test_improvement_rate_rounds_the_slope():
    assert stats.improvement_rate([50, 51, 50, 52, 53]) == 0.7
    assert stats.improvement_rate([50, 60]) is None


def test_streak_counts_back_from_today():
    today = date(2025, 3, 10)
    days = [date(2025, 3, 10), date(2025, 3, 9), date(2025, 3, 8), date(2025, 3, 6)]
    assert stats.current_streak(days, today=today) == 3


def test_streak_survives_until_the_day_is_over():
    today = date(2025, 3, 10)
    assert stats.current_streak([date(2025, 3, 9), date(2025, 3, 8)], today=today) == 2


def test_streak_is_broken_by_a_missed_day():
    today = date(2025, 3, 10)
    assert stats.current_streak([date(2025, 3, 8)], today=today) == 0
    assert stats.current_streak([], today=today) == 0


def test_percent_rank_matches_sql():
    # Scores 50, 60, 60, 70: PERCENT_RANK = (rank-1)/(n-1) = 0, 1/3, 1/3, 1.
    assert stats.percent_rank(0, 4) == 0
    assert stats.percent_rank(1, 4) == 1 / 3
    assert stats.percent_rank(3, 4) == 1
    assert stats.percent_rank(0, 1) == 0


def test_histogram_buckets():
    assert [stats.histogram_bucket(s) for s in (0, 9.99, 10, 55.5, 99.9, 100)] == [
        0,
        0,
        1,
        5,
        9,
        9,
    ]


def test_improvement_key_ignores_what_a_note_quotes():
    first = stats.improvement_key('Your result "we shipped it" has no figure: say how much.')
    second = stats.improvement_key("Your result “cut costs” has no figure: say how much")
    assert first[0] == second[0]
    assert first[1] == ('"we shipped it"',)


def test_recurring_text_keeps_what_every_note_quotes_and_blanks_the_rest():
    notes = [
        'Missing: "budget" and "risks", key points. Your "we did it" has no figure.',
        'Missing: "budget" and "risks", key points. Your "it went well" has no figure.',
    ]
    quotes = [stats.improvement_key(note)[1] for note in notes]
    assert stats.improvement_key(notes[0])[0] == stats.improvement_key(notes[1])[0]
    assert stats.recurring_text(notes[0], quotes) == (
        'Missing: "budget" and "risks", key points. Your “…” has no figure.'
    )
