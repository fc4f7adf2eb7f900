from django.apps import AppConfig

from core import hooks


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = "Question bank"

    def ready(self) -> None:
        from .services import question_score_on_landing

        hooks.analysis_landed.connect(question_score_on_landing)
