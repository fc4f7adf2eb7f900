"""The pages speak the user's language (preferences["language"]) and can switch it."""

from __future__ import annotations

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

CATALOG = Path(settings.BASE_DIR) / "locale" / "ko" / "LC_MESSAGES"


def test_the_preference_beats_the_browsers_language(korean_browser):
    page = korean_browser.get(reverse("web:dashboard"), HTTP_ACCEPT_LANGUAGE="en").content
    page = page.decode()
    assert '<html lang="ko">' in page
    assert "대시보드" in page
    assert "지금까지의 연습을 한눈에 확인하세요." in page


def test_switching_the_language_saves_the_preference(browser):
    response = browser.post(
        reverse("web:language"), {"language": "ko", "next": reverse("web:history")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("web:history")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ko"
    browser.user.refresh_from_db()
    assert browser.user.preferences["language"] == "ko"
    assert browser.user.preferences["job_category"] == "software_engineering"  # others kept
    assert "세션 기록" in browser.get(reverse("web:history")).content.decode()


def test_a_visitor_can_switch_language_too(client):
    response = client.post(reverse("web:language"), {"language": "ko", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ko"
    assert '<html lang="ko">' in client.get(reverse("web:home")).content.decode()


def test_the_language_switch_never_redirects_off_site(client):
    response = client.post(
        reverse("web:language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_the_korean_catalog_is_complete_and_its_committed_mo_is_current(tmp_path):
    po = CATALOG / "django.po"
    assert "#, fuzzy" not in po.read_text(encoding="utf-8")
    compiled = tmp_path / "django.mo"
    # msgfmt is only needed to build the .mo, which is committed; check it where it exists.
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", str(compiled), str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr

    def catalog(path: Path) -> dict:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)._catalog

    assert catalog(CATALOG / "django.mo") == catalog(compiled)
