import pytest
from django.core.management import call_command

from questions.bank import load_bank
from questions.models import Question
from questions.services import questions_seed

pytestmark = pytest.mark.django_db


def snapshot():
    return sorted(
        Question.objects.values_list(
            "key", "question", "is_active", "category", "difficulty", "type", "language"
        )
    )


def test_seeding_twice_leaves_the_same_rows(capsys):
    call_command("seed_questions", "--language", "en", "--category", "design")
    first = snapshot()
    updated_at = dict(Question.objects.values_list("key", "updated_at"))
    call_command("seed_questions", "--language", "en", "--category", "design")
    assert snapshot() == first
    assert dict(Question.objects.values_list("key", "updated_at")) == updated_at
    out = capsys.readouterr().out
    assert "inserted 24" in out
    assert "inserted 0, updated 0, unchanged 24, deactivated 0" in out


def test_seed_updates_a_question_whose_text_changed():
    bank = load_bank(languages=["en"], categories=["sales"])
    questions_seed(bank=bank)
    original = bank[0]
    edited = original.__class__(**{**original.__dict__, "question": "An edited question text?"})
    summary = questions_seed(bank=[edited, *bank[1:]])
    assert (summary.updated, summary.inserted, summary.unchanged) == (1, 0, len(bank) - 1)
    assert Question.objects.get(key=original.key).question == "An edited question text?"


def test_prune_deactivates_questions_removed_from_the_files():
    bank = load_bank(languages=["en"], categories=["sales"])
    questions_seed(bank=bank)
    summary = questions_seed(bank=bank[1:], languages=["en"], categories=["sales"], prune=True)
    assert summary.deactivated == 1
    assert Question.objects.get(key=bank[0].key).is_active is False
    # Back in the files: back in the bank.
    summary = questions_seed(bank=bank)
    assert Question.objects.get(key=bank[0].key).is_active is True


def test_seed_leaves_staff_questions_alone_when_pruning(staff_user):
    Question.objects.create(
        category="sales",
        difficulty="easy",
        type="behavioral",
        language="en",
        question="A staff question",
        source="admin",
        created_by=staff_user,
    )
    questions_seed(bank=load_bank(languages=["en"], categories=["sales"]), prune=True)
    assert Question.objects.get(question="A staff question").is_active is True
