"""Analytics routes: `urlpatterns` under /api/analytics/, `admin_urlpatterns` under /api/admin/."""

from django.urls import path

from . import views

admin_urlpatterns = [
    path("users", views.AdminUserListView.as_view(), name="admin-user-list"),
    path("analytics", views.AdminAnalyticsView.as_view(), name="admin-analytics"),
]

urlpatterns = [
    path("user-stats", views.UserStatsView.as_view(), name="analytics-user-stats"),
    path("progress", views.ProgressView.as_view(), name="analytics-progress"),
    path("skills", views.SkillsView.as_view(), name="analytics-skills"),
    path("benchmarks", views.BenchmarksView.as_view(), name="analytics-benchmarks"),
    path("export", views.ExportListView.as_view(), name="analytics-export"),
    path(
        "export/<uuid:export_id>",
        views.ExportDetailView.as_view(),
        name="analytics-export-detail",
    ),
    path(
        "export/<uuid:export_id>/download",
        views.ExportDownloadView.as_view(),
        name="analytics-export-download",
    ),
]
