"""Practice for a job from a pasted Korean description: questions chosen for its requirements
(two contrasting descriptions get measurably different questions), and the report lists the
covered requirements with the Korean sentences that show them, and the missing ones."""

import pytest
from django.urls import reverse

from questions.models import Question
from sessions_app.models import InterviewSession

from .test_job_practice import BACKEND_JD_KO

pytestmark = pytest.mark.django_db(transaction=True)

LEADERSHIP_JD_KO = """개발팀 리드 (경력 7년 이상)
- 개발자 8명 규모의 팀을 이끌고 주니어 개발자를 코드 리뷰로 멘토링
- 기획, 디자인 등 이해관계자와 일정과 우선순위를 조율하고 트레이드오프를 설명
- 기술 부채의 우선순위를 정하고 팀 내 갈등을 해결
"""


def _profile(client, description):
    created = client.post(
        reverse("job-profile-list"), {"description": description, "language": "ko"}, "json"
    )
    assert created.status_code == 201, created.json()
    profile = created.json()
    assert profile["language"] == "ko"
    confirmed = client.put(
        reverse("job-profile-requirements", args=[profile["id"]]),
        {"requirements": [{"kind": r["kind"], "text": r["text"]} for r in profile["requirements"]]},
        format="json",
    )
    assert confirmed.status_code == 200, confirmed.json()
    return confirmed.json()


def _session(client, profile, count=5):
    response = client.post(
        reverse("job-session-start", args=[profile["id"]]),
        {"questionCount": count, "followUps": "off"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def test_two_contrasting_korean_descriptions_get_different_korean_questions(
    auth_client, bank, settings
):
    settings.SESSIONS_PER_DAY_FREE = 10
    plans = {}
    for name, jd in (("backend", BACKEND_JD_KO), ("lead", LEADERSHIP_JD_KO)):
        session = _session(auth_client, _profile(auth_client, jd))
        assert session["language"] == "ko"
        plans[name] = list(InterviewSession.objects.get(pk=session["id"]).question_plan)
        auth_client.patch(
            reverse("session-detail", args=[session["id"]]), {"status": "abandoned"}, format="json"
        )
    assert len(plans["backend"]) == len(plans["lead"]) == 5
    assert len(set(plans["backend"]) & set(plans["lead"])) <= 1
    questions = {name: list(Question.objects.filter(pk__in=ids)) for name, ids in plans.items()}
    assert all(q.language == "ko" for qs in questions.values() for q in qs)
    tags = {name: [t for q in qs for t in q.tags] for name, qs in questions.items()}
    backend_words = ("database", "databases", "caching", "api-design", "migration", "performance")
    people_words = ("leadership", "mentoring", "stakeholder-management", "conflict-resolution")
    assert sum(t in backend_words for t in tags["backend"]) > sum(
        t in backend_words for t in tags["lead"]
    )
    assert sum(t in people_words for t in tags["lead"]) > sum(
        t in people_words for t in tags["backend"]
    )


def test_a_korean_job_report_lists_covered_requirements_with_quotes_and_missing_ones(
    auth_client, bank, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m", "analysis": "100/m"}
    session = _session(auth_client, _profile(auth_client, BACKEND_JD_KO), count=2)
    answer = (
        "지난 회사에서 주문 API의 응답이 느려 제가 Redis 캐시를 앞단에 두었습니다. "
        "그 결과 응답 시간이 800ms에서 150ms로 줄었습니다."
    )
    response = auth_client.post(
        reverse("analysis-answer"),
        {
            "sessionId": session["id"],
            "sessionQuestionId": session["currentQuestion"]["id"],
            "answer": answer,
        },
        format="json",
    )
    assert response.status_code == 202, response.json()
    fit = auth_client.get(reverse("job-fit", args=[session["id"]])).json()
    covered = [r for r in fit["requirements"] if r["covered"]]
    redis = [r for r in covered if "Redis" in r["text"]]
    assert redis, fit
    assert "Redis 캐시" in redis[0]["evidence"][0]["quote"]
    assert redis[0]["evidence"][0]["quote"] in answer
    missing = [r for r in fit["requirements"] if not r["covered"]]
    assert any("장애 대응" in r["text"] for r in missing)
    assert fit["missing"] == [r["id"] for r in missing]
    assert fit["covered"] == [r["id"] for r in covered]
    assert fit["fitScore"] == round(100 * len(covered) / len(fit["requirements"]))
