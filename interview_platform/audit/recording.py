"""Who is writing: the request's user, read when the entry is written (after DRF has
authenticated a bearer token, which a middleware cannot know yet), and only staff writes kept."""

from __future__ import annotations

from auditlog.cid import set_cid
from auditlog.context import auditlog_value, set_extra_data
from django.utils.functional import SimpleLazyObject

CONCEALED = "(encrypted at rest: value not recorded)"


def conceal(value: str) -> str:
    """Mask of the fields encrypted at rest: the audit records that they changed, not what to."""
    return CONCEALED


def _authenticated_user(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class AuditActorMiddleware:
    """Couples audit entries to the request's user and address (after AuthenticationMiddleware).

    django-auditlog's own middleware reads `request.user` when the request comes in, before DRF
    authenticates a bearer token; here the actor is read lazily when an entry is written. The
    address is the peer's (REMOTE_ADDR), not a client-supplied X-Forwarded-For."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        set_cid(request)
        context = {
            "actor": SimpleLazyObject(lambda: _authenticated_user(request)),
            "remote_addr": request.META.get("REMOTE_ADDR"),
        }
        try:
            with set_extra_data(context_data=context):
                return self.get_response(request)
        finally:
            # auditlog leaves its context variable set after the request: a later write on the
            # same thread (outside any request) must not be taken for this user's.
            auditlog_value.set({})


def current_actor():
    try:
        actor = auditlog_value.get().get("actor")
    except LookupError:
        return None
    return actor if actor else None


def staff_actor():
    """The staff user writing in this request, or None."""
    actor = current_actor()
    if actor is None or not getattr(actor, "is_staff", False):
        return None
    return actor


def staff_writes_only(sender, instance, action, **kwargs):
    """pre_log receiver: keeps the entry only when a staff user is writing. Users' own writes
    (answers, sessions, profile) and the workers' are not staff actions and are not audited."""
    if staff_actor() is None:
        return False
    return None


def audited_update(queryset, **values) -> int:
    """`QuerySet.update` (which sends no signal, so django-auditlog cannot see it) that leaves an
    audit entry per changed row when a staff user is writing. Returns the rows updated."""
    from auditlog.models import LogEntry
    from auditlog.registry import auditlog

    if staff_actor() is not None and auditlog.contains(queryset.model):
        fields = list(values)
        for obj in queryset.only("pk", *fields):
            changes = {
                field: [str(getattr(obj, field)), str(values[field])]
                for field in fields
                if getattr(obj, field) != values[field]
            }
            if changes:
                LogEntry.objects.log_create(obj, action=LogEntry.Action.UPDATE, changes=changes)
    return queryset.update(**values)
