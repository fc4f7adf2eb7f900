from django.urls import path

from . import views

urlpatterns = [
    path("jobs/profiles", views.JobProfileListView.as_view(), name="job-profile-list"),
    path(
        "jobs/profiles/<uuid:profile_id>",
        views.JobProfileDetailView.as_view(),
        name="job-profile-detail",
    ),
    path(
        "jobs/profiles/<uuid:profile_id>/requirements",
        views.JobProfileRequirementsView.as_view(),
        name="job-profile-requirements",
    ),
    path(
        "jobs/profiles/<uuid:profile_id>/sessions",
        views.JobSessionStartView.as_view(),
        name="job-session-start",
    ),
    path("jobs/sessions/<uuid:session_id>/fit", views.JobFitView.as_view(), name="job-fit"),
]
