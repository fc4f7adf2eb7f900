from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "interview_platform.api"
    label = "platform_api"
    verbose_name = "Platform API"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from interview_platform.metrics import install_query_timer

        # Every database connection of every process (web and worker) times its queries.
        connection_created.connect(install_query_timer, dispatch_uid="metrics-query-timer")
