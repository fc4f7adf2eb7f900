"""Fixtures of the page tests: a seeded bank, signed-in browsers in either language."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import default_preferences
from accounts.tests.factories import UserFactory
from questions.bank import load_bank
from questions.services import questions_seed


@pytest.fixture
def bank(db):
    """The real bank for two categories, both languages."""
    questions_seed(bank=load_bank(categories=["software_engineering", "marketing"]))


@pytest.fixture
def relaxed_limits(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m", "analysis": "100/m"}


def _browser(language: str) -> Client:
    user = UserFactory(preferences={**default_preferences(), "language": language})
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def browser(db) -> Client:
    """A signed-in user who reads English."""
    return _browser("en")


@pytest.fixture
def korean_browser(db) -> Client:
    """A signed-in user who reads Korean."""
    return _browser("ko")


@pytest.fixture
def make_browser(db):
    return _browser
