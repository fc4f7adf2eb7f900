from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import hooks


class SessionsAppConfig(AppConfig):
    name = "sessions_app"
    verbose_name = _("Interview sessions")

    def ready(self) -> None:
        from .erasure import user_sessions_erase
        from .services import session_on_analysis_landed

        hooks.analysis_landed.connect(session_on_analysis_landed)
        hooks.user_erasing.connect(user_sessions_erase)
