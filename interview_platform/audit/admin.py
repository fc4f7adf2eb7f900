"""The audit log in the admin: django-auditlog's read-only LogEntry admin, searched by the
fields this project's user model has (it has no first/last name)."""

from auditlog.admin import LogEntryAdmin as AuditlogLogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin

admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class LogEntryAdmin(AuditlogLogEntryAdmin):
    search_fields = ["object_repr", "object_pk", "actor__email", "actor_email"]
