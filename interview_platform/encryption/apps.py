from django.apps import AppConfig


class EncryptionConfig(AppConfig):
    name = "interview_platform.encryption"
    label = "encryption"
    verbose_name = "Encryption at rest"
