from django.contrib import admin, messages

from .models import Question


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
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
        "average_score",
        "created_at",
        "updated_at",
    ]
    list_per_page = 50
    actions = ["activate", "deactivate"]
    list_select_related = ["created_by"]

    @admin.display(description="Question")
    def short_question(self, obj) -> str:
        return obj.question[:90]

    @admin.action(description="Activate selected questions")
    def activate(self, request, queryset):
        count = queryset.update(is_active=True)
        self.message_user(request, f"Activated {count} question(s).", messages.SUCCESS)

    @admin.action(description="Deactivate selected questions")
    def deactivate(self, request, queryset):
        count = queryset.update(is_active=False)
        self.message_user(request, f"Deactivated {count} question(s).", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
