from django.apps import AppConfig


class JobprepConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobprep"
    verbose_name = "Job practice"
