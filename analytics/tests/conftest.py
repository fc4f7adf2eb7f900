"""Fixtures of the analytics app's tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Export files go to a per-test folder."""
    from django.utils.functional import empty

    from analytics.models import PRIVATE_STORAGE

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    PRIVATE_STORAGE._wrapped = empty
    yield
    PRIVATE_STORAGE._wrapped = empty


@pytest.fixture
def other_client(db):
    from rest_framework.test import APIClient

    from accounts.tests.factories import UserFactory

    client = APIClient()
    client.user = UserFactory()
    client.force_authenticate(client.user)
    return client
