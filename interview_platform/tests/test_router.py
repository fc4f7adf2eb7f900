import pytest

from interview_platform.db_router import PrimaryReplicaRouter, replica_reads_allowed


@pytest.fixture
def with_replica(settings):
    settings.DATABASES = {**settings.DATABASES, "replica_0": settings.DATABASES["default"]}


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_safe_requests_read_from_a_replica_and_writes_go_to_the_primary(with_replica):
    router = PrimaryReplicaRouter()
    token = replica_reads_allowed.set(True)
    try:
        assert router.db_for_read(None) == "replica_0"
    finally:
        replica_reads_allowed.reset(token)
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("replica_0", "questions") is False
    assert router.allow_migrate("default", "questions") is True


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_tasks_and_unsafe_requests_read_the_primary(with_replica):
    # Outside a GET request (a POST, a Celery task, a command) nothing allows replica reads.
    assert PrimaryReplicaRouter().db_for_read(None) == "default"


@pytest.mark.django_db
@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_the_middleware_allows_replicas_for_get_only(with_replica, client, monkeypatch):
    from interview_platform.api import health

    seen = {}

    def record():
        seen["allowed"] = replica_reads_allowed.get()

    monkeypatch.setitem(health.CHECKS, "database", record)
    client.get("/api/health")
    assert seen["allowed"] is True
    client.head("/api/health")
    assert seen["allowed"] is True
    assert replica_reads_allowed.get() is False


def test_reads_stay_on_the_primary_without_replicas():
    token = replica_reads_allowed.set(True)
    try:
        assert PrimaryReplicaRouter().db_for_read(None) == "default"
    finally:
        replica_reads_allowed.reset(token)
