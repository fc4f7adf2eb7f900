"""Import/export of questions in the Django admin (CSV and JSON, via django-import-export)."""

from django.db import transaction
from import_export import fields, resources, widgets

from . import cache as question_cache
from .models import Question


class QuestionResource(resources.ModelResource):
    tags = fields.Field(attribute="tags", column_name="tags", widget=widgets.JSONWidget())
    expected_keywords = fields.Field(
        attribute="expected_keywords", column_name="expected_keywords", widget=widgets.JSONWidget()
    )
    evaluation_criteria = fields.Field(
        attribute="evaluation_criteria",
        column_name="evaluation_criteria",
        widget=widgets.JSONWidget(),
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
