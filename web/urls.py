"""The server-rendered pages, mounted at the site's root."""

from django.urls import path

from . import job_views, password_views, settings_views, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    # Pages without our <link rel="icon"> (the admin's) make browsers ask for /favicon.ico.
    path("favicon.ico", views.favicon, name="favicon"),
    path("language/", views.language_switch, name="language"),
    # Where the API's reset e-mail links when FRONTEND_URL is not set (accounts/emails.py).
    path("reset-password", password_views.reset_password, name="reset-password"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("history/", views.history, name="history"),
    path("settings/", settings_views.settings_page, name="settings"),
    path("settings/profile/", settings_views.profile_update, name="settings-profile"),
    path("settings/avatar/", settings_views.avatar_update, name="settings-avatar"),
    path("settings/preferences/", settings_views.preferences_update, name="settings-preferences"),
    path("settings/mfa/", settings_views.mfa_setup, name="settings-mfa"),
    path("settings/mfa/disable/", settings_views.mfa_disable, name="settings-mfa-disable"),
    path("settings/export/", settings_views.export_request, name="settings-export"),
    path("settings/delete/", settings_views.account_delete, name="settings-delete"),
    path("practice/", views.start, name="start"),
    path("practice/job/", job_views.job_start, name="job-start"),
    path("practice/job/<uuid:profile_id>/", job_views.job_confirm, name="job-confirm"),
    path("practice/<uuid:session_id>/", views.practice, name="practice"),
    path("practice/<uuid:session_id>/fit/", job_views.job_fit, name="job-fit"),
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
