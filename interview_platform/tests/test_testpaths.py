"""`make test` collects every app's tests: an app whose tests are missing from pytest's testpaths
would pass CI without ever running them (jobprep's did)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_with_tests_is_in_testpaths():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    testpaths = set(config["tool"]["pytest"]["ini_options"]["testpaths"])
    with_tests = {path.parent.parent.name for path in ROOT.glob("*/tests/__init__.py")}
    assert with_tests, "no tests found beside the apps"
    assert with_tests <= testpaths, sorted(with_tests - testpaths)
