import pytest

from interview_platform.db_router import PrimaryReplicaRouter


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_reads_go_to_a_replica_and_writes_to_the_primary(settings):
    settings.DATABASES = {**settings.DATABASES, "replica_0": settings.DATABASES["default"]}
    router = PrimaryReplicaRouter()
    assert router.db_for_read(None) == "replica_0"
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("replica_0", "questions") is False
    assert router.allow_migrate("default", "questions") is True


def test_reads_stay_on_the_primary_without_replicas():
    assert PrimaryReplicaRouter().db_for_read(None) == "default"
