import pytest
from django.urls import reverse

from analysis.models import AnalysisResult
from questions.bank import load_bank
from questions.models import Question
from questions.services import questions_seed

from .factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_list_requires_authentication(api_client):
    response = api_client.get(reverse("question-list"))
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "auth_error"


def test_list_filters_by_category_difficulty_type_and_language(auth_client):
    wanted = QuestionFactory(category="design", difficulty="hard", type="technical", language="ko")
    QuestionFactory(category="design", difficulty="hard", type="technical", language="en")
    QuestionFactory(category="design", difficulty="easy", type="technical", language="ko")
    QuestionFactory(category="sales", difficulty="hard", type="technical", language="ko")
    QuestionFactory(category="design", difficulty="hard", type="behavioral", language="ko")
    response = auth_client.get(
        reverse("question-list"),
        {"category": "design", "difficulty": "hard", "type": "technical", "language": "ko"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert [q["id"] for q in body["results"]] == [str(wanted.id)]
    assert set(body) == {"count", "next", "previous", "results"}


def test_list_filters_by_tag_and_search(auth_client):
    sql = QuestionFactory(tags=["sql", "databases"], question="Explain a window function.")
    QuestionFactory(tags=["nosql"], question="Explain eventual consistency.")
    assert [
        q["id"] for q in auth_client.get(reverse("question-list"), {"tag": "sql"}).json()["results"]
    ] == [str(sql.id)]
    found = auth_client.get(reverse("question-list"), {"search": "window"}).json()["results"]
    assert [q["id"] for q in found] == [str(sql.id)]


def test_list_rejects_an_unknown_filter_value(auth_client):
    response = auth_client.get(reverse("question-list"), {"difficulty": "impossible"})
    assert response.status_code == 400
    assert "difficulty" in response.json()["error"]["details"]["fields"]


def test_users_see_only_active_questions(auth_client):
    QuestionFactory(is_active=False)
    active = QuestionFactory()
    results = auth_client.get(reverse("question-list")).json()["results"]
    assert [q["id"] for q in results] == [str(active.id)]
    inactive = Question.objects.get(is_active=False)
    response = auth_client.get(reverse("question-detail", args=[inactive.id]))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_sample_answer_and_keywords_are_withheld_until_answered(auth_client):
    question = QuestionFactory()
    detail = auth_client.get(reverse("question-detail", args=[question.id])).json()
    assert detail["sampleAnswer"] is None
    assert detail["expectedKeywords"] is None
    assert detail["createdBy"] is None
    assert detail["evaluationCriteria"]["jobFit"] == "Relates to engineering teamwork."

    AnalysisResult.objects.create(
        user=auth_client.user, question=question, user_answer="My answer here."
    )
    detail = auth_client.get(reverse("question-detail", args=[question.id])).json()
    assert detail["sampleAnswer"] == question.sample_answer
    assert detail["expectedKeywords"] == question.expected_keywords
    listed = auth_client.get(reverse("question-list")).json()["results"][0]
    assert listed["sampleAnswer"] == question.sample_answer


def test_another_users_answer_does_not_reveal_the_sample(auth_client, staff_user):
    question = QuestionFactory()
    AnalysisResult.objects.create(user=staff_user, question=question, user_answer="Their answer.")
    detail = auth_client.get(reverse("question-detail", args=[question.id])).json()
    assert detail["sampleAnswer"] is None


def test_staff_always_see_everything(staff_client):
    question = QuestionFactory(is_active=False)
    detail = staff_client.get(reverse("question-detail", args=[question.id])).json()
    assert detail["sampleAnswer"] == question.sample_answer
    assert detail["isActive"] is False
    assert "createdBy" in detail


def test_pagination_honours_page_size_up_to_100_and_refuses_more(auth_client):
    QuestionFactory.create_batch(5)
    body = auth_client.get(reverse("question-list"), {"pageSize": 2, "page": 2}).json()
    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert "page=3" in body["next"]
    assert auth_client.get(reverse("question-list"), {"pageSize": 100}).status_code == 200
    refused = auth_client.get(reverse("question-list"), {"pageSize": 1000})
    assert refused.status_code == 400
    assert list(refused.json()["error"]["details"]["fields"]) == ["pageSize"]


def test_categories_are_localized_with_active_counts(auth_client):
    QuestionFactory.create_batch(2, category="design", language="ko")
    QuestionFactory(category="design", language="ko", is_active=False)
    QuestionFactory(category="design", language="en")
    body = auth_client.get(reverse("question-categories"), {"language": "ko"}).json()
    design = next(c for c in body if c["id"] == "design")
    assert design == {
        "id": "design",
        "name": "디자인",
        "description": design["description"],
        "questionCount": 2,
    }
    assert len(body) == 11
    # Without Accept-Language, the user's own preference (ko by default) is used ...
    saved = auth_client.get(reverse("question-categories")).json()
    assert next(c for c in saved if c["id"] == "design")["name"] == "디자인"
    # ... and an explicit Accept-Language wins over it.
    english = auth_client.get(reverse("question-categories"), HTTP_ACCEPT_LANGUAGE="en").json()
    assert next(c for c in english if c["id"] == "design")["name"] == "Design"


def test_difficulties_follow_accept_language_for_an_english_user(auth_client):
    auth_client.user.preferences = {**auth_client.user.preferences, "language": "en"}
    auth_client.user.save()
    body = auth_client.get(reverse("question-difficulties")).json()
    assert body == [
        {"id": "easy", "name": "Easy"},
        {"id": "medium", "name": "Medium"},
        {"id": "hard", "name": "Hard"},
    ]


def test_rate_limit_is_30_a_minute(auth_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "questions": "3/m"}
    for _ in range(3):
        assert auth_client.get(reverse("question-difficulties")).status_code == 200
    response = auth_client.get(reverse("question-list"))
    assert response.status_code == 429
    assert response.json()["error"]["type"] == "rate_limit_error"
    assert int(response["Retry-After"]) >= 1


def test_the_default_question_rate_is_the_specs():
    from django.conf import settings

    assert settings.RATE_LIMITS["questions"] == "30/m"


@pytest.mark.django_db(transaction=True)
class TestCaching:
    """Invalidation runs when the change commits, so these tests commit for real."""

    def test_a_staff_edit_is_visible_on_the_next_request(self, auth_client, staff_client):
        question = QuestionFactory(question="Original wording of the question?")
        url = reverse("question-list")
        assert (
            auth_client.get(url).json()["results"][0]["question"]
            == "Original wording of the question?"
        )
        response = staff_client.patch(
            reverse("admin-question-detail", args=[question.id]),
            {"question": "Edited wording of the question?"},
            format="json",
        )
        assert response.status_code == 200
        assert (
            auth_client.get(url).json()["results"][0]["question"]
            == "Edited wording of the question?"
        )

    def test_a_cached_list_does_not_see_a_raw_database_change(self, auth_client):
        # Proves the list is served from the cache (the change bypasses the services).
        question = QuestionFactory(question="Cached wording of the question?")
        url = reverse("question-list")
        auth_client.get(url)
        Question.objects.filter(pk=question.pk).update(question="Changed behind the cache?")
        assert (
            auth_client.get(url).json()["results"][0]["question"]
            == "Cached wording of the question?"
        )

    def test_seeding_invalidates_the_cache(self, auth_client):
        url = reverse("question-list")
        assert auth_client.get(url, {"category": "sales", "language": "en"}).json()["count"] == 0
        questions_seed(bank=load_bank(languages=["en"], categories=["sales"]))
        assert auth_client.get(url, {"category": "sales", "language": "en"}).json()["count"] == 24

    def test_categories_reflect_a_new_question(self, auth_client, staff_client):
        url = reverse("question-categories")
        before = next(
            c for c in auth_client.get(url, {"language": "en"}).json() if c["id"] == "sales"
        )
        staff_client.post(
            reverse("admin-question-list"),
            {
                "category": "sales",
                "difficulty": "easy",
                "type": "behavioral",
                "language": "en",
                "question": "How do you qualify a lead?",
            },
            format="json",
        )
        after = next(
            c for c in auth_client.get(url, {"language": "en"}).json() if c["id"] == "sales"
        )
        assert after["questionCount"] == before["questionCount"] + 1

    def test_cache_keys_follow_the_specs_shape(self, auth_client):
        from questions import cache as question_cache

        key = question_cache.list_key(category="design", difficulty="hard", params={})
        assert key.startswith("questions:design:hard:")


class TestAdminEndpoints:
    payload = {
        "category": "marketing",
        "difficulty": "medium",
        "type": "technical",
        "language": "en",
        "question": "How would you measure the lift of a retargeting campaign?",
        "tags": ["attribution"],
        "expectedKeywords": ["holdout", "incrementality"],
        "sampleAnswer": "I would run a geo holdout ...",
        "evaluationCriteria": {
            "understanding": "u",
            "logic": "l",
            "specificity": "s",
            "jobFit": "j",
        },
    }

    def test_users_cannot_use_the_admin_endpoints(self, auth_client):
        question = QuestionFactory()
        assert (
            auth_client.post(
                reverse("admin-question-list"), self.payload, format="json"
            ).status_code
            == 403
        )
        assert (
            auth_client.put(
                reverse("admin-question-detail", args=[question.id]), self.payload, format="json"
            ).status_code
            == 403
        )
        response = auth_client.delete(reverse("admin-question-detail", args=[question.id]))
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "permission_denied"
        assert Question.objects.filter(pk=question.pk).exists()

    def test_staff_create_records_the_creator(self, staff_client):
        response = staff_client.post(reverse("admin-question-list"), self.payload, format="json")
        assert response.status_code == 201, response.json()
        body = response.json()
        assert body["createdBy"] == str(staff_client.user.id)
        assert body["source"] == "admin"
        assert body["evaluationCriteria"]["jobFit"] == "j"
        stored = Question.objects.get(pk=body["id"])
        assert stored.evaluation_criteria["job_fit"] == "j"
        assert stored.created_by == staff_client.user

    def test_a_named_role_is_kept_only_for_the_custom_category(self, staff_client):
        url = reverse("admin-question-list")
        named = {**self.payload, "customCategory": "Growth hacker"}
        response = staff_client.post(url, named, format="json")
        assert response.status_code == 201
        assert response.json()["customCategory"] == ""
        question = Question.objects.get(pk=response.json()["id"])
        assert question.custom_category == ""
        custom = {**named, "category": "custom"}
        response = staff_client.put(
            reverse("admin-question-detail", args=[question.id]), custom, format="json"
        )
        assert response.json()["customCategory"] == "Growth hacker"
        response = staff_client.put(
            reverse("admin-question-detail", args=[question.id]), named, format="json"
        )
        assert response.json()["customCategory"] == ""

    def test_staff_create_validates(self, staff_client):
        response = staff_client.post(
            reverse("admin-question-list"),
            {**self.payload, "category": "astrology", "question": "?"},
            format="json",
        )
        assert response.status_code == 400
        assert set(response.json()["error"]["details"]["fields"]) == {"category", "question"}

    def test_staff_put_replaces_the_question(self, staff_client):
        question = QuestionFactory()
        response = staff_client.put(
            reverse("admin-question-detail", args=[question.id]), self.payload, format="json"
        )
        assert response.status_code == 200
        question.refresh_from_db()
        assert question.category == "marketing"
        assert question.expected_keywords == ["holdout", "incrementality"]

    def test_delete_removes_an_unanswered_question(self, staff_client):
        question = QuestionFactory()
        url = reverse("admin-question-detail", args=[question.id])
        response = staff_client.delete(url)
        assert response.status_code == 204
        assert not Question.objects.filter(pk=question.pk).exists()
        # Gone for good at its address (schemathesis's use-after-free check is off for this
        # path, where a question with answers is deactivated instead and stays readable).
        assert staff_client.patch(url, {"difficulty": "easy"}, format="json").status_code == 404

    def test_delete_deactivates_a_question_with_answers(self, staff_client, user):
        question = QuestionFactory()
        analysis = AnalysisResult.objects.create(
            user=user, question=question, user_answer="An answer."
        )
        response = staff_client.delete(reverse("admin-question-detail", args=[question.id]))
        assert response.status_code == 200
        assert response.json()["isActive"] is False
        analysis.refresh_from_db()
        assert analysis.question_id == question.id

    def test_staff_list_includes_inactive_questions(self, staff_client):
        QuestionFactory(is_active=False)
        QuestionFactory()
        assert staff_client.get(reverse("admin-question-list")).json()["count"] == 2
        assert (
            staff_client.get(reverse("admin-question-list"), {"isActive": "false"}).json()["count"]
            == 1
        )


@pytest.mark.parametrize("bank_size", [10, 60])
def test_query_counts_do_not_grow_with_the_bank(
    auth_client, django_assert_max_num_queries, bank_size
):
    questions = QuestionFactory.create_batch(bank_size)
    for question in questions[:5]:
        AnalysisResult.objects.create(
            user=auth_client.user, question=question, user_answer="An answer."
        )
    # A read runs outside a transaction (interview_platform/handlers.py): no BEGIN/SAVEPOINT.
    with django_assert_max_num_queries(3):  # count, page, answered
        assert auth_client.get(reverse("question-list"), {"pageSize": 100}).status_code == 200
    with django_assert_max_num_queries(1):  # answered (the page comes from the cache)
        assert auth_client.get(reverse("question-list"), {"pageSize": 100}).status_code == 200
    detail = reverse("question-detail", args=[questions[0].id])
    with django_assert_max_num_queries(2):  # question, answered
        assert auth_client.get(detail).status_code == 200
    with django_assert_max_num_queries(1):  # counts per category
        assert auth_client.get(reverse("question-categories")).status_code == 200


class _CountingCache:
    """The cache, counting the calls that reach it (each one a Redis round trip)."""

    def __init__(self, cache):
        self._cache = cache
        self.calls: list[str] = []

    def __getattr__(self, name):
        method = getattr(self._cache, name)

        def counted(*args, **kwargs):
            self.calls.append(name)
            return method(*args, **kwargs)

        return counted


def test_a_cached_list_or_category_page_costs_one_cache_round_trip(auth_client, monkeypatch):
    from questions import cache as question_cache

    QuestionFactory.create_batch(3)
    counting = _CountingCache(question_cache.cache)
    monkeypatch.setattr(question_cache, "cache", counting)
    for url in (reverse("question-list"), reverse("question-categories")):
        assert auth_client.get(url).status_code == 200  # fills the cache
        counting.calls.clear()
        assert auth_client.get(url).status_code == 200
        assert counting.calls == ["get_many"], url


def test_a_list_cached_before_a_change_is_not_served_after_it(auth_client):
    from questions import cache as question_cache

    category = QuestionFactory().category
    url = reverse("question-list")
    assert auth_client.get(url, {"category": category}).json()["count"] == 1
    QuestionFactory(category=category)
    assert auth_client.get(url, {"category": category}).json()["count"] == 1  # cached
    question_cache.invalidate()
    assert auth_client.get(url, {"category": category}).json()["count"] == 2
