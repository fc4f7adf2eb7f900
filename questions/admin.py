from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, JSON

from . import cache as question_cache
from .models import Question
from .resources import QuestionResource
from .services import questions_set_active


@admin.register(Question)
class QuestionAdmin(ImportExportModelAdmin):
    resource_classes = [QuestionResource]
    formats = [CSV, JSON]
    # With a byte-order mark, spreadsheet programs open the CSV's Korean as Korean.
    to_encoding = "utf-8-sig"
    list_display = [
        "short_question",
        "category",
        "difficulty",
        "type",
        "language",
        "source",
        "is_active",
        "usage_count",
        "average_score",
    ]
    list_filter = ["category", "difficulty", "type", "language", "is_active", "source"]
    search_fields = ["question", "key", "custom_category"]
    readonly_fields = [
        "id",
        "usage_count",
        "scored_count",
        "score_total",
        "average_score",
        "created_at",
        "updated_at",
    ]
    list_per_page = 50
    actions = ["activate", "deactivate"]
    list_select_related = ["created_by"]

    @admin.display(description=_("Question"))
    def short_question(self, obj) -> str:
        return obj.question[:90]

    @admin.action(description=_("Activate selected questions"))
    def activate(self, request, queryset):
        count = questions_set_active(
            question_ids=list(queryset.values_list("pk", flat=True)), active=True
        )
        self.message_user(
            request,
            ngettext("Activated %(count)d question.", "Activated %(count)d questions.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Deactivate selected questions"))
    def deactivate(self, request, queryset):
        count = questions_set_active(
            question_ids=list(queryset.values_list("pk", flat=True)), active=False
        )
        self.message_user(
            request,
            ngettext("Deactivated %(count)d question.", "Deactivated %(count)d questions.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        transaction.on_commit(question_cache.invalidate)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(question_cache.invalidate)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        transaction.on_commit(question_cache.invalidate)
