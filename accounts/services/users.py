"""A user's own account: profile, settings, avatar, and erasure."""

from __future__ import annotations

import uuid
import warnings
from io import BytesIO
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from interview_platform.api.errors import ErrorType

from .. import errors, selectors
from ..models import User, default_preferences
from .erasure import user_data_erase
from .mfa import mfa_code_verify
from .reauth import reauthentication_is_fresh, reauthentication_require

AVATAR_FORMATS = ("PNG", "JPEG", "WEBP")


def user_profile_update(
    *, user: User, name: str | None = None, preferences: dict[str, Any] | None = None
) -> User:
    """Changes what a user may change about themselves; role and subscription are not theirs."""
    fields = ["updated_at"]
    if name is not None:
        user.name = name.strip()
        fields.append("name")
    if preferences:
        user.preferences = {**default_preferences(), **(user.preferences or {}), **preferences}
        fields.append("preferences")
    user.save(update_fields=fields)
    return user


def user_settings_update(*, user: User, preferences: dict[str, Any]) -> dict[str, Any]:
    """Merges `preferences` into the stored ones: fields left out keep their value."""
    return user_profile_update(user=user, preferences=preferences).preferences


def _avatar_error(message: str, code: str) -> Exception:
    return errors.field_error(message, code=code, field="avatar")


def avatar_image_normalize(upload: UploadedFile) -> bytes:
    """Decodes the upload with Pillow and re-encodes it: a square WebP, without its metadata.

    What cannot be decoded as PNG, JPEG or WebP is refused, whatever its name or content type,
    and so is an image whose pixel count could exhaust memory (a decompression bomb).
    """
    if upload.size > settings.AVATAR_MAX_BYTES:
        raise _avatar_error(
            _("The image is larger than %(mb)s MB.") % {"mb": settings.AVATAR_MAX_BYTES // 2**20},
            "avatar_too_large",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=AVATAR_FORMATS) as image:
                if image.width * image.height > settings.AVATAR_MAX_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                image.load()
                image = ImageOps.exif_transpose(image)
                has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
                image = image.convert("RGBA" if has_alpha else "RGB")
                side = min(settings.AVATAR_SIZE, image.width, image.height)
                image = ImageOps.fit(image, (side, side), Image.Resampling.LANCZOS)
                output = BytesIO()
                image.save(output, format="WEBP", quality=85, method=4)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _avatar_error(_("The image has too many pixels."), "avatar_too_many_pixels") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise _avatar_error(_("Upload a PNG, JPEG or WebP image."), "avatar_invalid") from exc
    return output.getvalue()


@transaction.atomic
def user_avatar_update(*, user: User, upload: UploadedFile) -> User:
    content = avatar_image_normalize(upload)
    previous = user.avatar.name
    storage = user.avatar.storage
    # A new name every time, so caches and CDNs never serve the old picture under it.
    user.avatar.save(
        f"{user.pk.hex}-{uuid.uuid4().hex[:12]}.webp", ContentFile(content), save=False
    )
    user.save(update_fields=["avatar", "updated_at"])
    if previous:
        transaction.on_commit(lambda: storage.delete(previous))
    return user


def _inline_proof(*, user: User, password: str | None, code: str | None) -> bool:
    """Whether a password or code sent with the deletion proves it is the user (a wrong one is
    refused, not ignored)."""
    if password and (not user.has_usable_password() or not user.check_password(password)):
        raise errors.field_error(
            _("The password is incorrect."),
            code="invalid_credentials",
            field="password",
            status=403,
            type=ErrorType.AUTHENTICATION,
        )
    if code and not mfa_code_verify(user=user, code=code):
        raise errors.field_error(
            _("The authentication code is incorrect."), code="invalid_mfa_code", field="code"
        )
    return bool(password or code)


@transaction.atomic
def user_delete(
    *, request, password: str | None = None, confirm: str | None = None, code: str | None = None
) -> None:
    """Erases the user and everything of theirs, in one transaction, once they have
    re-authenticated: within the last few minutes (`POST /api/auth/reauthenticate`, the pages'
    "Confirm access", or the sign-in itself), or with the password (and, with MFA on, a code)
    sent along. `confirm` ("DELETE") guards against a slip, it proves nothing. See
    `erasure.user_data_erase` and its inventory `PERSONAL_DATA`."""
    user: User = request.user
    if confirm is not None and confirm != "DELETE":
        raise errors.field_error(
            _('Type "DELETE" to confirm.'), code="confirmation_required", field="confirm"
        )
    proved = _inline_proof(user=user, password=password, code=code)
    mfa_missing = proved and not code and selectors.user_mfa_enabled(user=user)
    if mfa_missing and not reauthentication_is_fresh(request=request):
        raise errors.field_error(
            _("Enter a code from your authenticator app."),
            code="mfa_required",
            field="code",
            status=403,
            type=ErrorType.AUTHENTICATION,
        )
    if not proved:
        reauthentication_require(request=request)
    user_data_erase(user=user)
