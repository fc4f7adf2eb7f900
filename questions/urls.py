"""Question bank routes, mounted under /api/."""

from django.urls import path

from . import views

urlpatterns = [
    path("questions", views.QuestionListView.as_view(), name="question-list"),
    path("questions/categories", views.CategoryListView.as_view(), name="question-categories"),
    path(
        "questions/difficulties", views.DifficultyListView.as_view(), name="question-difficulties"
    ),
    path("questions/generate", views.GenerateQuestionsView.as_view(), name="question-generate"),
    path(
        "questions/<uuid:question_id>", views.QuestionDetailView.as_view(), name="question-detail"
    ),
    path("admin/questions", views.AdminQuestionListView.as_view(), name="admin-question-list"),
    path(
        "admin/questions/<uuid:question_id>",
        views.AdminQuestionDetailView.as_view(),
        name="admin-question-detail",
    ),
]
