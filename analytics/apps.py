from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import hooks


class AnalyticsConfig(AppConfig):
    name = "analytics"
    verbose_name = _("Analytics")

    def ready(self) -> None:
        from .erasure import user_exports_erase
        from .tasks import user_analytics_refresh_soon

        hooks.scores_changed.connect(user_analytics_refresh_soon)
        hooks.user_erasing.connect(user_exports_erase)
