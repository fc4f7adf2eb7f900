"""GET /api/analytics/benchmarks: percentiles with ties, minimum samples, histogram, caching."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from analytics.selectors.benchmarks import cohort_summary, user_rank

from .factories import answer

URL = reverse("analytics-benchmarks")
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
# Twelve users' mean scores: the test user is one of the three at 60.
COHORT = [40, 50, 50, 60, 60, 70, 80, 90, 95, 95, 100]


def give(user, score: int, *, count: int = 5, category="software_engineering", **kwargs):
    for n in range(count):
        answer(user, at=START + timedelta(minutes=n), total=score, category=category, **kwargs)


@pytest.fixture
def cohort(db):
    users = []
    for score in COHORT:
        user = UserFactory()
        give(user, score)
        users.append(user)
    return users


def test_tied_users_share_a_percentile(auth_client, user, cohort):
    give(user, 60)

    body = auth_client.get(URL, {"category": "software_engineering"}).json()

    # 12 members; 3 score strictly lower (40, 50, 50): PERCENT_RANK = 3 / 11 = 27.27 %.
    assert body["percentile"] == 27.3
    assert body["percentileAvailable"] is True
    assert body["percentileUnavailableReason"] is None
    assert body["userScore"] == 60.0
    assert body["userAnswers"] == 5
    assert body["cohortSize"] == 12
    tied = cohort[COHORT.index(60)]
    assert user_rank(user=tied, category="software_engineering", difficulty=None)[
        "percent_rank"
    ] == pytest.approx(3 / 11)


def test_the_lowest_and_highest_scores_are_0_and_100(cohort):
    lowest = user_rank(user=cohort[0], category="software_engineering", difficulty=None)
    highest = user_rank(user=cohort[-1], category="software_engineering", difficulty=None)

    assert lowest["percent_rank"] == 0
    assert highest["percent_rank"] == 1


def test_every_members_rank_is_the_share_strictly_below(user, cohort):
    give(user, 60)
    members = [user, *cohort]
    scores = sorted([60, *COHORT])
    for member in members:
        rank = user_rank(user=member, category="software_engineering", difficulty=None)
        below = sum(1 for other in scores if other < rank["score"])
        assert rank["percent_rank"] == pytest.approx(below / 11)
        assert rank["cohort"] == 12


def test_averages_and_histogram_by_hand(auth_client, user, cohort):
    give(user, 60)
    give(user, 20, count=1, category="marketing")  # another category: platform average only

    body = auth_client.get(URL, {"category": "software_engineering"}).json()

    # Every member has 5 answers, so the category mean is the mean of the member means:
    # (40 + 50 + 50 + 60 + 60 + 70 + 80 + 90 + 95 + 95 + 100 + 60) / 12 = 850 / 12.
    assert body["categoryAverage"] == 70.83
    assert body["cohortAverage"] == 70.83
    # Plus the one marketing answer of 20: (850 * 5 + 20) / 61 = 70.0.
    assert body["platformAverage"] == 70.0
    assert [b["users"] for b in body["distribution"]] == [0, 0, 0, 0, 1, 2, 3, 1, 1, 4]
    assert body["distribution"][9] == {"from": 90, "to": 100, "users": 4}


def test_too_few_answers_gives_no_percentile(auth_client, user, cohort):
    give(user, 99, count=4)

    body = auth_client.get(URL, {"category": "software_engineering"}).json()

    assert body["percentile"] is None
    assert body["percentileAvailable"] is False
    assert body["percentileUnavailableReason"] == "not_enough_answers"
    assert body["userScore"] == 99.0
    assert body["userAnswers"] == 4
    assert body["minAnswers"] == 5


def test_a_small_cohort_gives_no_percentile_and_no_histogram(auth_client, user):
    give(user, 70)
    for score in (50, 60, 80):
        give(UserFactory(), score)

    body = auth_client.get(URL, {"category": "software_engineering"}).json()

    assert body["percentileUnavailableReason"] == "not_enough_users"
    assert body["percentile"] is None
    assert body["cohortSize"] == 4
    assert body["distribution"] == []


def test_a_difficulty_narrows_the_cohort(auth_client, user, cohort):
    give(user, 60)
    give(user, 90, difficulty="hard")

    body = auth_client.get(URL, {"category": "software_engineering", "difficulty": "hard"}).json()

    assert body["difficulty"] == "hard"
    assert body["cohortSize"] == 1
    assert body["userScore"] == 90.0
    assert body["percentileUnavailableReason"] == "not_enough_users"


def test_the_default_category_is_the_users_preference(auth_client, user, cohort):
    user.preferences = {**user.preferences, "job_category": "marketing"}
    user.save()

    body = auth_client.get(URL).json()

    assert body["category"] == "marketing"
    assert body["cohortSize"] == 0
    assert body["userScore"] is None


def test_the_cohort_summary_is_cached_per_category(auth_client, user, cohort):
    give(user, 60)
    first = auth_client.get(URL, {"category": "software_engineering"}).json()
    give(UserFactory(), 10)

    cached = auth_client.get(URL, {"category": "software_engineering"}).json()
    cache.clear()
    fresh = auth_client.get(URL, {"category": "software_engineering"}).json()

    assert first["cohortSize"] == cached["cohortSize"] == 12
    assert fresh["cohortSize"] == 13
    # Within the cache period the user is ranked in the cached cohort; after it, in the new one.
    assert cached["percentile"] == first["percentile"] == round(3 / 11 * 100, 1)
    assert fresh["percentile"] == round(4 / 12 * 100, 1)


def test_the_database_computes_the_rank(cohort, django_assert_max_num_queries):
    cohort_summary(category="software_engineering", difficulty=None)  # cached, as in a request
    with django_assert_max_num_queries(1):  # the user's own live score only
        rank = user_rank(user=cohort[3], category="software_engineering", difficulty=None)
    assert rank["percent_rank"] == pytest.approx(3 / 10)


def test_a_member_who_joined_after_the_cache_is_counted_in(user, cohort):
    cohort_summary(category="software_engineering", difficulty=None)  # cached without `user`
    later = timezone.now() + timedelta(seconds=1)
    for n in range(5):
        answer(user, at=later + timedelta(minutes=n), total=60, category="software_engineering")
    rank = user_rank(user=user, category="software_engineering", difficulty=None)
    assert rank["cohort"] == 12
    assert rank["percent_rank"] == pytest.approx(3 / 11)
