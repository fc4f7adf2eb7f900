from django.contrib import admin

from .models import JobProfile


@admin.register(JobProfile)
class JobProfileAdmin(admin.ModelAdmin):
    """Staff see that a profile exists, not the user's description or résumé."""

    list_display = ["id", "user", "category", "language", "confirmed", "created_at"]
    list_filter = ["category", "language", "confirmed"]
    fields = ["user", "title", "category", "difficulty", "language", "confirmed", "created_at"]
    readonly_fields = fields
