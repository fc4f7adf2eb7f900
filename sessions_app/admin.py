from django.contrib import admin

from analysis.models import AnalysisResult

from .models import InterviewSession, SessionQuestion


class SessionQuestionInline(admin.TabularInline):
    model = SessionQuestion
    extra = 0
    can_delete = False
    fields = ["order", "question", "started_at", "answered_at", "time_spent", "answer"]
    readonly_fields = fields
    raw_id_fields = ["question"]

    def has_add_permission(self, request, obj=None):
        return False


class AnalysisResultInline(admin.TabularInline):
    model = AnalysisResult
    extra = 0
    can_delete = False
    fields = ["question", "status", "total_score", "preliminary", "failure_reason", "created_at"]
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(InterviewSession)
class InterviewSessionAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "user",
        "category",
        "difficulty",
        "language",
        "status",
        "total_score",
        "created_at",
    ]
    list_filter = ["status", "category", "difficulty", "language", "created_at"]
    search_fields = ["user__email", "custom_category", "id"]
    date_hierarchy = "created_at"
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    readonly_fields = ["id", "created_at", "completed_at", "expires_at", "report"]
    inlines = [SessionQuestionInline, AnalysisResultInline]
