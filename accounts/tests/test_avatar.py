"""Avatar upload: decoded and re-encoded by Pillow, bounded, and refused when not a real image."""

from __future__ import annotations

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from .conftest import assert_error

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def image_bytes(fmt: str, size=(800, 600), mode="RGB", **save) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color="teal" if mode == "RGB" else 0).save(buffer, format=fmt, **save)
    return buffer.getvalue()


def upload(client, content: bytes, name: str = "me.png", content_type: str = "image/png"):
    return client.post(
        reverse("users-avatar"),
        {"avatar": SimpleUploadedFile(name, content, content_type=content_type)},
        format="multipart",
    )


@pytest.mark.parametrize(
    ("fmt", "name"), [("PNG", "me.png"), ("JPEG", "me.jpg"), ("WEBP", "me.webp")]
)
def test_an_image_is_stored_as_a_bounded_square_webp(signed_in, fmt, name):
    user, client, _ = signed_in
    response = upload(client, image_bytes(fmt, size=(1200, 700)), name=name)
    assert response.status_code == 200, response.content
    url = response.json()["avatar"]
    assert url.startswith("http://testserver/media/avatars/") and url.endswith(".webp")
    user.refresh_from_db()
    with default_storage.open(user.avatar.name) as stored, Image.open(stored) as image:
        assert image.format == "WEBP"
        assert image.size == (512, 512)


def test_metadata_is_stripped(signed_in):
    user, client, _ = signed_in
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # camera make
    exif[0x8825] = {2: (37.0, 33.0, 0.0)}  # GPS
    response = upload(client, image_bytes("JPEG", exif=exif.tobytes()), name="me.jpg")
    assert response.status_code == 200
    user.refresh_from_db()
    with default_storage.open(user.avatar.name) as stored:
        data = stored.read()
    assert b"SpyCam" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()


def test_a_small_image_is_not_enlarged(signed_in):
    user, client, _ = signed_in
    assert upload(client, image_bytes("PNG", size=(100, 80))).status_code == 200
    user.refresh_from_db()
    with default_storage.open(user.avatar.name) as stored, Image.open(stored) as image:
        assert image.size == (80, 80)


def test_a_new_avatar_replaces_the_old_file(signed_in, django_capture_on_commit_callbacks):
    user, client, _ = signed_in
    upload(client, image_bytes("PNG"))
    user.refresh_from_db()
    first = user.avatar.name
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, image_bytes("PNG", size=(300, 300)))
    user.refresh_from_db()
    assert user.avatar.name != first
    assert default_storage.exists(user.avatar.name)
    assert not default_storage.exists(first)


def test_a_file_over_2_mb_is_refused(signed_in):
    _, client, _ = signed_in
    too_big = image_bytes("PNG") + b"\0" * (2 * 1024 * 1024)
    assert_error(
        upload(client, too_big), status=400, type="validation_error", code="avatar_too_large"
    )


@pytest.mark.parametrize(
    ("content", "name"),
    [
        pytest.param(b"this is not an image at all", "me.png", id="text-named-png"),
        pytest.param(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "me.jpg", id="svg-named-jpg"),
        pytest.param(image_bytes("GIF"), "me.gif", id="gif"),
        pytest.param(image_bytes("PNG")[:200], "me.png", id="truncated-png"),
    ],
)
def test_what_is_not_a_png_jpeg_or_webp_is_refused(signed_in, content, name):
    user, client, _ = signed_in
    response = upload(client, content, name=name)
    body = assert_error(response, status=400, type="validation_error", code="avatar_invalid")
    assert "avatar" in body["error"]["details"]["fields"]
    user.refresh_from_db()
    assert not user.avatar


@pytest.mark.parametrize(
    "size", [pytest.param((20_000, 20_000), id="past-pillows-limit"), (8_000, 6_000)]
)
def test_a_decompression_bomb_is_refused(signed_in, size):
    # A one-colour bitmap compresses to almost nothing but decodes to size[0] * size[1] pixels.
    _, client, _ = signed_in
    bomb = image_bytes("PNG", size=size, mode="1", optimize=True)
    assert len(bomb) < 2 * 1024 * 1024
    assert_error(
        upload(client, bomb), status=400, type="validation_error", code="avatar_too_many_pixels"
    )


def test_the_upload_needs_a_file(signed_in):
    _, client, _ = signed_in
    response = client.post(reverse("users-avatar"), {}, format="multipart")
    assert_error(response, status=400, type="validation_error", code="invalid_input")
