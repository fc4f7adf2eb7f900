"""Practice routes, mounted under /api/: sessions, and the answers that come in through the
practice flow (the spec puts these under /api/analysis/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("sessions", views.SessionListView.as_view(), name="session-list"),
    path("sessions/<uuid:session_id>", views.SessionDetailView.as_view(), name="session-detail"),
    path("sessions/<uuid:session_id>/next", views.SessionNextView.as_view(), name="session-next"),
    path(
        "sessions/<uuid:session_id>/complete",
        views.SessionCompleteView.as_view(),
        name="session-complete",
    ),
    path("analysis/answer", views.AnswerView.as_view(), name="analysis-answer"),
    path("analysis/batch", views.AnalysisBatchView.as_view(), name="analysis-batch"),
    path("admin/sessions", views.AdminSessionListView.as_view(), name="admin-session-list"),
]
