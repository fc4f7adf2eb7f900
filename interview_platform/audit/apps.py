from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "interview_platform.audit"
    label = "audit"
    verbose_name = "Audit"

    def ready(self) -> None:
        from auditlog.signals import pre_log

        from .recording import staff_writes_only

        # django-auditlog's documented switch: a pre_log receiver returning False skips the entry.
        pre_log.connect(staff_writes_only, dispatch_uid="audit.staff_writes_only")
