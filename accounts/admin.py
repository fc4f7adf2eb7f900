from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from interview_platform.audit.recording import audited_update

from .models import User


class MfaFilter(admin.SimpleListFilter):
    title = _("MFA")
    parameter_name = "mfa"

    def lookups(self, request, model_admin):
        return [("on", _("On")), ("off", _("Off"))]

    def queryset(self, request, queryset):
        from allauth.mfa.models import Authenticator

        has_totp = Exists(
            Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
        )
        if self.value() == "on":
            return queryset.filter(has_totp)
        if self.value() == "off":
            return queryset.exclude(has_totp)
        return queryset


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["-created_at"]
    list_display = [
        "email",
        "name",
        "role",
        "subscription_type",
        "is_active",
        "mfa_enabled",
        "last_login_at",
        "created_at",
    ]
    list_filter = ["role", "subscription_type", "is_active", MfaFilter, "created_at"]
    search_fields = ["email", "name"]
    readonly_fields = ["id", "created_at", "updated_at", "last_login_at"]
    actions = ["deactivate_users", "activate_users"]
    fieldsets = [
        (None, {"fields": ["id", "email", "password"]}),
        (_("Profile"), {"fields": ["name", "avatar", "preferences"]}),
        (_("Access"), {"fields": ["role", "is_active", "is_superuser"]}),
        (_("Subscription"), {"fields": ["subscription_type", "subscription_expires_at"]}),
        (_("Dates"), {"fields": ["created_at", "updated_at", "last_login_at"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "name", "role", "password1", "password2"]},
        ),
    ]
    filter_horizontal: list = []

    def get_queryset(self, request):
        from allauth.mfa.models import Authenticator

        return (
            super()
            .get_queryset(request)
            .annotate(
                _mfa=Exists(
                    Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
                )
            )
        )

    @admin.display(boolean=True, description=_("MFA"), ordering="_mfa")
    def mfa_enabled(self, obj) -> bool:
        return bool(getattr(obj, "_mfa", False))

    @admin.action(description=_("Deactivate selected users"))
    def deactivate_users(self, request, queryset):
        count = audited_update(queryset.exclude(pk=request.user.pk), is_active=False)
        self.message_user(
            request,
            ngettext("Deactivated %(count)d user.", "Deactivated %(count)d users.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Activate selected users"))
    def activate_users(self, request, queryset):
        count = audited_update(queryset, is_active=True)
        self.message_user(
            request,
            ngettext("Activated %(count)d user.", "Activated %(count)d users.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    # Deleting a user here erases everything of theirs, as the account deletion does (files,
    # typed questions, tokens), not only the rows that cascade.
    def delete_model(self, request, obj):
        from .services.erasure import user_data_erase

        user_data_erase(user=obj)

    def delete_queryset(self, request, queryset):
        from .services.erasure import user_data_erase

        for user in queryset:
            user_data_erase(user=user)
