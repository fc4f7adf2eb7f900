from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from interview_platform.memory import freeze_startup_heap


class AnalysisConfig(AppConfig):
    name = "analysis"
    verbose_name = _("Answer analysis")

    def ready(self) -> None:
        from celery import signals

        # Only a Celery worker sends it, before it consumes: web processes never warm up.
        signals.worker_ready.connect(_warm_up, weak=False, dispatch_uid="analysis_warm_up")


def _warm_up(**kwargs) -> None:
    from .warmup import analysis_warm_up

    analysis_warm_up()
    # The scorer's indexes, loaded just now, live as long as the worker: out of the collector's
    # walks with everything else the worker started with.
    freeze_startup_heap()
