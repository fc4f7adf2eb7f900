"""Session routes, mounted under /api/."""

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
    path("admin/sessions", views.AdminSessionListView.as_view(), name="admin-session-list"),
]
