"""Erasing a user and everything of theirs (GDPR erasure; `user_delete` and the admin's delete).

Each app erases its own data through the hooks `core.hooks.user_erasing` (inside the deletion's
transaction, before the user row goes) and `user_erased` (after the row and its cascade are gone),
so this module imports no app above it. Files are deleted with `transaction.on_commit` (a
rolled-back deletion keeps them).

`PERSONAL_DATA` is the inventory: every model that can hold a user's data and how erasure
handles it. A test walks the app registry and fails on any model reachable from the user that is
not listed, so a new model is classified before it ships.
"""

from __future__ import annotations

from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from auditlog.context import disable_auditlog
from auditlog.models import LogEntry as AuditEntry
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from core import hooks
from interview_platform.audit.recording import staff_actor

from ..models import User
from .mfa import _setup_key as mfa_setup_key

CASCADE = "deleted with the user row (foreign key cascade)"
ERASED = "deleted by an erasure step"
ANONYMISED = "kept without the link to the user (SET NULL) or with personal text replaced"

# label -> how erasure handles it (models reachable from the user through foreign keys).
PERSONAL_DATA: dict[str, str] = {
    "accounts.User": "the row itself; the avatar file is deleted once the deletion commits",
    "accounts.User_groups": CASCADE,
    "accounts.User_user_permissions": CASCADE,
    "account.EmailAddress": CASCADE,
    "account.EmailConfirmation": CASCADE + " (through the e-mail address)",
    "socialaccount.SocialAccount": ERASED + " (before the user, so allauth's signals see it)",
    "socialaccount.SocialToken": CASCADE + " (through the social account)",
    "mfa.Authenticator": CASCADE,
    "accounts.TokenFamily": CASCADE + " (a token whose family is gone is refused)",
    "token_blacklist.OutstandingToken": ERASED + " (simplejwt would only SET NULL)",
    "token_blacklist.BlacklistedToken": CASCADE + " (through the outstanding token)",
    "admin.LogEntry": CASCADE
    + " for the user's own staff actions; entries about the user or their questions are "
    + "anonymised (object_repr)",
    "questions.Question": ERASED
    + " when the user typed it (source=user), it was generated for them (source=ai), it "
    + "quotes their answer (source=follow_up) or their résumé (source=job); "
    + "staff-written questions are "
    + ANONYMISED,
    "sessions_app.InterviewSession": CASCADE + "; the live state in Redis is cleared on commit",
    "sessions_app.SessionQuestion": CASCADE + " (through the session)",
    "sessions_app.SessionStart": CASCADE,
    "analysis.AnalysisResult": CASCADE,
    "analytics.UserAnalytics": CASCADE,
    "auditlog.LogEntry": ANONYMISED
    + ": a staff actor's entries stay (the actor SET NULL, their e-mail cleared); entries about "
    + "the user keep which fields changed, not the values",
    "jobprep.JobProfile": CASCADE,
    "jobprep.JobSession": CASCADE + " (through the job profile or the session)",
    "analytics.ExportJob": CASCADE + "; its file is deleted once the deletion commits",
}

# Data that no foreign key leads to, and how it goes.
PERSONAL_DATA_OUTSIDE_FOREIGN_KEYS = {
    "sessions.Session (signed-in pages, admin)": "deleted (rows and their cached copies): "
    "found by the user id they hold",
    "cache: token revocation marks": "kept until the tokens' expiry so old tokens stay refused",
    "cache: pending TOTP setup": "deleted",
    "cache: live session state": "deleted on commit (sessions_app step)",
    "storage: avatar and export files": "deleted on commit",
}


@transaction.atomic
def user_data_erase(*, user: User) -> None:
    """Deletes the user row and everything of theirs (no re-authentication: the caller's).

    The deletion itself is not audited row by row (the entries would name what is being
    erased); a staff deletion leaves one entry: who deleted which user id, when."""
    user_id = user.pk
    with disable_auditlog():
        _erase(user)
    if staff_actor() is not None:
        AuditEntry.objects.create(
            content_type=ContentType.objects.get_for_model(User),
            object_pk=str(user_id),
            object_repr="(deleted user)",
            action=AuditEntry.Action.DELETE,
            changes={},
        )


def _erase(user: User) -> None:
    user_id = user.pk
    hooks.user_erasing.send(user=user)
    # Audit entries about the user, their addresses and social accounts, or naming their e-mail.
    about_them = Q(content_type=ContentType.objects.get_for_model(User), object_pk=str(user.pk))
    for model in (EmailAddress, SocialAccount):
        pks = [str(pk) for pk in model.objects.filter(user=user).values_list("pk", flat=True)]
        about_them |= Q(content_type=ContentType.objects.get_for_model(model), object_pk__in=pks)
    about_them |= Q(object_repr__icontains=user.email) | Q(changes_text__icontains=user.email)
    about_them |= Q(changes__icontains=user.email)
    audit_entries_anonymise(AuditEntry.objects.filter(about_them), label="(deleted user)")
    AuditEntry.objects.filter(actor=user).update(actor_email=None, remote_addr=None)
    avatar, storage = user.avatar.name, user.avatar.storage
    OutstandingToken.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    cache.delete(mfa_setup_key(user))
    _browser_sessions_end(user)
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(object_repr="(deleted user)")
    user.delete()
    hooks.user_erased.send(user_id=user_id)
    if avatar:
        transaction.on_commit(lambda: storage.delete(avatar))


def _browser_sessions_end(user: User) -> None:
    """Deletes the user's server-side sessions (pages and admin). A session row names its user
    only inside its encoded data, so the live ones are read; a deletion is rare and the expired
    ones are not read at all. The cached copies go once the deletion commits."""
    user_id = str(user.pk)
    keys = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator(
            chunk_size=500
        )
        if session.get_decoded().get(SESSION_KEY) == user_id
    ]
    if not keys:
        return
    Session.objects.filter(session_key__in=keys).delete()
    store = import_module(settings.SESSION_ENGINE).SessionStore
    cached = [store(session_key=key).cache_key for key in keys if hasattr(store, "cache_key")]
    if cached:
        session_cache = caches[settings.SESSION_CACHE_ALIAS]
        transaction.on_commit(lambda: session_cache.delete_many(cached))


def audit_entries_anonymise(entries, *, label: str) -> None:
    """Audit entries about an erased object keep who changed which fields when, not the values."""
    for entry in entries.only("pk", "changes"):
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        AuditEntry.objects.filter(pk=entry.pk).update(
            object_repr=label,
            changes={field: ["(erased)", "(erased)"] for field in changes},
            changes_text="",
            serialized_data=None,
            additional_data=None,
        )
