from django.apps import AppConfig

from core import hooks


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = "Question bank"

    def ready(self) -> None:
        from .erasure import user_questions_anonymise, user_questions_erase
        from .services import question_score_on_landing

        hooks.analysis_landed.connect(question_score_on_landing)
        hooks.user_erasing.connect(user_questions_anonymise)
        hooks.user_erased.connect(user_questions_erase)
