"""Erasure of a user's exports: the jobs cascade with the user; their files (and any file left
in the user's export folder by an interrupted build) are deleted once the deletion commits."""

from __future__ import annotations

from django.db import transaction

from .models import ExportJob, export_folder


def user_exports_erase(*, user) -> None:
    storage = ExportJob._meta.get_field("file").storage
    names = list(
        ExportJob.objects.filter(user=user).exclude(file="").values_list("file", flat=True)
    )
    folder = export_folder(user.pk)

    def delete_files() -> None:
        for name in names:
            storage.delete(name)
        try:
            _, left = storage.listdir(folder)
        except (FileNotFoundError, NotImplementedError):
            return
        for name in left:
            storage.delete(f"{folder}/{name}")

    transaction.on_commit(delete_files)
