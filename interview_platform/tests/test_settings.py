"""Settings come from the environment and refuse a malformed or unsafe value at start-up."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from interview_platform.settings import env as env_module

ROOT = Path(__file__).resolve().parents[2]


def start_django(**overrides: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "DJANGO_ENV", "DJANGO_SECRET_KEY"}
    }
    environment.update(overrides)
    environment["DJANGO_SETTINGS_MODULE"] = "interview_platform.settings"
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_embedded_default_starts_with_no_variables():
    result = start_django()
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DEBUG", "maybe", "is not a boolean"),
        ("SESSIONS_PER_DAY_FREE", "ten", "is not an integer"),
        ("LOG_LEVEL", "loud", "must be one of"),
        ("AI_PROVIDER", "magic", "must be one of"),
        ("DATABASE_URL", "nosuchdb://x", "DATABASE_URL"),
    ],
)
def test_a_malformed_value_stops_start_up(variable, value, message):
    result = start_django(**{variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = start_django(DJANGO_ENV="production")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = start_django(DJANGO_ENV="production", DJANGO_SECRET_KEY="x" * 50, DEBUG="true")
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_env_helpers_parse_strictly(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "yes")
    assert env_module.env_bool("SOME_FLAG", False) is True
    monkeypatch.setenv("SOME_FLAG", "nein")
    with pytest.raises(ImproperlyConfigured):
        env_module.env_bool("SOME_FLAG", False)
    monkeypatch.setenv("SOME_NUMBER", "-3")
    with pytest.raises(ImproperlyConfigured):
        env_module.env_int("SOME_NUMBER", 1, minimum=0)
    monkeypatch.setenv("SOME_LIST", "a, b,,c")
    assert env_module.env_list("SOME_LIST") == ["a", "b", "c"]
