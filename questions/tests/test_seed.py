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
    assert "inserted 0, updated 0, unchanged 24, deactivated 0, skipped 0 edited by staff" in out


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


def _seed_sales():
    bank = load_bank(languages=["en"], categories=["sales"])
    questions_seed(bank=bank)
    return bank


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_an_admin_edit_survives_the_next_seed_and_is_reported(admin_client, capsys):
    bank = _seed_sales()
    question = Question.objects.get(key=bank[0].key)
    url = f"/admin/questions/question/{question.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    for name in ("tags", "expected_keywords", "evaluation_criteria"):
        data[name] = form[name].field.prepare_value(data[name]) if name in form.fields else None
    data = {k: v for k, v in data.items() if v is not None and v is not False}
    data["question"] = "Staff wording: tell me about your hardest sale."
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    call_command("seed_questions", "--language", "en", "--category", "sales")
    assert Question.objects.get(pk=question.pk).question == (
        "Staff wording: tell me about your hardest sale."
    )
    out = capsys.readouterr().out
    assert "skipped 1 edited by staff" in out
    assert bank[0].key in out


def test_a_question_staff_deactivated_stays_deactivated():
    bank = _seed_sales()
    Question.objects.filter(key=bank[1].key).update(is_active=False)
    summary = questions_seed(bank=bank)
    assert summary.skipped_edited == [bank[1].key]
    assert Question.objects.get(key=bank[1].key).is_active is False


def test_the_files_still_update_what_staff_did_not_touch():
    bank = _seed_sales()
    Question.objects.filter(key=bank[0].key).update(question="Staff text")
    changed = bank[1].__class__(**{**bank[1].__dict__, "question": "New text from the files?"})
    summary = questions_seed(bank=[bank[0], changed, *bank[2:]])
    assert summary.updated == 1
    assert summary.skipped_edited == [bank[0].key]
    assert Question.objects.get(key=bank[1].key).question == "New text from the files?"
    assert Question.objects.get(key=bank[0].key).question == "Staff text"


def test_overwrite_edits_resets_staff_edits_to_the_files():
    bank = _seed_sales()
    Question.objects.filter(key=bank[0].key).update(question="Staff text")
    summary = questions_seed(bank=bank, overwrite_edits=True)
    assert summary.updated == 1 and summary.skipped_edited == []
    assert Question.objects.get(key=bank[0].key).question == bank[0].question
    assert questions_seed(bank=bank).skipped_edited == []  # seeding's own write again


def test_a_row_seeded_before_fingerprints_is_adopted_when_it_matches_the_files():
    bank = _seed_sales()
    Question.objects.update(seed_fingerprint="")
    Question.objects.filter(key=bank[0].key).update(question="Edited before the upgrade")
    summary = questions_seed(bank=bank)
    assert summary.skipped_edited == [bank[0].key]
    assert summary.unchanged == len(bank) - 1
    assert not Question.objects.filter(seed_fingerprint="").exclude(key=bank[0].key).exists()
