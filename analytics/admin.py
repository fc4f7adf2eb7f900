from __future__ import annotations

from datetime import date

from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from questions.categories import category_text

from .charts import bar_list, column_chart
from .models import ExportJob, PlatformAnalytics, UserAnalytics
from .selectors.platform import default_range, platform_analytics


@admin.register(UserAnalytics)
class UserAnalyticsAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "date",
        "sessions_completed",
        "questions_answered",
        "average_score",
        "time_spent",
        "improvement_rate",
    ]
    list_filter = ["date"]
    search_fields = ["user__email"]
    date_hierarchy = "date"
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    list_display = ["id", "user", "format", "scope", "status", "size", "created_at", "expires_at"]
    list_filter = ["status", "format", "scope"]
    search_fields = ["user__email", "id"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    readonly_fields = [
        "user",
        "format",
        "scope",
        "status",
        "file",
        "size",
        "error",
        "created_at",
        "started_at",
        "completed_at",
        "expires_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False  # exports are requested by their owner through the API


@admin.register(PlatformAnalytics)
class PlatformAnalyticsAdmin(admin.ModelAdmin):
    """Not a list of records: the "Platform analytics" link of the admin index opens the same
    figures as `GET /api/admin/analytics`, with bar charts drawn server-side."""

    DAY_CHOICES = (7, 30, 90, 365)

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request) -> bool:
        return self.has_view_permission(request)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        try:
            days = int(request.GET.get("days", 30))
        except ValueError:
            days = 30
        days = days if days in self.DAY_CHOICES else 30
        start, end = default_range(days)
        data = platform_analytics(start=start, end=end)
        label_every = max(len(data["days"]) // 8, 1)
        language = "ko" if (get_language() or "").startswith("ko") else "en"

        def series(key: str) -> dict:
            return column_chart(
                [(_short(d["date"]), d[key]) for d in data["days"]], label_every=label_every
            )

        context = {
            **self.admin_site.each_context(request),
            "title": _("Platform analytics"),
            "opts": self.model._meta,
            "data": data,
            "days": days,
            "day_choices": self.DAY_CHOICES,
            "active_chart": series("active_users"),
            "started_chart": series("sessions_started"),
            "completed_chart": series("sessions_completed"),
            "category_bars": bar_list(
                [
                    (category_text(row["category"], language)[0], row["average_score"])
                    for row in data["average_score_by_category"]
                ]
            ),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/analytics/platform.html", context)


def _short(day: date) -> str:
    return day.strftime("%m/%d")
