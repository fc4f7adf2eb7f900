from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from analysis.requirements import requirement_reader_register


class JobprepConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobprep"
    verbose_name = _("Job practice")

    def ready(self) -> None:
        # Job fit in a job session is scored against the requirements the user confirmed.
        from .selectors import job_session_requirements

        requirement_reader_register(job_session_requirements)
