import pytest

from bench import registry
from bench.cli import budget_for, parse_args, unavailable
from bench.context import Context
from bench.registry import Request, normalize_endpoint, scenario, select
from bench.scenarios import load_all


@pytest.fixture
def fresh_registry(monkeypatch):
    """Register into empty registries and put the real ones back afterwards."""
    load_all()  # the real registrations happen once, into the real registries
    monkeypatch.setattr(registry, "SCENARIOS", {})
    monkeypatch.setattr(registry, "IN_PROCESS", {})
    monkeypatch.setattr(registry, "SEEDERS", {})
    scenario(name="ping", group="baseline", endpoint="/api/ping")
    return registry


def test_the_shipped_scenarios_are_registered_with_their_targets():
    load_all()
    scenarios = registry.SCENARIOS
    assert next(iter(scenarios)) == "ping"
    assert {"ping", "health", "login", "questions.list", "questions.detail"} <= set(scenarios)
    assert "questions.categories" in scenarios
    login = scenarios["login"]
    assert (login.method, login.endpoint, login.concurrency) == ("POST", "/api/auth/login", (1, 8))
    assert login.target_for(1) == 200
    assert login.target_for(8) is None
    assert scenarios["questions.list"].target_for(8) == 300
    # Issue 16: every scenario at concurrency 8 (login also at 1, where the spec's target is).
    assert all(8 in s.concurrency for s in scenarios.values())
    assert scenarios["sessions.start"].target_for(8) == 150
    assert scenarios["ping"].target_for(1) is None
    assert [name for name, _ in registry.ordered_seeders()][:2] == ["users", "questions"]


def test_select_by_name_or_group_always_keeps_the_baseline(fresh_registry):
    scenario(name="a.one", group="a", endpoint="/api/a")
    scenario(name="a.two", group="a", endpoint="/api/a2")
    scenario(name="b", group="bee", endpoint="/api/b")
    picked, _ = select(["a"])
    assert [s.name for s in picked] == ["ping", "a.one", "a.two"]
    picked, _ = select(["b", ""])
    assert [s.name for s in picked] == ["ping", "b"]
    picked, _ = select([])
    assert len(picked) == 4
    with pytest.raises(KeyError, match="nope"):
        select(["nope"])


def test_a_name_is_registered_once_and_needs_something_to_request(fresh_registry):
    with pytest.raises(ValueError, match="twice"):
        scenario(name="ping", group="x", endpoint="/api/ping")
    with pytest.raises(ValueError, match="needs an endpoint"):
        scenario(name="empty", group="x")
    with pytest.raises(ValueError, match="lowercase"):
        scenario(name="Bad Name", group="x", endpoint="/api/x")
    with pytest.raises(ValueError, match="concurrency"):
        scenario(name="zero", group="x", endpoint="/api/x", concurrency=(0,))


def test_in_process_and_seeder_registration(fresh_registry):
    @registry.in_process(name="offline.analyze", group="analysis", target_ms=50)
    def setup(fixtures):
        return lambda i: None

    @registry.seeder("late", order=50)
    def late(fixtures, *, quick):
        return {"b": 2}

    @registry.seeder("early", order=5)
    def early(fixtures, *, quick):
        return {"a": 1}

    assert registry.IN_PROCESS["offline.analyze"].setup is setup
    assert [name for name, _ in registry.ordered_seeders()] == ["early", "late"]
    _, in_process = select(["analysis"])
    assert [i.name for i in in_process] == ["offline.analyze"]


def test_endpoints_compare_without_parameter_names_query_or_trailing_slash():
    assert normalize_endpoint("/api/questions/{question_id}/") == "/api/questions/{}"
    assert normalize_endpoint("/api/questions/{id}?x=1") == "/api/questions/{}"


class FakeContext(Context):
    def __init__(self, endpoints, fixtures=None):
        super().__init__(host="127.0.0.1", port=1, fixtures=fixtures or {})
        self._endpoints = {(m, normalize_endpoint(p)) for m, p in endpoints}
        self._spelling = {normalize_endpoint(p): p for _, p in endpoints}


def test_a_scenario_whose_endpoint_is_not_in_the_schema_is_skipped_as_not_built():
    load_all()
    ctx = FakeContext([("GET", "/api/ping")], {"users": [{"email": "a", "accessToken": "t"}]})
    reason = unavailable(registry.SCENARIOS["login"], ctx)
    assert reason == "POST /api/auth/login not built yet (absent from the OpenAPI schema)"
    assert unavailable(registry.SCENARIOS["ping"], ctx) is None


def test_a_scenario_without_its_fixtures_is_skipped_with_the_reason():
    load_all()
    ctx = FakeContext([("GET", "/api/questions/{id}")], {"users": [{"accessToken": "t"}]})
    assert "no questions" in unavailable(registry.SCENARIOS["questions.detail"], ctx)


def test_requests_carry_the_minted_token_while_login_does_not_exist():
    load_all()
    users = [{"email": f"u{i}@x", "password": "p", "accessToken": f"tok{i}"} for i in range(2)]
    ctx = FakeContext([("GET", "/api/questions/")], {"users": users, "questions": ["q1"]})
    request = registry.SCENARIOS["questions.list"].request_for(ctx, 3)
    assert request.method == "GET"
    # The schema spells it with a trailing slash, so the request does too.
    assert request.path.startswith("/api/questions/?category=software_engineering")
    assert request.headers == {"Authorization": "Bearer tok1"}
    assert ctx.token_source().startswith("minted")


def test_login_rotates_over_the_seeded_users():
    load_all()
    users = [{"email": f"u{i}@x", "password": "pw", "accessToken": "t"} for i in range(3)]
    ctx = FakeContext([("POST", "/api/auth/login")], {"users": users})
    request = registry.SCENARIOS["login"].request_for(ctx, 4)
    assert request == Request("POST", "/api/auth/login", {"email": "u1@x", "password": "pw"})


def test_budgets_for_quick_full_and_explicit_counts():
    load_all()
    login = registry.SCENARIOS["login"]
    quick = budget_for(login, 2, parse_args(["--quick"]))
    assert (quick.requests, quick.warmup, quick.max_seconds) == (20, 3, 15.0)
    full = budget_for(login, 2, parse_args([]))
    assert (full.requests, full.warmup, full.max_seconds) == (200, 10, 60.0)
    explicit = budget_for(login, 1, parse_args(["--quick", "--requests", "50"]))
    assert explicit.requests == 50


def test_scenario_settings_reach_the_server_but_cannot_change_its_shape(
    fresh_registry, monkeypatch
):
    from bench.server import bench_env

    monkeypatch.setattr(registry, "SERVER_ENV", {})
    monkeypatch.setenv("OPENAI_API_KEY", "sk-real-key")
    registry.server_setting("SESSIONS_PER_DAY_PREMIUM", "100000")
    registry.server_setting("SESSIONS_PER_DAY_PREMIUM", "100000")
    registry.server_setting("DEBUG", "true")
    with pytest.raises(ValueError, match="set twice"):
        registry.server_setting("SESSIONS_PER_DAY_PREMIUM", "5")
    env = bench_env(
        database_url="postgres://x/interview_bench",
        redis_url="redis://127.0.0.1:6379/14",
        secret_key="k",
        extra=registry.SERVER_ENV,
    )
    assert env["SESSIONS_PER_DAY_PREMIUM"] == "100000"
    assert env["DEBUG"] == "false"
    assert env["DJANGO_ENV"] == "production"
    assert env["RATELIMIT_ENABLE"] == "false"
    assert env["SECURE_SSL_REDIRECT"] == "false"
    assert "OPENAI_API_KEY" not in env
    assert env["FIELD_ENCRYPTION_KEYS"]  # production refuses to start without it


def test_the_runner_refuses_to_reset_a_database_or_redis_that_is_not_the_bench_s():
    from bench.database import flush_redis, reset_database

    with pytest.raises(ValueError, match="must contain 'bench'"):
        reset_database("postgres://postgres@127.0.0.1:5432/interview", keep=False)
    with pytest.raises(ValueError, match="database 0"):
        flush_redis("redis://127.0.0.1:1/0")


def test_without_a_schema_an_endpoint_answering_only_404_is_taken_as_not_built():
    from bench.cli import _only_404s
    from bench.stats import Sample

    load_all()
    login = registry.SCENARIOS["login"]
    no_schema = Context(host="127.0.0.1", port=1, fixtures={})
    not_found = [Sample(1.0, 404, "404: not found")] * 3
    assert _only_404s(login, no_schema, not_found)
    assert not _only_404s(login, no_schema, [*not_found, Sample(1.0, 200)])
    # With a schema that lists the endpoint, a 404 is an error, not a reason to skip.
    assert not _only_404s(login, FakeContext([("POST", "/api/auth/login")]), not_found)


def test_a_run_starts_the_worker_roles_its_scenarios_queue_work_for():
    """The scenarios that queue work (analyses, exports) start the worker once; the others
    none; every role named exists."""
    from django.conf import settings

    from bench.server import worker_roles

    load_all()
    scenarios = registry.SCENARIOS
    assert worker_roles([scenarios["ping"], scenarios["questions.list"]]) == []
    assert worker_roles([scenarios["analytics.export-json"]]) == ["jobs"]
    analysis = [s for s in scenarios.values() if s.needs_worker and s.group == "analysis"]
    assert analysis
    assert worker_roles([*analysis, scenarios["analytics.export-pdf"]]) == ["jobs"]
    named = {role for s in scenarios.values() if s.needs_worker for role in s.worker_roles}
    assert named <= set(settings.CELERY_WORKER_ROLES)
