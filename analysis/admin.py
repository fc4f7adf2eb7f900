from django.contrib import admin

from .models import AnalysisResult


@admin.register(AnalysisResult)
class AnalysisResultAdmin(admin.ModelAdmin):
    list_display = ["id", "user", "status", "total_score", "preliminary", "language", "created_at"]
    list_filter = ["status", "preliminary", "language", "created_at"]
    search_fields = ["user__email", "id", "question__question"]
    date_hierarchy = "created_at"
    list_select_related = ["user"]
    raw_id_fields = ["user", "session", "session_question", "question"]
    readonly_fields = [
        "id",
        "user_answer",
        "understanding",
        "logic",
        "specificity",
        "job_fit",
        "total_score",
        "ai_analysis",
        "fingerprint",
        "created_at",
        "updated_at",
        "completed_at",
    ]
