from django.apps import AppConfig

from core import hooks


class SessionsAppConfig(AppConfig):
    name = "sessions_app"
    verbose_name = "Interview sessions"

    def ready(self) -> None:
        from .services import session_on_analysis_landed

        hooks.analysis_landed.connect(session_on_analysis_landed)
