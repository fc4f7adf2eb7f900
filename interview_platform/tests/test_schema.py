import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_the_openapi_schema_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    assert "/api/health" in out.read_text()


@pytest.mark.django_db
def test_docs_pages_are_served(client):
    assert client.get("/api/schema").status_code == 200
    assert client.get("/api/docs").status_code == 200
    assert client.get("/api/redoc").status_code == 200


@pytest.mark.django_db
def test_admin_shows_its_login_page(client):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert b"login" in response.content.lower()
