from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import hooks


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Question bank")

    def ready(self) -> None:
        from .erasure import user_questions_anonymise, user_questions_erase
        from .services import question_score_on_landing

        hooks.analysis_landed.connect(question_score_on_landing)
        hooks.user_erasing.connect(user_questions_anonymise)
        hooks.user_erased.connect(user_questions_erase)
