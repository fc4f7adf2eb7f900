"""The page a password-reset e-mail links to when no FRONTEND_URL is configured.

The API's `POST /api/auth/forgot-password` mails `<this server>/reset-password?uid=…&token=…`.
The uid and token are the ones allauth's own reset page checks (allauth's user_pk_to_url_str
and default token generator), so this page hands them to it: allauth moves the token out of the
address into the session, asks for the new password and says when it is saved. An unusable link
lands on the same page's "this link no longer works", with a way to ask for a new one.
"""

from __future__ import annotations

import re

from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET

_UID = re.compile(r"[0-9A-Za-z]{1,64}")
_TOKEN = re.compile(r"[0-9A-Za-z-]{1,128}")


@require_GET
def reset_password(request):
    uid = request.GET.get("uid", "")
    token = request.GET.get("token", "")
    if not (_UID.fullmatch(uid) and _TOKEN.fullmatch(token)):
        return redirect("account_reset_password")
    return redirect(
        reverse("account_reset_password_from_key", kwargs={"uidb36": uid, "key": token})
    )
