"""Import/export of questions in the Django admin (CSV and JSON, via django-import-export)."""

import json
import uuid

from django.db import transaction
from import_export import fields, resources, widgets

from . import cache as question_cache
from .models import Question


class UnicodeJSONWidget(widgets.JSONWidget):
    """JSON cells as people read them: Korean stays Korean, not \\uXXXX escapes."""

    def render(self, value, obj=None, **kwargs):
        return json.dumps(value, ensure_ascii=False) if value else None


class UUIDWidget(widgets.Widget):
    """Ids read back as UUIDs, so an unchanged row compares equal and counts as skipped
    (as text, every row differed from its stored UUID and was reported as updated)."""

    def clean(self, value, row=None, **kwargs):
        return uuid.UUID(str(value).strip()) if value not in (None, "") else None

    def render(self, value, obj=None, **kwargs):
        return str(value) if value else ""


class QuestionResource(resources.ModelResource):
    id = fields.Field(attribute="id", column_name="id", widget=UUIDWidget())
    tags = fields.Field(attribute="tags", column_name="tags", widget=UnicodeJSONWidget())
    expected_keywords = fields.Field(
        attribute="expected_keywords", column_name="expected_keywords", widget=UnicodeJSONWidget()
    )
    evaluation_criteria = fields.Field(
        attribute="evaluation_criteria",
        column_name="evaluation_criteria",
        widget=UnicodeJSONWidget(),
    )

    class Meta:
        model = Question
        fields = (
            "id",
            "key",
            "category",
            "custom_category",
            "difficulty",
            "type",
            "language",
            "source",
            "question",
            "tags",
            "expected_keywords",
            "sample_answer",
            "evaluation_criteria",
            "is_active",
        )
        import_id_fields = ("id",)
        skip_unchanged = True
        report_skipped = True

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not kwargs.get("dry_run"):
            transaction.on_commit(question_cache.invalidate)
