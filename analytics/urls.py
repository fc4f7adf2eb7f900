"""This app's API routes, mounted under /api/ (paths here start with the resource name)."""

from django.urls import path

from . import views

urlpatterns = [
    path("analytics/user-stats", views.UserStatsView.as_view(), name="analytics-user-stats"),
    path("analytics/progress", views.ProgressView.as_view(), name="analytics-progress"),
    path("analytics/skills", views.SkillsView.as_view(), name="analytics-skills"),
    path("analytics/benchmarks", views.BenchmarksView.as_view(), name="analytics-benchmarks"),
    path("analytics/export", views.ExportListView.as_view(), name="analytics-export"),
    path(
        "analytics/export/<uuid:export_id>",
        views.ExportDetailView.as_view(),
        name="analytics-export-detail",
    ),
    path(
        "analytics/export/<uuid:export_id>/download",
        views.ExportDownloadView.as_view(),
        name="analytics-export-download",
    ),
    path("admin/users", views.AdminUserListView.as_view(), name="admin-user-list"),
    path("admin/analytics", views.AdminAnalyticsView.as_view(), name="admin-analytics"),
]
