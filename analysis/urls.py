"""Analysis routes, mounted under /api/."""

from django.urls import path

from . import views

urlpatterns = [
    path("analysis/answer", views.AnswerView.as_view(), name="analysis-answer"),
    path("analysis/batch", views.AnalysisBatchView.as_view(), name="analysis-batch"),
    path(
        "analysis/feedback/<uuid:analysis_id>",
        views.FeedbackView.as_view(),
        name="analysis-feedback",
    ),
    path("analysis/<uuid:analysis_id>", views.AnalysisDetailView.as_view(), name="analysis-detail"),
    path("analysis/<uuid:analysis_id>/rerun", views.RerunView.as_view(), name="analysis-rerun"),
    path("questions/generate", views.GenerateQuestionsView.as_view(), name="question-generate"),
]
