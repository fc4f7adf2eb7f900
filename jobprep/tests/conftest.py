import pytest

from questions.bank import load_bank
from questions.services import questions_seed


@pytest.fixture
def bank(db):
    questions_seed(bank=load_bank(categories=["software_engineering"]))
