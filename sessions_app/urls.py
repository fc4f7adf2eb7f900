"""Practice routes: `urlpatterns` under /api/ (they start with `sessions`: the list itself is
/api/sessions), `answer_urlpatterns` under /api/analysis/ (answers come in through the practice
flow; the spec puts them there), `admin_urlpatterns` under /api/admin/."""

from django.urls import path

from . import views

admin_urlpatterns = [
    path("sessions", views.AdminSessionListView.as_view(), name="admin-session-list"),
]

answer_urlpatterns = [
    path("answer", views.AnswerView.as_view(), name="analysis-answer"),
    path("batch", views.AnalysisBatchView.as_view(), name="analysis-batch"),
]

urlpatterns = [
    path("sessions", views.SessionListView.as_view(), name="session-list"),
    path("sessions/<uuid:session_id>", views.SessionDetailView.as_view(), name="session-detail"),
    path("sessions/<uuid:session_id>/next", views.SessionNextView.as_view(), name="session-next"),
    path(
        "sessions/<uuid:session_id>/complete",
        views.SessionCompleteView.as_view(),
        name="session-complete",
    ),
]
