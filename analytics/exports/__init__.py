"""Export files: `build_export` writes a job's file in its format (json, csv zip, pdf)."""

from __future__ import annotations

from datetime import datetime
from typing import IO

from accounts.models import User

from ..models import ExportFormat
from .csv_export import write_csv_zip
from .data import tables_for
from .json_export import write_json

EXTENSIONS = {ExportFormat.JSON: "json", ExportFormat.CSV: "zip", ExportFormat.PDF: "pdf"}
CONTENT_TYPES = {
    ExportFormat.JSON: "application/json",
    ExportFormat.CSV: "application/zip",
    ExportFormat.PDF: "application/pdf",
}


def build_export(
    out: IO[bytes], *, user: User, fmt: str, scope: str, exported_at: datetime, job_id: str
) -> None:
    if fmt == ExportFormat.PDF:
        # reportlab (~14 MB) is loaded by the process that writes a PDF, not by every process
        # that imports the analytics app (web, both worker roles).
        from .pdf_export import write_pdf

        write_pdf(out, user=user, scope=scope, exported_at=exported_at)
        return
    header = {
        "id": job_id,
        "userId": str(user.pk),
        "email": user.email,
        "scope": scope,
        "format": fmt,
        "exportedAt": exported_at.isoformat().replace("+00:00", "Z"),
    }
    tables = tables_for(user=user, scope=scope)
    if fmt == ExportFormat.JSON:
        write_json(out, header=header, tables=tables)
    else:
        write_csv_zip(out, header=header, tables=tables)
