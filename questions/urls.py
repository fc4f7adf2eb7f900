"""Question bank routes: `urlpatterns` under /api/ (they start with `questions`: the list itself is
/api/questions, without a trailing slash), `admin_urlpatterns` under /api/admin/."""

from django.urls import path

from . import views

admin_urlpatterns = [
    path("questions", views.AdminQuestionListView.as_view(), name="admin-question-list"),
    path(
        "questions/<uuid:question_id>",
        views.AdminQuestionDetailView.as_view(),
        name="admin-question-detail",
    ),
]

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
]
