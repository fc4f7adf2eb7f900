"""Which language API messages speak: explicit Accept-Language, else the saved one, else English."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PROFILE = "users-profile"


def _message(client, **headers) -> str:
    response = client.patch(reverse(PROFILE), {"name": ""}, format="json", **headers)
    assert response.status_code == 400
    return response.json()["error"]["message"]


@pytest.fixture
def korean_user_client(auth_client):
    auth_client.user.preferences = {**auth_client.user.preferences, "language": "ko"}
    auth_client.user.save()
    return auth_client


def test_an_explicit_accept_language_wins_over_the_saved_language(korean_user_client):
    english = _message(korean_user_client, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    korean = _message(korean_user_client)
    assert english.isascii()
    assert not korean.isascii()


def test_an_unsupported_accept_language_falls_back_to_the_saved_language(korean_user_client):
    assert not _message(korean_user_client, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").isascii()
    assert not _message(korean_user_client, HTTP_ACCEPT_LANGUAGE="*").isascii()
