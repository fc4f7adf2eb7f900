"""GET /api/analytics/skills: per dimension, question type and category, with trends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.urls import reverse

from .factories import answer

URL = reverse("analytics-skills")
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def minutes(n: int) -> datetime:
    return START + timedelta(minutes=n)


def by_skill(items: list[dict]) -> dict[str, dict]:
    return {item["skill"]: item for item in items}


def test_dimension_scores_and_trends(auth_client, user):
    # understanding 10..14 (x4 = 40..56: +4 per answer), logic flat 15, specificity 20..16
    # (-4 per answer), job fit 10, 12, 10, 12, 10 (slope 0).
    rows = [
        (10, 15, 20, 10),
        (11, 15, 19, 12),
        (12, 15, 18, 10),
        (13, 15, 17, 12),
        (14, 15, 16, 10),
    ]
    for n, scores in enumerate(rows):
        answer(user, at=minutes(n), scores=scores)

    body = auth_client.get(URL).json()

    assert body["questionsCount"] == 5
    assert body["dimensions"] == [
        {
            "skill": "understanding",
            "score": 12.0,
            "trend": "improving",
            "trendSlope": 4.0,
            "questionsCount": 5,
        },
        {
            "skill": "logic",
            "score": 15.0,
            "trend": "stable",
            "trendSlope": 0.0,
            "questionsCount": 5,
        },
        {
            "skill": "specificity",
            "score": 18.0,
            "trend": "declining",
            "trendSlope": -4.0,
            "questionsCount": 5,
        },
        {
            "skill": "jobFit",
            "score": 10.8,
            "trend": "stable",
            "trendSlope": 0.0,
            "questionsCount": 5,
        },
    ]


def test_question_types_and_categories_have_their_own_trends(auth_client, user):
    # Behavioural / software engineering: 40, 45, 50, 55, 60 (+5 per answer).
    # Technical / data science: 80, 78, 76, 74, 72 (-2 per answer). Interleaved in time.
    for n in range(5):
        answer(user, at=minutes(2 * n), total=40 + 5 * n)
        answer(
            user, at=minutes(2 * n + 1), total=80 - 2 * n, type="technical", category="data_science"
        )
    # Situational / marketing: three answers only, no trend yet.
    for n in range(3):
        answer(user, at=minutes(20 + n), total=65, type="situational", category="marketing")

    body = auth_client.get(URL).json()

    types = by_skill(body["questionTypes"])
    assert types["behavioral"] == {
        "skill": "behavioral",
        "score": 50.0,
        "trend": "improving",
        "trendSlope": 5.0,
        "questionsCount": 5,
    }
    assert types["technical"]["score"] == 76.0
    assert (types["technical"]["trend"], types["technical"]["trendSlope"]) == ("declining", -2.0)
    assert types["situational"] == {
        "skill": "situational",
        "score": 65.0,
        "trend": "stable",
        "trendSlope": None,
        "questionsCount": 3,
    }
    categories = by_skill(body["categories"])
    assert categories["software_engineering"]["trend"] == "improving"
    assert categories["data_science"]["trend"] == "declining"
    assert categories["marketing"]["questionsCount"] == 3


def test_only_the_last_twenty_answers_of_a_skill_make_its_trend(auth_client, user):
    # 10 answers falling fast, then 20 rising by 1: the trend is the rise; the mean covers all.
    scores = [100 - 5 * i for i in range(10)] + [40 + i for i in range(20)]
    for n, score in enumerate(scores):
        answer(user, at=minutes(n), total=score)

    behavioral = by_skill(auth_client.get(URL).json()["questionTypes"])["behavioral"]

    assert behavioral["trendSlope"] == 1.0
    assert behavioral["trend"] == "improving"
    assert behavioral["questionsCount"] == 30
    assert behavioral["score"] == round(sum(scores) / 30, 2)


def test_recurring_weak_areas_ignore_what_each_note_quotes(auth_client, user):
    notes = [
        ['Your result "we shipped it" has no figure: say how much.', "Missing: any figure."],
        ['Your result "cut costs" has no figure: say how much.', "Tell it in order."],
        ['Your result "users liked it" has no figure: say how much.', "Missing: any figure."],
        ["Say what you did yourself."],
    ]
    for n, improvements in enumerate(notes):
        answer(user, at=minutes(n), improvements=improvements)

    weak = auth_client.get(URL).json()["weakAreas"]

    assert [(w["text"], w["count"]) for w in weak] == [
        ("Your result “…” has no figure: say how much.", 3),
        ("Missing: any figure.", 2),
    ]
    assert weak[0]["lastSeenAt"] == "2025-03-01T09:02:00Z"


def test_weak_areas_keep_the_missing_keywords_a_question_looks_for(auth_client, user):
    note = 'Missing: "stakeholders", "budget" and "risks", key points this question looks for.'
    for n in range(3):
        answer(user, at=minutes(n), improvements=[note])

    weak = auth_client.get(URL).json()["weakAreas"]

    assert [(w["text"], w["count"]) for w in weak] == [(note, 3)]


def test_unscored_answers_do_not_count(auth_client, user):
    answer(user, at=minutes(0), total=50)
    answer(user, at=minutes(1), status="failed")
    answer(user, at=minutes(2), status="pending")

    body = auth_client.get(URL).json()

    assert body["questionsCount"] == 1
    assert by_skill(body["dimensions"])["logic"]["questionsCount"] == 1


def test_a_user_without_answers_gets_empty_skills(auth_client):
    body = auth_client.get(URL).json()

    assert body["questionsCount"] == 0
    assert [d["score"] for d in body["dimensions"]] == [None, None, None, None]
    assert body["questionTypes"] == body["categories"] == body["weakAreas"] == []
    assert (body["trendWindow"], body["trendMinAnswers"], body["trendThreshold"]) == (20, 5, 0.5)
