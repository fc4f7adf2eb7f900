"""Staff exports keep Korean readable; an import counts exactly what it changed."""

import pytest
import tablib
from django.contrib import admin
from import_export.formats.base_formats import CSV, JSON

from questions.models import Question
from questions.resources import QuestionResource

from .factories import QuestionFactory

pytestmark = pytest.mark.django_db

KOREAN = ["갈등 해결", "협업"]


@pytest.mark.parametrize("format_class", [CSV, JSON])
def test_an_export_keeps_korean_unescaped(format_class):
    QuestionFactory(language="ko", question="팀 갈등을 해결한 경험은?", tags=KOREAN)
    exported = format_class().export_data(QuestionResource().export())
    assert "\\u" not in exported
    assert "팀 갈등을 해결한 경험은?" in exported
    assert "갈등 해결" in exported
    # And it reads back to the same lists.
    dataset = tablib.Dataset().load(exported, format=format_class().get_title())
    result = QuestionResource().import_data(dataset, dry_run=True, raise_errors=True)
    assert result.totals["skip"] == 1


def test_the_admin_writes_csv_with_a_byte_order_mark_for_spreadsheets():
    assert admin.site._registry[Question].to_encoding == "utf-8-sig"


def test_an_import_counts_one_update_when_one_row_changed():
    questions = QuestionFactory.create_batch(3, tags=KOREAN)
    exported = QuestionResource().export().export("csv")
    dataset = tablib.Dataset().load(exported, format="csv")
    changed = dataset.headers.index("question")
    row = list(dataset[0])
    row[changed] = "A better wording?"
    dataset[0] = tuple(row)
    result = QuestionResource().import_data(dataset, dry_run=False, raise_errors=True)
    assert (result.totals["new"], result.totals["update"], result.totals["skip"]) == (0, 1, 2)
    assert result.totals["error"] == 0
    assert Question.objects.filter(question="A better wording?").count() == 1
    assert len(questions) == 3
