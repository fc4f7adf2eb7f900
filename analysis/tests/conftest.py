"""Fixtures of the analysis app's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .fake_openai import FakeOpenAIServer


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAIServer]:
    """A local OpenAI-compatible server on 127.0.0.1; point the SDK at `fake_openai.base_url`."""
    with FakeOpenAIServer() as server:
        yield server
