"""The settings page: profile, preferences, security (password, MFA), data export, deletion.

Every change goes through the same services as the API (`accounts.services`,
`analytics.services`); these views only parse the form and show the outcome.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import selectors as account_selectors
from accounts.services.mfa import totp_setup_confirm, totp_setup_start
from accounts.services.reauth import mfa_disable as account_mfa_disable
from accounts.services.users import user_avatar_update, user_delete, user_profile_update
from analytics.exports.links import download_path
from analytics.models import ExportStatus
from analytics.services.export_requests import export_create
from interview_platform.api.errors import ApplicationError
from interview_platform.api.ratelimit import enforce_rate_limit

from .forms import (
    AvatarForm,
    DeleteAccountForm,
    ExportForm,
    MfaCodeForm,
    PreferencesForm,
    ProfileForm,
    add_service_error,
)
from .i18n import remember_language
from .selectors import exports_recent
from .views import page


def _forms(request, **bound) -> dict:
    user = request.user
    preferences = user.preferences or {}
    mfa = account_selectors.user_mfa_status(user=user)
    return {
        "profile_form": bound.get("profile_form") or ProfileForm(initial={"name": user.name}),
        "avatar_form": bound.get("avatar_form") or AvatarForm(),
        "preferences_form": bound.get("preferences_form")
        or PreferencesForm(initial=preferences, language=request.LANGUAGE_CODE),
        "mfa_form": bound.get("mfa_form") or MfaCodeForm(),
        "export_form": bound.get("export_form") or ExportForm(initial={"format": "json"}),
        "delete_form": bound.get("delete_form")
        or DeleteAccountForm(has_password=user.has_usable_password(), has_mfa=mfa.enabled),
        "mfa": mfa,
        "has_password": user.has_usable_password(),
        "exports": [(job, _download_url(job)) for job in exports_recent(user=user)],
    }


def _download_url(job) -> str | None:
    if job.status != ExportStatus.COMPLETED or not job.file:
        return None
    return download_path(job)


def _settings_page(request, *, status: int = 200, **bound):
    return render(request, "web/settings.html", _forms(request, **bound), status=status)


def _done(anchor: str):
    return redirect(f"{reverse('web:settings')}#{anchor}")


@require_GET
@page
def settings_page(request):
    return _settings_page(request)


@require_POST
@page
def profile_update(request):
    form = ProfileForm(request.POST)
    if not form.is_valid():
        return _settings_page(request, status=400, profile_form=form)
    user_profile_update(user=request.user, name=form.cleaned_data["name"])
    messages.success(request, _("Your profile is saved."))
    return _done("profile")


@require_POST
@page
def avatar_update(request):
    form = AvatarForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            user_avatar_update(user=request.user, upload=form.cleaned_data["avatar"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your profile picture is saved."))
            return _done("profile")
    return _settings_page(request, status=400, avatar_form=form)


@require_POST
@page
def preferences_update(request):
    form = PreferencesForm(request.POST, language=request.LANGUAGE_CODE)
    if not form.is_valid():
        return _settings_page(request, status=400, preferences_form=form)
    user_profile_update(user=request.user, preferences=form.cleaned_data)
    # The page that answers speaks the language just chosen.
    messages.success(request, _("Your preferences are saved."))
    response = _done("preferences")
    remember_language(request, response, form.cleaned_data["language"])
    return response


@page
def mfa_setup(request):
    """Step 1 shows the QR code of a new secret; step 2 checks a code and shows recovery codes."""
    if request.method == "POST":
        form = MfaCodeForm(request.POST)
        if form.is_valid():
            try:
                codes = totp_setup_confirm(user=request.user, code=form.cleaned_data["code"])
            except ApplicationError as error:
                add_service_error(form, error)
            else:
                return render(request, "web/mfa_recovery_codes.html", {"codes": codes})
        status = 400
    else:
        form = MfaCodeForm()
        status = 200
    try:
        setup = totp_setup_start(user=request.user)
    except ApplicationError as error:
        messages.info(request, error.message)
        return _done("security")
    return render(request, "web/mfa_setup.html", {"setup": setup, "form": form}, status=status)


@require_POST
@page
def mfa_disable(request):
    form = MfaCodeForm(request.POST)
    if form.is_valid():
        try:
            account_mfa_disable(request=request, code=form.cleaned_data["code"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Two-factor authentication is off."))
            return _done("security")
    return _settings_page(request, status=400, mfa_form=form)


@require_POST
@page
def export_request(request):
    form = ExportForm(request.POST)
    if form.is_valid():
        try:
            enforce_rate_limit(
                request, group="export", key="user_or_ip", rate=settings.RATE_LIMITS["export"]
            )
            export_create(user=request.user, format=form.cleaned_data["format"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Your export is being prepared. Its download link appears below.")
            )
            return _done("data")
    return _settings_page(request, status=400, export_form=form)


@require_POST
@page
def account_delete(request):
    user = request.user
    has_mfa = account_selectors.user_mfa_enabled(user=user)
    form = DeleteAccountForm(request.POST, has_password=user.has_usable_password(), has_mfa=has_mfa)
    if form.is_valid():
        data = form.cleaned_data
        try:
            user_delete(
                request=request,
                password=data.get("password") or None,
                confirm=data.get("confirm") or None,
                code=data.get("code") or None,
            )
        except ApplicationError as error:
            if error.code == "reauthentication_required":
                # allauth's "Confirm access" page, then back here to delete.
                messages.info(request, _("Confirm it is you, then delete your account again."))
                query = urlencode({"next": f"{reverse('web:settings')}#delete"})
                return redirect(f"{reverse('account_reauthenticate')}?{query}")
            add_service_error(form, error)
        else:
            logout(request)
            messages.success(request, _("Your account and all of your data have been deleted."))
            return redirect("web:home")
    return _settings_page(request, status=400, delete_form=form)
