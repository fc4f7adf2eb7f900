"""Analysis routes, under /api/analysis/ (answers arrive through `sessions_app.urls`)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "feedback/<uuid:analysis_id>",
        views.FeedbackView.as_view(),
        name="analysis-feedback",
    ),
    path("<uuid:analysis_id>", views.AnalysisDetailView.as_view(), name="analysis-detail"),
    path("<uuid:analysis_id>/rerun", views.RerunView.as_view(), name="analysis-rerun"),
]
