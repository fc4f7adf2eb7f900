from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "interview_platform.api"
    label = "platform_api"
    verbose_name = "Platform API"
