from django.contrib import admin

from .models import UserAnalytics


@admin.register(UserAnalytics)
class UserAnalyticsAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "date",
        "sessions_completed",
        "questions_answered",
        "average_score",
        "time_spent",
    ]
    list_filter = ["date"]
    search_fields = ["user__email"]
    date_hierarchy = "date"
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    readonly_fields = ["created_at", "updated_at"]
