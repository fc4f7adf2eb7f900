"""Analysis routes, mounted under /api/. Answers come in through the practice flow
(`sessions_app`: /api/analysis/answer and /batch)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "analysis/feedback/<uuid:analysis_id>",
        views.FeedbackView.as_view(),
        name="analysis-feedback",
    ),
    path("analysis/<uuid:analysis_id>", views.AnalysisDetailView.as_view(), name="analysis-detail"),
    path("analysis/<uuid:analysis_id>/rerun", views.RerunView.as_view(), name="analysis-rerun"),
]
