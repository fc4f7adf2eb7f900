from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.hashers import acheck_password, check_password
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from core.choices import Difficulty, JobCategory, Language

from .password_salt import password_salt, rehash


class Role(models.TextChoices):
    USER = "user", _("User")
    ADMIN = "admin", _("Admin")


class SubscriptionType(models.TextChoices):
    FREE = "free", _("Free")
    PREMIUM = "premium", _("Premium")


def default_preferences() -> dict:
    # JSON documents are stored with snake_case keys like every column; the API camelizes them.
    return {
        "job_category": JobCategory.SOFTWARE_ENGINEERING.value,
        "difficulty": Difficulty.MEDIUM.value,
        "notifications": True,
        "language": Language.KO.value,
    }


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> User:
        if not email:
            raise ValueError("An email is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> User:
        fields.setdefault("role", Role.ADMIN)
        fields.setdefault("is_superuser", True)
        fields.setdefault("name", email.split("@")[0])
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, verbose_name=_("ID")
    )
    email = models.EmailField(_("email"), max_length=255, unique=True)
    name = models.CharField(_("name"), max_length=255)
    avatar = models.ImageField(upload_to="avatars/", blank=True, verbose_name=_("avatar"))
    role = models.CharField(
        max_length=20, choices=Role.choices, default=Role.USER, verbose_name=_("role")
    )
    preferences = models.JSONField(default=default_preferences, verbose_name=_("preferences"))
    subscription_type = models.CharField(
        max_length=20,
        choices=SubscriptionType.choices,
        default=SubscriptionType.FREE,
        verbose_name=_("subscription type"),
    )
    subscription_expires_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("subscription expires at")
    )
    is_active = models.BooleanField(default=True, verbose_name=_("is active"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    last_login_at = models.DateTimeField(null=True, blank=True, verbose_name=_("last login at"))

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]
        indexes = [models.Index(fields=["role", "is_active"], name="user_role_active_idx")]

    def __str__(self) -> str:
        return self.email

    # Staff access is the admin role: one source of truth instead of a flag that can disagree.
    @property
    def is_staff(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    # The product has two roles, not a permission matrix: an active admin may do everything
    # staff can do in Django admin; everyone else has no admin permissions.
    def has_perm(self, perm, obj=None) -> bool:
        return (self.is_active and self.is_admin) or super().has_perm(perm, obj)

    def has_module_perms(self, app_label) -> bool:
        return (self.is_active and self.is_admin) or super().has_module_perms(app_label)

    # Django's `last_login` (read by the password-reset token generator) is our `last_login_at`.
    @property
    def last_login(self):
        return self.last_login_at

    @property
    def language(self) -> str:
        return (self.preferences or {}).get("language") or Language.KO.value

    # A correct password stored with an older hasher or cost is re-hashed at sign-in with its
    # own salt (password_salt.py): it is the same password, so no other sign-in ends.
    # The write is a compare-and-set: a password changed by another request while this one was
    # checked is not overwritten with the old one (and its old salt, which would bring back every
    # sign-in the change ended), and the old password no longer signs in.
    def check_password(self, raw_password) -> bool:
        stored, still_stored = self.password, True

        def setter(raw_password):
            nonlocal still_stored
            rehashed = rehash(raw_password, stored)
            still_stored = self._rehashed(
                self._unchanged(stored).update(password=rehashed), rehashed
            )

        return check_password(raw_password, stored, setter) and still_stored

    async def acheck_password(self, raw_password) -> bool:
        stored, still_stored = self.password, True

        async def setter(raw_password):
            nonlocal still_stored
            rehashed = rehash(raw_password, stored)
            written = await self._unchanged(stored).aupdate(password=rehashed)
            still_stored = self._rehashed(written, rehashed)

        return await acheck_password(raw_password, stored, setter) and still_stored

    def _unchanged(self, stored: str):
        return User.objects.filter(pk=self.pk, password=stored)

    def _rehashed(self, written: int, rehashed: str) -> bool:
        """Whether the re-hash was written (the stored hash was still the one checked)."""
        self._password = None
        if written:
            self.password = rehashed
        return bool(written)

    # The web session's auth hash follows the password's salt, not its hash, for the same reason.
    def _get_session_auth_hash(self, secret=None) -> str:
        return salted_hmac(
            "accounts.User.session_auth_hash",
            password_salt(self.password),
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def get_session_auth_fallback_hash(self):
        yield from super().get_session_auth_fallback_hash()
        # A session signed in when the hash followed the whole password hash: Django re-keys it
        # on its next request instead of signing it out.
        for secret in (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS):
            yield super()._get_session_auth_hash(secret=secret)


class TokenFamilyEndReason(models.TextChoices):
    LOGOUT = "logout", _("Signed out")
    REUSE = "reuse", _("A used refresh token was presented again")
    CREDENTIALS = "credentials", _("Password or email changed")


class TokenFamily(models.Model):
    """One sign-in on one device: every refresh token rotated from its first, and their access
    tokens (both carry its id in the `fam` claim). Ending the family ends all of them at once;
    this row, in PostgreSQL, is the authority, so a revocation survives a cache outage."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, verbose_name=_("ID")
    )
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="token_families", verbose_name=_("user")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("revoked at"))
    revoked_reason = models.CharField(
        max_length=20,
        choices=TokenFamilyEndReason.choices,
        blank=True,
        verbose_name=_("revoked reason"),
    )
    # When the holder last proved a password or second factor again (sensitive actions).
    reauthenticated_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("reauthenticated at")
    )
    # When its newest refresh token expires: after that nothing of the family can be used, and
    # the nightly housekeeping deletes it.
    expires_at = models.DateTimeField(
        null=True, blank=True, db_index=True, verbose_name=_("expires at")
    )

    class Meta:
        verbose_name = _("token family")
        verbose_name_plural = _("token families")
        indexes = [models.Index(fields=["user", "revoked_at"], name="tokenfamily_user_live_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"
