"""The statistics the analytics endpoints report, as pure functions with exact arithmetic.

Definitions (the API schema and the README repeat them):

- **Trend slope**: the ordinary least-squares slope of a skill's scores over its last
  `TREND_WINDOW` (20) scored answers in the order they were given, x = 0, 1, ..., n-1, with each
  score first expressed on a 0-100 scale (a rubric dimension's 0-25 score times 4). Its unit is
  points (of 100) per answer. Computed with fractions, so a slope exactly at the threshold is
  classified the same way on every database and platform.
- **Trend**: `improving` when the slope is >= +`TREND_THRESHOLD` (0.5 points per answer, i.e.
  about +10 points over 20 answers), `declining` when <= -0.5, else `stable`. With fewer than
  `TREND_MIN_ANSWERS` (5) answers there is no slope and the trend is `stable`.
- **improvementRate**: the trend slope of the total score (0-100) over the user's last 20 scored
  answers, in points per answer, rounded to 2 decimals; null below 5 answers.
- **Current streak**: the number of consecutive days, ending today or yesterday (a streak is not
  broken before the day is over), on each of which the user submitted at least one answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from fractions import Fraction

from .models import Trend

TREND_WINDOW = 20
TREND_MIN_ANSWERS = 5
TREND_THRESHOLD = Fraction(1, 2)

HISTOGRAM_BUCKETS = 10  # [0, 10), [10, 20), ..., [90, 100]


def ols_slope(values: Sequence[int | float | Fraction]) -> Fraction | None:
    """The least-squares slope of `values` against 0, 1, ..., n-1; None below two points."""
    n = len(values)
    if n < 2:
        return None
    ys = [Fraction(v) for v in values]
    sum_x = Fraction(n * (n - 1), 2)
    sum_xx = Fraction((n - 1) * n * (2 * n - 1), 6)
    sum_y = sum(ys, Fraction(0))
    sum_xy = sum((Fraction(i) * y for i, y in enumerate(ys)), Fraction(0))
    return (n * sum_xy - sum_x * sum_y) / (n * sum_xx - sum_x * sum_x)


def trend_slope(scores: Sequence[int | float], *, scale_max: int = 100) -> Fraction | None:
    """The trend slope (points of 100 per answer) over the last TREND_WINDOW of `scores`,
    given oldest first; None when fewer than TREND_MIN_ANSWERS."""
    window = scores[-TREND_WINDOW:]
    if len(window) < TREND_MIN_ANSWERS:
        return None
    return ols_slope([Fraction(s) * 100 / scale_max for s in window])


def classify_trend(slope: Fraction | None) -> Trend:
    if slope is None:
        return Trend.STABLE
    if slope >= TREND_THRESHOLD:
        return Trend.IMPROVING
    if slope <= -TREND_THRESHOLD:
        return Trend.DECLINING
    return Trend.STABLE


def skill_trend(scores: Sequence[int | float], *, scale_max: int = 100) -> dict:
    """`{trend, trend_slope}` for scores given oldest first."""
    slope = trend_slope(scores, scale_max=scale_max)
    return {
        "trend": classify_trend(slope).value,
        "trend_slope": None if slope is None else round(float(slope), 3),
    }


def improvement_rate(totals: Sequence[int | float]) -> float | None:
    """improvementRate: see the module docstring. `totals` oldest first."""
    slope = trend_slope(totals)
    return None if slope is None else round(float(slope), 2)


def current_streak(practice_days: Iterable[date], *, today: date) -> int:
    """Consecutive practice days ending today, or yesterday when today has none yet."""
    days = set(practice_days)
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def mean(total: float | int | None, count: int) -> float | None:
    return None if not count or total is None else round(total / count, 2)


def histogram_bucket(score: float) -> int:
    """0 for [0, 10), ..., 9 for [90, 100] (100 belongs to the last bucket)."""
    return min(max(int(score // 10), 0), HISTOGRAM_BUCKETS - 1)


def percent_rank(lower: int, population: int) -> float:
    """PERCENT_RANK as SQL defines it: (rank - 1) / (n - 1), where rank - 1 is the number of
    rows strictly below this one (ties share the lowest rank); 0 for a population of one."""
    if population <= 1:
        return 0.0
    return lower / (population - 1)


_QUOTED = re.compile(r'"[^"\n]{0,200}"|“[^”\n]{0,200}”|「[^」\n]{0,200}」|『[^』\n]{0,200}』')
_SPACES = re.compile(r"\s+")


def improvement_key(text: str) -> tuple[str, tuple[str, ...]]:
    """(grouping key, quoted parts) of an improvement note: what the note quotes is left out of
    the key, so the same advice given on different answers (`Your result "cut costs" has no
    figure` / `Your result "we shipped" has no figure`) counts as one recurring weak area."""
    text = _SPACES.sub(" ", text or "").strip()
    key = _QUOTED.sub("“…”", text).casefold().rstrip(" .。")
    return key, tuple(match.group(0) for match in _QUOTED.finditer(text))


def recurring_text(text: str, quotes: list[tuple[str, ...]]) -> str:
    """The note `text` as a recurring weak area: a quoted part every note of the group shares
    (the keywords a question looks for: `Missing: "budget" and "risks"`) is kept; one that
    differs between notes (a quote from one particular answer) becomes “…”."""
    text = _SPACES.sub(" ", text or "").strip()
    position = iter(range(len(quotes[0]) if quotes else 0))

    def shown(match: re.Match) -> str:
        index = next(position)
        same = all(len(q) > index and q[index] == match.group(0) for q in quotes)
        return match.group(0) if same else "“…”"

    return _QUOTED.sub(shown, text)
