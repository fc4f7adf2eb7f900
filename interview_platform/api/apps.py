from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "interview_platform.api"
    label = "platform_api"
    verbose_name = "Platform API"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from interview_platform.metrics import install_query_timer

        from . import strict_types

        # JSON bodies are read with the schema's types (no "0" for false, no 5 for "5").
        strict_types.install()

        # Every database connection of every process (web and worker) times its queries.
        connection_created.connect(install_query_timer, dispatch_uid="metrics-query-timer")
