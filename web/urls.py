"""The server-rendered pages, mounted at the site's root."""

from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    # Pages without our <link rel="icon"> (the admin's) make browsers ask for /favicon.ico.
    path("favicon.ico", views.favicon, name="favicon"),
    path("language/", views.language_switch, name="language"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("history/", views.history, name="history"),
    path("practice/", views.start, name="start"),
    path("practice/<uuid:session_id>/", views.practice, name="practice"),
    path("practice/<uuid:session_id>/answer/", views.answer, name="answer"),
    path("practice/<uuid:session_id>/next/", views.next_question, name="next"),
    path("practice/<uuid:session_id>/finish/", views.finish, name="finish"),
    path("practice/<uuid:session_id>/report/", views.report, name="report"),
    path(
        "practice/<uuid:session_id>/questions/<uuid:session_question_id>/",
        views.question_feedback,
        name="question-feedback",
    ),
    path(
        "practice/<uuid:session_id>/questions/<uuid:session_question_id>/rerun/",
        views.rerun,
        name="rerun",
    ),
]
