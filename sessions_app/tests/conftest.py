import pytest

from questions.bank import load_bank
from questions.services import questions_seed


@pytest.fixture
def bank(db):
    """The real bank for two categories, both languages."""
    questions_seed(bank=load_bank(categories=["software_engineering", "marketing"]))


@pytest.fixture
def relaxed_answer_limit(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m", "analysis": "100/m"}


@pytest.fixture
def fake_openai():
    from analysis.tests.fake_openai import FakeOpenAIServer

    with FakeOpenAIServer() as server:
        yield server
