"""Settings live in one place a reader looks: read from the environment only by the settings
package, and every variable it reads is in the README's configuration table."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "interview_platform" / "settings"
APPS = ("accounts", "questions", "sessions_app", "analysis", "analytics", "web", "core")
# Only to name the settings module before Django starts.
ENTRY_POINTS = {"manage.py", "wsgi.py", "asgi.py", "celery.py", "workers.py"}


def _sources(*folders: str):
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            if "tests" not in path.parts and "migrations" not in path.parts:
                yield path


def _variables() -> set[str]:
    names = set()
    for path in SETTINGS.glob("*.py"):
        names |= set(re.findall(r"env_\w+\(\s*\"([A-Z][A-Z0-9_]+)\"", path.read_text()))
    return names


def test_every_environment_variable_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    # The table may shorten a family: `RATE_LIMIT_AUTH` / `_QUESTIONS` / ...
    missing = sorted(
        name
        for name in _variables()
        if f"`{name}`" not in readme and f"`_{name.rsplit('_', 1)[-1]}`" not in readme
    )
    assert len(_variables()) > 50
    assert missing == []


def test_apps_read_no_environment_and_keep_no_setting_defaults_of_their_own():
    found = []
    for path in _sources(*APPS):
        text = path.read_text()
        for pattern in (r"os\.environ", r"os\.getenv", r"getattr\(settings, \"[A-Z_]+\", "):
            found += [f"{path.relative_to(ROOT)}: {m}" for m in re.findall(pattern, text)]
    allowed = {
        # Their defaults repeat the settings package's (AI_PROVIDER, RATE_LIMITS["auth"]).
        "analysis/ai/registry.py",
        "accounts/ratelimits.py",
    }
    found = [f for f in found if f.split(":")[0] not in allowed]
    assert found == []
