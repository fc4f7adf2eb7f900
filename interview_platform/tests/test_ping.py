import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def test_ping_answers_pong_without_authentication(client):
    response = client.get(reverse("ping"))
    assert response.status_code == 200
    assert response.json() == {"pong": True}


@pytest.mark.django_db
def test_ping_ignores_a_bad_token_and_makes_no_query(client):
    # No authentication classes: even a garbage bearer token is not parsed, and nothing is read.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("ping"), HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.status_code == 200
    assert len(queries) == 0


def test_ping_is_not_wrapped_in_a_request_transaction():
    from interview_platform.api.views import PingView

    view = PingView.as_view()
    assert "default" in getattr(view, "_non_atomic_requests", set())


@pytest.mark.django_db
def test_ping_is_in_the_openapi_schema(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(out))
    assert "/api/ping:" in out.read_text()
