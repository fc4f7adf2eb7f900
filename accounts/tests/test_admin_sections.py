"""The admin index names each section once, in both languages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import translation

from accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ko"])
def test_no_two_admin_sections_share_a_name(staff_user, language):
    request = RequestFactory().get("/admin/")
    request.user = staff_user
    staff_user.is_superuser = True
    with translation.override(language):
        names = [str(app["name"]) for app in admin.site.get_app_list(request)]
    assert len(names) > 5
    duplicates = [name for name, count in Counter(n.casefold() for n in names).items() if count > 1]
    assert not duplicates, names


def test_our_sections_are_translated():
    with translation.override("ko"):
        assert str(apps.get_app_config("accounts").verbose_name) == "사용자"
        assert str(apps.get_app_config("sessions_app").verbose_name) == "면접 세션"


def test_createsuperuser_without_prompts_takes_the_names_the_readme_gives(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "admin@example.com")
    monkeypatch.setenv("DJANGO_SUPERUSER_NAME", "Admin")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-and-unusual-passphrase")
    call_command("createsuperuser", interactive=False, verbosity=0)
    admin_user = User.objects.get(email="admin@example.com")
    assert admin_user.is_superuser and admin_user.name == "Admin"
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    for variable in ("EMAIL", "NAME", "PASSWORD"):
        assert f"DJANGO_SUPERUSER_{variable}" in readme
